// StringPattern: the backtracking matcher for Lua patterns (see
// StringPattern.hpp for the approach and its limits).
//
// Character classes use the C library's <cctype> predicates, so they follow
// the C locale as lua5.4's do ("%a" is [A-Za-z] unless a program changes the
// locale).
#include "stdlib/StringPattern.hpp"

#include <cctype>
#include <cstring>

#include "runtime/Messages.hpp"
#include "stdlib/Lib.hpp"

namespace tycho::lib {

namespace {

constexpr char kEscape = '%';

// Does byte c belong to class %cl? A letter that names no class stands for
// itself ("%." is a dot); an upper-case class letter is the complement.
bool classMatches(int c, int cl) {
  bool in;
  // The class letters are ASCII in every locale: bit 5 set is the lower
  // case of a letter (and maps no other byte onto one), without a call.
  switch (cl | 0x20) {
    case 'a': in = std::isalpha(c); break;
    case 'c': in = std::iscntrl(c); break;
    case 'd': in = std::isdigit(c); break;
    case 'g': in = std::isgraph(c); break;
    case 'l': in = std::islower(c); break;
    case 'p': in = std::ispunct(c); break;
    case 's': in = std::isspace(c); break;
    case 'u': in = std::isupper(c); break;
    case 'w': in = std::isalnum(c); break;
    case 'x': in = std::isxdigit(c); break;
    case 'z': in = c == 0; break;  // deprecated in 5.2, still accepted by lua5.4
    default: return cl == c;
  }
  return cl < 'a' ? !in : in;  // 'A' .. 'Z'
}

// Does byte c belong to the set that starts at '[' (p) and ends at ']' (end)?
// A '-' between two characters makes a range unless it is the last thing
// before the ']'.
bool setMatches(int c, const char* p, const char* end) {
  bool complement = false;
  if (p[1] == '^') {
    complement = true;
    p++;
  }
  while (++p < end) {
    if (*p == kEscape) {
      p++;
      if (classMatches(c, static_cast<unsigned char>(*p))) return !complement;
    } else if (p[1] == '-' && p + 2 < end) {
      p += 2;
      if (static_cast<unsigned char>(p[-2]) <= c && c <= static_cast<unsigned char>(*p)) return !complement;
    } else if (static_cast<unsigned char>(*p) == c) {
      return !complement;
    }
  }
  return complement;
}

}  // namespace

PatternMatcher::PatternMatcher(lua_State* L, const char* subject, size_t subjectLength, const char* pattern,
                               size_t patternLength)
    : L_(L),
      subject_(subject),
      subjectEnd_(subject + subjectLength),
      pattern_(pattern),
      patternEnd_(pattern + patternLength) {}

const char* PatternMatcher::matchAt(const char* s, const char* p) {
  level_ = 0;
  depth_ = kMaxMatchDepth;
  return match(s, p);
}

// Every entry here is a choice point; the depth it counts is lua5.4's.
const char* PatternMatcher::match(const char* s, const char* p) {
  if (depth_-- == 0) libError(L_, msg::kPatternTooComplex);
  const char* result = matchItems(s, p);
  depth_++;
  return result;
}

// Matches the items from p on; items without a choice loop here instead of
// recursing.
const char* PatternMatcher::matchItems(const char* s, const char* p) {
  for (;;) {
    if (p == patternEnd_) return s;
    switch (*p) {
      case '(':
        if (patternAt(p + 1) == ')') return startCapture(s, p + 2, kCapturePosition);
        return startCapture(s, p + 1, kCaptureOpen);
      case ')':
        return endCapture(s, p + 1);
      case '$':
        // Only a final '$' anchors; elsewhere it is an ordinary character.
        if (p + 1 == patternEnd_) return s == subjectEnd_ ? s : nullptr;
        break;
      case kEscape: {
        char next = patternAt(p + 1);
        if (next == 'b') {
          s = matchBalance(s, p + 2);
          if (!s) return nullptr;
          p += 4;
          continue;
        }
        if (next == 'f') {
          p += 2;
          if (patternAt(p) != '[') libError(L_, msg::kPatternFrontierBracket);
          const char* ep = classEnd(p);
          // Outside the subject, the frontier sees '\0' on either side.
          int before = s == subject_ ? 0 : static_cast<unsigned char>(s[-1]);
          int here = s < subjectEnd_ ? static_cast<unsigned char>(*s) : 0;
          if (setMatches(before, p, ep - 1) || !setMatches(here, p, ep - 1)) return nullptr;
          p = ep;
          continue;
        }
        if (next >= '0' && next <= '9') {
          s = matchBackReference(s, next);
          if (!s) return nullptr;
          p += 2;
          continue;
        }
        break;
      }
      default:
        break;
    }
    // A single-character class with an optional quantifier.
    const char* ep = classEnd(p);
    char quantifier = patternAt(ep);
    if (!singleMatches(s, p, ep)) {
      if (quantifier == '*' || quantifier == '?' || quantifier == '-') {
        p = ep + 1;  // the item matches the empty string
        continue;
      }
      return nullptr;
    }
    switch (quantifier) {
      case '?': {
        if (const char* r = match(s + 1, ep + 1)) return r;
        p = ep + 1;
        continue;
      }
      case '+': return maxExpand(s + 1, p, ep);
      case '*': return maxExpand(s, p, ep);
      case '-': return minExpand(s, p, ep);
      default:
        s++;
        p = ep;
        continue;
    }
  }
}

// Greedy repetition: take as many as possible, then give them back one by one.
const char* PatternMatcher::maxExpand(const char* s, const char* p, const char* ep) {
  ptrdiff_t count = 0;
  while (singleMatches(s + count, p, ep)) count++;
  for (; count >= 0; count--) {
    if (const char* r = match(s + count, ep + 1)) return r;
  }
  return nullptr;
}

// Lazy repetition: try the rest of the pattern first, then one more item.
const char* PatternMatcher::minExpand(const char* s, const char* p, const char* ep) {
  for (;;) {
    if (const char* r = match(s, ep + 1)) return r;
    if (!singleMatches(s, p, ep)) return nullptr;
    s++;
  }
}

const char* PatternMatcher::startCapture(const char* s, const char* p, ptrdiff_t what) {
  if (level_ >= kMaxCaptures) libError(L_, msg::kPatternTooManyCaptures);
  captures_[level_] = {s, what};
  level_++;
  const char* r = match(s, p);
  if (!r) level_--;
  return r;
}

const char* PatternMatcher::endCapture(const char* s, const char* p) {
  // The innermost capture still open is the one this ')' closes.
  int i = level_ - 1;
  while (i >= 0 && captures_[i].length != kCaptureOpen) i--;
  if (i < 0) libError(L_, msg::kPatternInvalidCapture);
  captures_[i].length = s - captures_[i].start;
  const char* r = match(s, p);
  if (!r) captures_[i].length = kCaptureOpen;
  return r;
}

// %bxy at p (pointing at x): a balanced run from x to the matching y.
const char* PatternMatcher::matchBalance(const char* s, const char* p) const {
  if (p >= patternEnd_ - 1) libError(L_, msg::kPatternMissingBalance);
  if (s >= subjectEnd_ || *s != *p) return nullptr;
  char open = p[0], close = p[1];
  int depth = 1;
  while (++s < subjectEnd_) {
    if (*s == close) {
      if (--depth == 0) return s + 1;
    } else if (*s == open) {
      depth++;
    }
  }
  return nullptr;
}

// %1-%9 (and the invalid %0): the text of an earlier, closed capture again.
const char* PatternMatcher::matchBackReference(const char* s, char digit) const {
  int i = digit - '1';
  if (i < 0 || i >= level_ || captures_[i].length == kCaptureOpen)
    libError(L_, msg::kPatternInvalidCaptureIndex, i + 1);
  ptrdiff_t length = captures_[i].length;
  // A position capture has no text, so it never matches.
  if (length < 0 || subjectEnd_ - s < length) return nullptr;
  return std::memcmp(captures_[i].start, s, size_t(length)) == 0 ? s + length : nullptr;
}

const char* PatternMatcher::classEnd(const char* p) const {
  char c = *p++;
  if (c == kEscape) {
    if (p == patternEnd_) libError(L_, msg::kPatternEndsWithPercent);
    return p + 1;
  }
  if (c == '[') {
    if (patternAt(p) == '^') p++;
    // The first character of a set is never its end, so "[]]" is a set of ']'.
    do {
      if (p == patternEnd_) libError(L_, msg::kPatternMissingBracket);
      char d = *p++;
      if (d == kEscape && p < patternEnd_) p++;
    } while (patternAt(p) != ']');
    return p + 1;
  }
  return p;
}

bool PatternMatcher::singleMatches(const char* s, const char* p, const char* ep) const {
  if (s >= subjectEnd_) return false;
  int c = static_cast<unsigned char>(*s);
  switch (*p) {
    case '.': return true;
    case kEscape: return classMatches(c, static_cast<unsigned char>(p[1]));
    case '[': return setMatches(c, p, ep - 1);
    default: return static_cast<unsigned char>(*p) == c;
  }
}

CaptureText PatternMatcher::capture(int i, const char* s, const char* e) const {
  if (i >= level_) {
    if (i != 0) libError(L_, msg::kPatternInvalidCaptureIndex, i + 1);
    return {s, e - s, 0};
  }
  const Capture& c = captures_[i];
  if (c.length == kCaptureOpen) libError(L_, msg::kPatternUnfinishedCapture);
  return {c.start, c.length, Integer(c.start - subject_) + 1};
}

void PatternMatcher::pushCapture(int i, const char* s, const char* e) const {
  CaptureText c = capture(i, s, e);
  if (c.length == kCapturePosition) push(L_, Value::integer(c.position));
  else pushString(L_, std::string_view(c.start, size_t(c.length)));
}

int PatternMatcher::pushCaptures(const char* s, const char* e, bool wholeIfNone) const {
  int n = (level_ == 0 && wholeIfNone) ? 1 : level_;
  ensureStack(L_, n);
  for (int i = 0; i < n; i++) pushCapture(i, s, e);
  return n;
}

}  // namespace tycho::lib

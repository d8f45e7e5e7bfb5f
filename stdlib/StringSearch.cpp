// StringSearch: string.find, string.match, string.gmatch and string.gsub
// (manual §6.4), the functions that search with patterns (StringPattern).
//
// find and match try the pattern at each position from `init` on (only at
// `init` when it starts with the anchor '^'); find does a plain substring
// search when asked to or when the pattern has no magic character. gmatch
// keeps its state in the upvalues of the iterator it returns; gsub builds
// the result in a StringBuffer and calls replacement functions and
// metamethods through the VM, so it re-derives stack positions after them.
#include <cstring>
#include <string_view>

#include "runtime/Messages.hpp"
#include "runtime/Function.hpp"
#include "runtime/Number.hpp"
#include "stdlib/StringLib.hpp"
#include "stdlib/StringPattern.hpp"

namespace tycho::lib {

namespace {

// Characters that make a pattern more than a plain string.
constexpr std::string_view kSpecials("^$*+?.([%-");

bool hasSpecials(std::string_view p) { return p.find_first_of(kSpecials) != std::string_view::npos; }

// find (isFind) and match share everything but what they return.
int findOrMatch(lua_State* L, bool isFind) {
  const char* fname = isFind ? "find" : "match";
  String* subject = checkString(L, 1, fname);
  String* pattern = checkString(L, 2, fname);
  size_t length = subject->length();
  size_t init = startPosition(optInteger(L, 3, fname, 1), length) - 1;
  if (init > length) {
    push(L, Value::nil());
    return 1;
  }
  const char* s = subject->data();
  std::string_view p = view(pattern);
  if (isFind && (arg(L, 4).isTruthy() || !hasSpecials(p))) {
    size_t at = view(subject).find(p, init);
    if (at == std::string_view::npos) {
      push(L, Value::nil());
      return 1;
    }
    push(L, Value::integer(Integer(at) + 1));
    push(L, Value::integer(Integer(at + p.size())));
    return 2;
  }
  bool anchored = !p.empty() && p[0] == '^';
  if (anchored) p.remove_prefix(1);
  PatternMatcher matcher(L, s, length, p.data(), p.size());
  const char* from = s + init;
  do {
    if (const char* e = matcher.matchAt(from, p.data())) {
      if (!isFind) return matcher.pushCaptures(from, e, true);
      ensureStack(L, 2);
      push(L, Value::integer(Integer(from - s) + 1));
      push(L, Value::integer(Integer(e - s)));
      return matcher.pushCaptures(nullptr, nullptr, false) + 2;
    }
  } while (from++ < s + length && !anchored);
  push(L, Value::nil());
  return 1;
}

// The iterator of gmatch. Upvalues: the subject, the pattern, the position
// where the next search starts, and the end of the last match (-1 before
// the first), which a new match may not end at again: an empty match right
// after a match is skipped.
int gmatchStep(lua_State* L) {
  NativeClosure* self = L->ci->func->asNativeClosure();
  String* subject = self->upvalues[0].asString();
  String* pattern = self->upvalues[1].asString();
  const char* s = subject->data();
  size_t length = subject->length();
  PatternMatcher matcher(L, s, length, pattern->data(), pattern->length());
  Integer last = self->upvalues[3].asInteger();
  for (size_t from = size_t(self->upvalues[2].asInteger()); from <= length; from++) {
    const char* e = matcher.matchAt(s + from, pattern->data());
    if (e && e - s != last) {
      self->upvalues[2].setInteger(e - s);
      self->upvalues[3].setInteger(e - s);
      return matcher.pushCaptures(s + from, e, true);
    }
  }
  return 0;
}

// Appends the replacement string (argument 3) for a match from s to e:
// "%0" is the match, "%1".."%9" the captures, "%%" a percent sign.
void appendReplacement(lua_State* L, StringBuffer& b, const PatternMatcher& matcher, const char* s,
                       const char* e) {
  std::string_view r = view(args(L)[2].asString());
  size_t i = 0;
  for (;;) {
    size_t percent = r.find('%', i);
    if (percent == std::string_view::npos) break;
    b.append(r.substr(i, percent - i));
    char c = percent + 1 < r.size() ? r[percent + 1] : '\0';
    if (c == '%') {
      b.append('%');
    } else if (c == '0') {
      b.append(s, size_t(e - s));
    } else if (c >= '1' && c <= '9') {
      CaptureText cap = matcher.capture(c - '1', s, e);
      if (cap.length == kCapturePosition) {
        char text[kMaxNumberText];
        b.append(text, numberToText(Value::integer(cap.position), text));
      } else {
        b.append(cap.start, size_t(cap.length));
      }
    } else {
      libError(L, msg::kGsubInvalidPercent);
    }
    i = percent + 2;
  }
  if (i < r.size()) b.append(r.substr(i));
}

// Appends what replaces the match from s to e; returns false when the
// match is kept as it is (a false or nil from a table or function).
bool appendValue(lua_State* L, StringBuffer& b, const PatternMatcher& matcher, const char* s, const char* e) {
  Value how = args(L)[2];
  if (how.isString()) {
    appendReplacement(L, b, matcher, s, e);
    return true;
  }
  ensureStack(L, 2);
  if (how.isTable()) {
    matcher.pushCapture(0, s, e);
    ptrdiff_t result = saveStack(L, L->top - 1);
    getTableMeta(L, how, L->top[-1], result);
  } else {
    ptrdiff_t func = saveStack(L, L->top);
    push(L, how);
    matcher.pushCaptures(s, e, true);
    call(L, restoreStack(L, func), 1);
  }
  Value v = L->top[-1];
  if (v.isFalsy()) {
    L->top--;
    b.append(s, size_t(e - s));
    return false;
  }
  if (!v.isString() && !v.isNumber()) libError(L, msg::kGsubInvalidReplacement, basicTypeName(v.type()));
  if (v.isString()) {
    b.append(view(v.asString()));
  } else {
    char text[kMaxNumberText];
    b.append(text, numberToText(v, text));
  }
  L->top--;
  return true;
}

}  // namespace

int strFind(lua_State* L) { return findOrMatch(L, true); }
int strMatch(lua_State* L) { return findOrMatch(L, false); }

int strGmatch(lua_State* L) {
  String* subject = checkString(L, 1, "gmatch");
  checkString(L, 2, "gmatch");
  size_t length = subject->length();
  size_t init = startPosition(optInteger(L, 3, "gmatch", 1), length) - 1;
  if (init > length) init = length + 1;  // nothing left to match
  NativeClosure* c = newNativeClosure(L, gmatchStep, 4);
  c->upvalues[0] = args(L)[0];
  c->upvalues[1] = args(L)[1];
  c->upvalues[2].setInteger(Integer(init));
  c->upvalues[3].setInteger(-1);
  push(L, Value::nativeClosure(c));
  return 1;
}

int strGsub(lua_State* L) {
  String* subject = checkString(L, 1, "gsub");
  String* pattern = checkString(L, 2, "gsub");
  size_t length = subject->length();
  Value how = arg(L, 3);
  Integer maxReplacements = optInteger(L, 4, "gsub", Integer(length) + 1);
  if (how.isNumber()) checkString(L, 3, "gsub");  // replaced by its text, in place
  else if (!how.isString() && !how.isTable() && !how.isFunction())
    argTypeError(L, 3, "gsub", msg::kStrArgReplacementTypes);
  const char* s = subject->data();
  const char* end = s + length;
  std::string_view p = view(pattern);
  bool anchored = !p.empty() && p[0] == '^';
  if (anchored) p.remove_prefix(1);
  PatternMatcher matcher(L, s, length, p.data(), p.size());
  StringBuffer b(L);
  const char* lastMatch = nullptr;
  Integer count = 0;
  bool changed = false;
  while (count < maxReplacements) {
    const char* e = matcher.matchAt(s, p.data());
    if (e && e != lastMatch) {
      count++;
      changed = appendValue(L, b, matcher, s, e) || changed;
      s = lastMatch = e;
    } else if (s < end) {
      b.append(*s++);
    } else {
      break;
    }
    if (anchored) break;
  }
  if (changed) {
    b.append(s, size_t(end - s));
    b.push();
  } else {
    push(L, args(L)[0]);  // no change: the subject itself
  }
  push(L, Value::integer(count));
  return 2;
}

}  // namespace tycho::lib

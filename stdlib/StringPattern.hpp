// StringPattern: the matcher for Lua patterns (manual §6.4.1).
//
// A pattern is matched by backtracking, one pattern item at a time. Items
// that need no choice (a single character class, a frontier, a balance, a
// back-reference) advance in a loop; every choice point (the quantifiers
// * + - ?, opening and closing a capture) recurses, so that failure can
// return to it. The recursion depth is bounded the way lua5.4 bounds it
// (200 nested choice points, then "pattern too complex"), which keeps the
// C++ stack small and gives the same errors for the same patterns.
//
// The subject and the pattern are Lua strings on the stack (the collector
// does not move objects), so the matcher keeps raw pointers into them.
// Positions past the end of the pattern read as '\0', as they do in C Lua,
// where strings end with a zero byte: that is what decides, for instance,
// that "[a" is missing its ']'.
#pragma once

#include <cstddef>

#include "runtime/Value.hpp"

struct lua_State;

namespace tycho::lib {

constexpr int kMaxCaptures = 32;     // LUA_MAXCAPTURES
constexpr int kMaxMatchDepth = 200;  // MAXCCALLS of lstrlib

// Capture::length of a capture that is still open, and of a position capture "()".
constexpr ptrdiff_t kCaptureOpen = -1;
constexpr ptrdiff_t kCapturePosition = -2;

// A capture of the last match: text (start, length), or a position when
// length is kCapturePosition (position = 1-based index in the subject).
struct CaptureText {
  const char* start;
  ptrdiff_t length;
  Integer position;
};

class PatternMatcher {
 public:
  PatternMatcher(lua_State* L, const char* subject, size_t subjectLength, const char* pattern,
                 size_t patternLength);

  // Matches the pattern from `p` (a pointer into the pattern, past any '^'
  // the caller treats as an anchor) at subject position `s`; returns the end
  // of the match or null. Each call starts with no captures.
  const char* matchAt(const char* s, const char* p);

  int captureCount() const { return level_; }
  // Capture i (0-based) of the last match that went from s to e. With no
  // captures at all, capture 0 is the whole match. Raises "invalid capture
  // index" and "unfinished capture" as lua5.4 does.
  CaptureText capture(int i, const char* s, const char* e) const;
  // Pushes every capture (or the whole match when there are none and
  // `wholeIfNone`); returns how many values it pushed.
  int pushCaptures(const char* s, const char* e, bool wholeIfNone) const;
  void pushCapture(int i, const char* s, const char* e) const;

 private:
  struct Capture {
    const char* start;
    ptrdiff_t length;
  };

  const char* match(const char* s, const char* p);
  const char* matchItems(const char* s, const char* p);
  const char* maxExpand(const char* s, const char* p, const char* ep);
  const char* minExpand(const char* s, const char* p, const char* ep);
  const char* startCapture(const char* s, const char* p, ptrdiff_t what);
  const char* endCapture(const char* s, const char* p);
  const char* matchBalance(const char* s, const char* p) const;
  const char* matchBackReference(const char* s, char digit) const;
  // The end of the single-character class that starts at p.
  const char* classEnd(const char* p) const;
  bool singleMatches(const char* s, const char* p, const char* ep) const;
  char patternAt(const char* p) const { return p < patternEnd_ ? *p : '\0'; }

  lua_State* L_;
  const char* subject_;
  const char* subjectEnd_;
  const char* pattern_;
  const char* patternEnd_;
  int depth_ = kMaxMatchDepth;
  int level_ = 0;
  Capture captures_[kMaxCaptures];
};

}  // namespace tycho::lib

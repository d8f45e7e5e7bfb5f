// StringLib: what the files of the string library (manual §6.4) share.
//
// The library is split by concern:
//   StringLib.cpp      the simple functions (len, sub, byte, rep, ...), the
//                      registration and the string metatable;
//   StringPattern.cpp  the pattern matcher of §6.4.1 (StringPattern.hpp);
//   StringSearch.cpp   find, match, gmatch and gsub, over the matcher;
//   StringFormat.cpp   string.format;
//   StringPack.cpp     pack, packsize and unpack (§6.4.2).
// Results are built in a StringBuffer and become Lua strings in one step, so
// no half-built string object is ever visible to the collector.
#pragma once

#include <cstddef>
#include <string_view>

#include "stdlib/Lib.hpp"

namespace tycho::lib {

// The largest string the library builds on purpose: lua5.4's lstrlib limits
// results (string.rep, pack formats) to INT_MAX bytes, and so does Tycho, so
// that the same requests fail with the same message.
constexpr size_t kMaxStringResult = 0x7fffffff;

// A growable byte buffer in accounted raw memory (gc::allocRaw), so the
// state's memory limit applies and a failure is a Lua memory error. The
// destructor frees it, also when a Lua error unwinds through its owner.
class StringBuffer {
 public:
  explicit StringBuffer(lua_State* L) : L_(L) {}
  ~StringBuffer();
  StringBuffer(const StringBuffer&) = delete;
  StringBuffer& operator=(const StringBuffer&) = delete;

  void append(char c) {
    if (size_ == capacity_) grow(1);
    data_[size_++] = c;
  }
  void append(const char* s, size_t n) {
    if (n == 0) return;
    if (capacity_ - size_ < n) grow(n);
    for (size_t i = 0; i < n; i++) data_[size_ + i] = s[i];
    size_ += n;
  }
  void append(std::string_view s) { append(s.data(), s.size()); }
  void appendFill(char c, size_t n);
  // Room for `n` more bytes; the caller writes them and calls commit(n).
  char* reserve(size_t n) {
    if (capacity_ - size_ < n) grow(n);
    return data_ + size_;
  }
  void commit(size_t n) { size_ += n; }

  size_t size() const { return size_; }
  std::string_view view() const { return std::string_view(data_, size_); }
  // Pushes the contents as a Lua string.
  void push();

 private:
  void grow(size_t more);

  lua_State* L_;
  char* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

// Lua's rules for string positions (§6.4): a start position maps negative
// values from the end and clips to 1 (the result may be past the end); an
// end position clips to [0, len].
size_t startPosition(Integer pos, size_t len);
size_t endPosition(Integer pos, size_t len);

// luaL_checkstack: room for `n` more values, or "stack overflow (<what>)"
// when the stack would pass its limit.
void checkStackSpace(lua_State* L, Integer n, const char* what);

// The functions of the other files, registered by openString.
int strFind(lua_State* L);
int strMatch(lua_State* L);
int strGmatch(lua_State* L);
int strGsub(lua_State* L);
int strFormat(lua_State* L);
int strPack(lua_State* L);
int strPackSize(lua_State* L);
int strUnpack(lua_State* L);

}  // namespace tycho::lib

// What the C API tests (LuaApi*Test.cpp) share: states made through the
// public API with an allocator that tracks every block it gives, and chunks
// loaded and run through lua_load and lua_pcall.
//
// These tests use lua.h only (lauxlib is not theirs to use), so the same
// files also build against Lua 5.4.8's own library: tests/api/unit-reference.sh
// builds and runs them there (TYCHO_API_REFERENCE defined), which is how
// every expectation in them was checked against the reference.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lua.hpp"

namespace apitest {


// A lua_Alloc over malloc that keeps the size of every live block, so that
// a test can check the osize Lua passes back, the bytes in use, and that
// lua_close frees everything. An allocation that would take the live bytes
// past `limit` fails (returns NULL), as a host's memory limit does.
struct Allocator {
  std::unordered_map<void*, size_t> blocks;
  size_t liveBytes = 0;
  size_t limit = SIZE_MAX;
  long calls = 0;
  long newBlocks = 0;
  long refused = 0;
  long wrongSizes = 0;  // blocks passed back with an osize other than their size
  bool recordKinds = false;
  std::vector<size_t> kinds;  // the osize of each new block while recordKinds
};

inline void* allocate(void* ud, void* ptr, size_t osize, size_t nsize) {
  auto* a = static_cast<Allocator*>(ud);
  a->calls++;
  size_t old = 0;
  if (ptr != nullptr) {
    auto it = a->blocks.find(ptr);
    if (it == a->blocks.end()) {
      a->wrongSizes++;  // not one of ours: leave it alone
      return nullptr;
    }
    if (it->second != osize) a->wrongSizes++;
    old = it->second;
  }
  if (nsize == 0) {
    if (ptr != nullptr) {
      a->blocks.erase(ptr);
      a->liveBytes -= old;
      std::free(ptr);
    }
    return nullptr;
  }
  if (nsize > old && a->liveBytes - old + nsize > a->limit) {
    a->refused++;
    return nullptr;
  }
  void* p = std::realloc(ptr, nsize);
  if (p == nullptr) return nullptr;
  if (ptr != nullptr) a->blocks.erase(ptr);
  a->blocks[p] = nsize;
  a->liveBytes = a->liveBytes - old + nsize;
  if (ptr == nullptr) {
    a->newBlocks++;
    if (a->recordKinds) a->kinds.push_back(osize);
  }
  return p;
}

// A state on a tracking allocator, with the standard libraries when asked.
// Closing it checks that every block was given back with its size.
class State {
 public:
  explicit State(bool libraries = false) {
    L = lua_newstate(allocate, &alloc);
    if (L != nullptr && libraries) luaL_openlibs(L);
    REQUIRE(L != nullptr);
  }
  ~State() {
    if (L != nullptr) close();
  }
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  void close() {
    lua_close(L);
    L = nullptr;
    CHECK(alloc.blocks.empty());
    CHECK(alloc.liveBytes == 0);
    CHECK(alloc.wrongSizes == 0);
  }

  Allocator alloc;  // declared first: it outlives the state
  lua_State* L = nullptr;
};

// A reader that gives the chunk in pieces of `piece` bytes.
struct Pieces {
  std::string_view text;
  size_t piece;
  size_t pos = 0;
  int calls = 0;
};

inline const char* readPieces(lua_State*, void* data, size_t* size) {
  auto* p = static_cast<Pieces*>(data);
  p->calls++;
  if (p->pos >= p->text.size()) {
    *size = 0;
    return nullptr;
  }
  *size = std::min(p->piece, p->text.size() - p->pos);
  const char* s = p->text.data() + p->pos;
  p->pos += *size;
  return s;
}

inline int load(lua_State* L, std::string_view code, const char* name = "=test", const char* mode = nullptr,
                size_t piece = SIZE_MAX) {
  Pieces reader{code, piece};
  return lua_load(L, readPieces, &reader, name, mode);
}

// Loads and runs `code` with its results adjusted to `nresults`; on an
// error, the status with the message on top.
inline int run(lua_State* L, std::string_view code, int nresults = 0) {
  int status = load(L, code);
  if (status != LUA_OK) return status;
  return lua_pcall(L, 0, nresults, 0);
}

// The value at `idx` as text, without converting it in place: strings and
// numbers as Lua prints them, other values as their type name in brackets.
inline std::string text(lua_State* L, int idx) {
  int t = lua_type(L, idx);
  if (t != LUA_TSTRING && t != LUA_TNUMBER) return std::string("<") + lua_typename(L, t) + ">";
  lua_pushvalue(L, idx);
  size_t len = 0;
  const char* s = lua_tolstring(L, -1, &len);
  std::string out(s, len);
  lua_pop(L, 1);
  return out;
}

// The values on the stack, bottom to top, separated by spaces.
inline std::string stackText(lua_State* L) {
  std::string out;
  for (int i = 1; i <= lua_gettop(L); i++) {
    if (i > 1) out += ' ';
    out += text(L, i);
  }
  return out;
}

// Runs `code` (which must succeed) and returns its first result as text.
inline std::string eval(lua_State* L, std::string_view code) {
  int top = lua_gettop(L);
  int status = run(L, code, 1);
  std::string out = status == LUA_OK ? text(L, -1) : "error: " + text(L, -1);
  lua_settop(L, top);
  return out;
}

// Calls the C function `f` in protected mode with the values on top as
// arguments; returns the status, with the results or the error on top.
inline int pcallFunction(lua_State* L, lua_CFunction f, int nargs = 0, int nresults = LUA_MULTRET) {
  lua_pushcfunction(L, f);
  lua_insert(L, -(nargs + 1));
  return lua_pcall(L, nargs, nresults, 0);
}

}  // namespace apitest

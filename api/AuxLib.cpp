// AuxLib: the auxiliary library of the C API (manual §5, lauxlib.h), every
// luaL_* function.
//
// Most of them are written over the lua_* functions, as Lua writes them.
// Where the standard library already has the same behaviour, they use that
// one piece of code instead: argument errors and the naming of the function
// (lib::argError), tostring (lib::toStringMeta), file and process results,
// chunk loading (vm/Load.hpp), tracebacks (vm/Debug.hpp), the position
// prefix of errors (wherePrefix), luaL_requiref and luaL_getsubtable
// (lib::requireModule, lib::getSubtable).
//
// A string buffer (luaL_Buffer) keeps its bytes in the structure's inline
// storage (B->b == B->init.b) until they outgrow it, then in a full userdata
// (the box). It always occupies one stack slot, where luaL_buffinit put it:
// a light userdata as a placeholder while inline, the box afterwards. The box
// owns a raw block (Userdata::ownsBlock) that grows in place where the
// allocator can; luaL_pushresult frees the block at once or keeps it for the
// next buffer (GlobalState::spareBuffer), so that buffers reuse memory still
// in the cache, and the collector frees it with the box if an error unwinds
// the buffer: a box needs no finalizer.
#include <cerrno>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "api/ReadyState.hpp"
#include "gc/Heap.hpp"
#include "runtime/Function.hpp"
#include "runtime/Messages.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Debug.hpp"
#include "vm/DebugInfo.hpp"
#include "vm/Load.hpp"

#include "lua.hpp"

using namespace tycho;

namespace {

// Raises luaL_typeerror for an argument that should have the basic type `tag`.
void tagError(lua_State* L, int arg, int tag) { luaL_typeerror(L, arg, lua_typename(L, tag)); }

// luaL_newstate's panic function: the message of an error that no protected
// call catches, before the process aborts.
int panicMessage(lua_State* L) {
  const char* message = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : msg::kErrorObjectNotString;
  std::fprintf(stderr, msg::kPanic, message);
  std::fflush(stderr);
  return 0;  // back to the error, which aborts
}

// --- references ---

// The slot of a reference table that heads its list of free references (0:
// none; each free reference holds the next one). It follows the registry's
// predefined slots, so that refs in the registry never collide with them.
constexpr int kFreeList = LUA_RIDX_LAST + 1;

// --- buffers ---

// The box in the buffer's slot (`boxIndex` from the top), if it has one.
OwnedBlock* bufferBox(luaL_Buffer* B, int boxIndex) {
  if (B->b == B->init.b) return nullptr;
  return static_cast<OwnedBlock*>(B->L->top[boxIndex].asUserdata()->memory());
}

// Makes room for `size` more bytes in B, whose slot is `boxIndex` from the
// top (-1, or -2 under the value luaL_addvalue adds). Out of line: the
// callers' common case is the first test.
[[gnu::noinline]] char* growBuffer(luaL_Buffer* B, size_t size, int boxIndex) {
  lua_State* L = B->L;
  if (SIZE_MAX - size < B->n) luaL_error(L, msg::kBufferTooLarge);
  size_t newSize = B->size / 2 * 3;
  if (newSize < B->n + size) newSize = B->n + size;
  OwnedBlock* box = bufferBox(B, boxIndex);
  if (box == nullptr) {
    Userdata* u = newUserdata(L, sizeof(OwnedBlock), 0);  // zeroed: owns nothing yet
    u->ownsBlock = true;
    L->top[boxIndex] = Value::userdata(u);
    box = static_cast<OwnedBlock*>(u->memory());
    OwnedBlock& spare = G(L)->spareBuffer;
    if (spare.size >= newSize) {
      newSize = spare.size;
      box->bytes = spare.bytes;
      spare = {};
    } else {
      box->bytes = static_cast<char*>(gc::allocRaw(L, newSize));
    }
    std::memcpy(box->bytes, B->b, B->n);
  } else {
    box->bytes = static_cast<char*>(gc::reallocRaw(L, box->bytes, box->size, newSize));
  }
  box->size = newSize;
  B->b = box->bytes;
  B->size = newSize;
  return B->b + B->n;
}

// luaL_addlstring's case that grows the buffer, out of line so that the
// common case saves no registers.
[[gnu::noinline]] void addGrowing(luaL_Buffer* B, const char* s, size_t l) {
  std::memcpy(growBuffer(B, l, -1), s, l);
  B->n += l;
}

inline char* prepareBuffer(luaL_Buffer* B, size_t size, int boxIndex) {
  if (B->size - B->n >= size) [[likely]] return B->b + B->n;
  return growBuffer(B, size, boxIndex);
}

}  // namespace

extern "C" {

// --- errors ---

int luaL_argerror(lua_State* L, int arg, const char* extramsg) {
  lib::argError(L, arg, "?", extramsg);
}

int luaL_typeerror(lua_State* L, int arg, const char* tname) {
  const char* got = msg::kNoValue;
  if (lua_type(L, arg) != LUA_TNONE) {
    lua_pushvalue(L, arg);
    got = lib::argTypeName(L, L->top[-1]);
  }
  lib::argTypeError(L, arg, "?", tname, got);
}

void luaL_where(lua_State* L, int level) {
  std::string where = wherePrefix(frameAtLevel(L, level));
  lua_pushlstring(L, where.data(), where.size());
}

int luaL_error(lua_State* L, const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  lua_pushvfstring(L, fmt, args);
  va_end(args);
  addWhere(L, frameAtLevel(L, 1));
  return lua_error(L);
}

// --- argument checks ---

void luaL_checkstack(lua_State* L, int space, const char* message) {
  if (lua_checkstack(L, space)) [[likely]] return;
  if (message) luaL_error(L, msg::kStackOverflowFor, message);
  else luaL_error(L, msg::kStackOverflow);
}

void luaL_checktype(lua_State* L, int arg, int t) {
  if (lua_type(L, arg) != t) tagError(L, arg, t);
}

void luaL_checkany(lua_State* L, int arg) {
  if (lua_type(L, arg) == LUA_TNONE) luaL_argerror(L, arg, msg::kArgValueExpected);
}

const char* luaL_checklstring(lua_State* L, int arg, size_t* len) {
  const char* s = lua_tolstring(L, arg, len);
  if (!s) tagError(L, arg, LUA_TSTRING);
  return s;
}

const char* luaL_optlstring(lua_State* L, int arg, const char* def, size_t* len) {
  if (lua_isnoneornil(L, arg)) {
    if (len) *len = def ? std::strlen(def) : 0;
    return def;
  }
  return luaL_checklstring(L, arg, len);
}

lua_Number luaL_checknumber(lua_State* L, int arg) {
  int isNumber;
  lua_Number n = lua_tonumberx(L, arg, &isNumber);
  if (!isNumber) tagError(L, arg, LUA_TNUMBER);
  return n;
}

lua_Number luaL_optnumber(lua_State* L, int arg, lua_Number def) {
  return lua_isnoneornil(L, arg) ? def : luaL_checknumber(L, arg);
}

lua_Integer luaL_checkinteger(lua_State* L, int arg) {
  int isInteger;
  lua_Integer i = lua_tointegerx(L, arg, &isInteger);
  if (!isInteger) {
    if (lua_isnumber(L, arg)) luaL_argerror(L, arg, msg::kArgNoIntegerRep);
    tagError(L, arg, LUA_TNUMBER);
  }
  return i;
}

lua_Integer luaL_optinteger(lua_State* L, int arg, lua_Integer def) {
  return lua_isnoneornil(L, arg) ? def : luaL_checkinteger(L, arg);
}

int luaL_checkoption(lua_State* L, int arg, const char* def, const char* const lst[]) {
  const char* name = def ? luaL_optstring(L, arg, def) : luaL_checkstring(L, arg);
  for (int i = 0; lst[i]; i++) {
    if (std::strcmp(lst[i], name) == 0) return i;
  }
  return luaL_argerror(L, arg, lua_pushfstring(L, msg::kInvalidOption, name));
}

// --- metatables ---

int luaL_newmetatable(lua_State* L, const char* tname) {
  if (luaL_getmetatable(L, tname) != LUA_TNIL) return 0;  // the existing value stays pushed
  lua_pop(L, 1);
  lua_createtable(L, 0, 2);
  lua_pushstring(L, tname);
  lua_setfield(L, -2, "__name");  // for messages and tostring
  lua_pushvalue(L, -1);
  lua_setfield(L, LUA_REGISTRYINDEX, tname);
  return 1;
}

void luaL_setmetatable(lua_State* L, const char* tname) {
  luaL_getmetatable(L, tname);
  lua_setmetatable(L, -2);
}

void* luaL_testudata(lua_State* L, int ud, const char* tname) {
  void* p = lua_touserdata(L, ud);
  if (!p || !lua_getmetatable(L, ud)) return nullptr;
  luaL_getmetatable(L, tname);
  if (!lua_rawequal(L, -1, -2)) p = nullptr;
  lua_pop(L, 2);
  return p;
}

void* luaL_checkudata(lua_State* L, int ud, const char* tname) {
  void* p = luaL_testudata(L, ud, tname);
  if (!p) luaL_typeerror(L, ud, tname);
  return p;
}

int luaL_getmetafield(lua_State* L, int obj, const char* e) {
  if (!lua_getmetatable(L, obj)) return LUA_TNIL;
  lua_pushstring(L, e);
  int type = lua_rawget(L, -2);
  if (type == LUA_TNIL) lua_pop(L, 2);
  else lua_remove(L, -2);
  return type;
}

int luaL_callmeta(lua_State* L, int obj, const char* e) {
  obj = lua_absindex(L, obj);
  if (luaL_getmetafield(L, obj, e) == LUA_TNIL) return 0;
  lua_pushvalue(L, obj);
  lua_call(L, 1, 1);
  return 1;
}

// --- values ---

const char* luaL_tolstring(lua_State* L, int idx, size_t* len) {
  lua_pushvalue(L, idx);
  lib::toStringMeta(L, L->top[-1]);
  lua_remove(L, -2);
  return lua_tolstring(L, -1, len);
}

lua_Integer luaL_len(lua_State* L, int idx) {
  lua_len(L, idx);
  int isInteger;
  lua_Integer n = lua_tointegerx(L, -1, &isInteger);
  if (!isInteger) luaL_error(L, msg::kLengthNotInteger);
  lua_pop(L, 1);
  return n;
}

// --- results of C calls ---

int luaL_fileresult(lua_State* L, int stat, const char* fname) { return lib::fileResult(L, stat != 0, fname); }

int luaL_execresult(lua_State* L, int stat) { return lib::execResult(L, stat); }

// --- references ---

int luaL_ref(lua_State* L, int t) {
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    return LUA_REFNIL;
  }
  t = lua_absindex(L, t);
  int ref;
  if (lua_rawgeti(L, t, kFreeList) == LUA_TNIL) {  // the table's first reference
    ref = 0;
    lua_pushinteger(L, 0);
    lua_rawseti(L, t, kFreeList);
  } else {
    ref = int(lua_tointeger(L, -1));
  }
  lua_pop(L, 1);
  if (ref != 0) {  // reuse a freed reference: its slot holds the next free one
    lua_rawgeti(L, t, ref);
    lua_rawseti(L, t, kFreeList);
  } else {
    ref = int(lua_rawlen(L, t)) + 1;
  }
  lua_rawseti(L, t, ref);
  return ref;
}

void luaL_unref(lua_State* L, int t, int ref) {
  if (ref < 0) return;  // LUA_NOREF, LUA_REFNIL
  t = lua_absindex(L, t);
  lua_rawgeti(L, t, kFreeList);
  lua_rawseti(L, t, ref);
  lua_pushinteger(L, ref);
  lua_rawseti(L, t, kFreeList);
}

// --- loading ---

int luaL_loadfilex(lua_State* L, const char* filename, const char* mode) {
  return loadFile(L, filename, mode ? mode : "bt");
}

int luaL_loadbufferx(lua_State* L, const char* buff, size_t sz, const char* name, const char* mode) {
  return loadSource(L, std::string_view(buff, sz), name ? name : "?", mode ? mode : "bt");
}

int luaL_loadstring(lua_State* L, const char* s) { return luaL_loadbufferx(L, s, std::strlen(s), s, nullptr); }

// --- states ---

lua_State* luaL_newstate(void) {
  api::StateOptions options;
  options.openLibraries = false;
  options.generational = false;
  lua_State* L = api::newReadyState(options);
  // Warnings: the state's own warning function is Lua's default one (off
  // until "@on", each message prefixed by "Lua warning: ").
  if (L) lua_atpanic(L, panicMessage);
  return L;
}

void luaL_checkversion_(lua_State* L, lua_Number ver, size_t sz) {
  lua_Number v = lua_version(L);
  if (sz != LUAL_NUMSIZES) luaL_error(L, msg::kIncompatibleNumbers);
  else if (v != ver) luaL_error(L, msg::kVersionMismatch, LUAI_UACNUMBER(ver), LUAI_UACNUMBER(v));
}

void luaL_traceback(lua_State* L, lua_State* L1, const char* msg, int level) { pushTraceback(L, L1, msg, level); }

// --- tables and modules ---

void luaL_setfuncs(lua_State* L, const luaL_Reg* l, int nup) {
  luaL_checkstack(L, nup, msg::kTooManyUpvalues);
  for (; l->name; l++) {
    if (!l->func) {
      lua_pushboolean(L, 0);  // a placeholder
    } else {
      for (int i = 0; i < nup; i++) lua_pushvalue(L, -nup);
      lua_pushcclosure(L, l->func, nup);
    }
    lua_setfield(L, -(nup + 2), l->name);
  }
  lua_pop(L, nup);
}

int luaL_getsubtable(lua_State* L, int idx, const char* fname) {
  lua_pushvalue(L, idx);
  bool found = lib::getSubtable(L, L->top[-1], fname);
  lua_remove(L, -2);
  return found;
}

void luaL_requiref(lua_State* L, const char* modname, lua_CFunction openf, int glb) {
  lib::requireModule(L, modname, openf, glb != 0);
}

// --- strings ---

void luaL_addgsub(luaL_Buffer* b, const char* s, const char* p, const char* r) {
  size_t patternLength = std::strlen(p);
  // An empty pattern matches nowhere (Lua's loop would never end).
  if (patternLength > 0) {
    for (const char* match; (match = std::strstr(s, p)) != nullptr; s = match + patternLength) {
      luaL_addlstring(b, s, size_t(match - s));
      luaL_addstring(b, r);
    }
  }
  luaL_addstring(b, s);
}

const char* luaL_gsub(lua_State* L, const char* s, const char* p, const char* r) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  luaL_addgsub(&b, s, p, r);
  luaL_pushresult(&b);
  return lua_tostring(L, -1);
}

// --- buffers ---

void luaL_buffinit(lua_State* L, luaL_Buffer* B) {
  B->L = L;
  B->b = B->init.b;
  B->n = 0;
  B->size = LUAL_BUFFERSIZE;
  lua_pushlightuserdata(L, B);  // the buffer's slot, a placeholder until it has a box
}

char* luaL_buffinitsize(lua_State* L, luaL_Buffer* B, size_t sz) {
  luaL_buffinit(L, B);
  return prepareBuffer(B, sz, -1);
}

char* luaL_prepbuffsize(luaL_Buffer* B, size_t sz) { return prepareBuffer(B, sz, -1); }

void luaL_addlstring(luaL_Buffer* B, const char* s, size_t l) {
  if (l == 0) return;  // s may be null
  if (B->size - B->n < l) [[unlikely]] {
    addGrowing(B, s, l);
    return;
  }
  char* p = B->b + B->n;
  B->n += l;
  std::memcpy(p, s, l);
}

void luaL_addstring(luaL_Buffer* B, const char* s) { luaL_addlstring(B, s, std::strlen(s)); }

void luaL_addvalue(luaL_Buffer* B) {
  lua_State* L = B->L;
  size_t len;
  const char* s = lua_tolstring(L, -1, &len);
  // The value stays on the stack (rooted) while the buffer grows below it.
  if (s && len > 0) {
    char* p = prepareBuffer(B, len, -2);
    std::memcpy(p, s, len);
    B->n += len;
  }
  lua_pop(L, 1);
}

void luaL_pushresult(luaL_Buffer* B) {
  lua_State* L = B->L;
  lua_pushlstring(L, B->b, B->n);
  if (OwnedBlock* box = bufferBox(B, -2)) {
    GlobalState* g = G(L);
    if (box->size <= GlobalState::kSpareBufferMax && box->size > g->spareBuffer.size) {
      gc::releaseSpareBuffer(g);
      g->spareBuffer = *box;  // for the next buffer
    } else {
      gc::freeRaw(g, box->bytes, box->size);
    }
    *box = {};
  }
  lua_remove(L, -2);  // the placeholder or the box
}

void luaL_pushresultsize(luaL_Buffer* B, size_t sz) {
  B->n += sz;
  luaL_pushresult(B);
}

}  // extern "C"

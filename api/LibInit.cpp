// LibInit: the openers of the standard libraries (lualib.h luaopen_*, §6) and
// luaL_openlibs.
//
// Each luaopen_* function is the standard library's own opener
// (stdlib/Lib.hpp): it pushes the library's table and returns 1, setting no
// global, so that luaL_requiref(L, "string", luaopen_string, 0) opens the
// string library without a global `string`. luaopen_base returns the global
// table, which it fills; luaopen_package sets the global `require` and takes
// the registry's _LOADED and _PRELOAD tables (as made by luaL_requiref or the
// host) as package.loaded and package.preload. luaL_openlibs is what the
// command line and newReadyState use: every library required as a global.
#include "stdlib/Lib.hpp"

#include "lua.hpp"

using namespace tycho;

extern "C" {

int luaopen_base(lua_State* L) { return lib::openBase(L); }
int luaopen_coroutine(lua_State* L) { return lib::openCoroutine(L); }
int luaopen_table(lua_State* L) { return lib::openTable(L); }
int luaopen_io(lua_State* L) { return lib::openIo(L); }
int luaopen_os(lua_State* L) { return lib::openOs(L); }
int luaopen_string(lua_State* L) { return lib::openString(L); }
int luaopen_utf8(lua_State* L) { return lib::openUtf8(L); }
int luaopen_math(lua_State* L) { return lib::openMath(L); }
int luaopen_debug(lua_State* L) { return lib::openDebug(L); }
int luaopen_package(lua_State* L) { return lib::openPackage(L); }

void luaL_openlibs(lua_State* L) { lib::openAll(L); }

}  // extern "C"

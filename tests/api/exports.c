/* exports.c: a stand-in for Tycho's API implementation, one definition per
 * header. abi.sh builds it as a shared library with -fvisibility=hidden, as
 * C and as C++ (through lua.hpp), and checks that the definitions are
 * exported under their C names: the declarations' LUA_API must carry both
 * the default visibility and, from C++, the C linkage. */
#ifdef __cplusplus
#include "lua.hpp"
#else
#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"
#endif

const char lua_ident[] = "$Tycho: exports test $";

int lua_gettop(lua_State *L) {
  (void)L;
  return 0;
}

lua_Integer luaL_checkinteger(lua_State *L, int arg) {
  (void)L;
  return arg;
}

int luaopen_base(lua_State *L) {
  (void)L;
  return 1;
}

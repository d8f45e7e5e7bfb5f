/* macro-uses.c: every function-like macro of the C API headers used the way
 * C code uses it, each result stored in a variable of the type a caller
 * expects. abi.sh compiles it (and does not link it) as strict C99 against
 * Lua's headers and against Tycho's, with and without LUA_COMPAT_5_3: C
 * code that builds with one set of headers builds with the other. */
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

static int nothing(lua_State *L) {
  (void)L;
  return 0;
}

static const luaL_Reg library[] = {{"nothing", nothing}, {NULL, NULL}};

int open_uses(lua_State *L);

int open_uses(lua_State *L) {
  luaL_Buffer b;
  lua_Number number;
  lua_Integer integer = 0;
  const char *text;
  void *pointer;
  char *chars;
  size_t size;
  int status, truth;
  char digits[64];
  char *end;

  lua_call(L, 0, 1);
  status = lua_pcall(L, 0, LUA_MULTRET, 0);
  number = lua_tonumber(L, -1);
  integer = lua_tointeger(L, -1);
  text = lua_tostring(L, -1);
  lua_pop(L, 1);
  lua_newtable(L);
  lua_register(L, "nothing", nothing);
  lua_pushcfunction(L, nothing);
  truth = lua_isfunction(L, 1) + lua_istable(L, 1) + lua_islightuserdata(L, 1) +
          lua_isnil(L, 1) + lua_isboolean(L, 1) + lua_isthread(L, 1) + lua_isnone(L, 1) +
          lua_isnoneornil(L, 1);
  text = lua_pushliteral(L, "literal");
  lua_pushglobaltable(L);
  lua_insert(L, 1);
  lua_remove(L, 1);
  lua_replace(L, lua_upvalueindex(1));
  pointer = lua_getextraspace(L);
  pointer = lua_newuserdata(L, 16);
  status = lua_getuservalue(L, -1);
  status = lua_setuservalue(L, -2);

  luaL_checkversion(L);
  luaL_newlibtable(L, library);
  luaL_newlib(L, library);
  luaL_argcheck(L, integer > 0, 1, "positive");
  luaL_argexpected(L, integer > 0, 1, "positive");
  text = luaL_checkstring(L, 1);
  text = luaL_optstring(L, 2, "default");
  text = luaL_typename(L, 1);
  truth = luaL_dofile(L, "file.lua");
  truth = luaL_dostring(L, "return 1");
  status = luaL_getmetatable(L, LUA_FILEHANDLE);
  integer = luaL_opt(L, luaL_checkinteger, 3, 10);
  status = luaL_loadfile(L, "file.lua");
  status = luaL_loadbuffer(L, "return 1", 8, "=chunk");
  integer = luaL_intop(+, integer, 1);
  luaL_pushfail(L);
  status = lua_yield(L, 0);

  luaL_buffinit(L, &b);
  luaL_addchar(&b, 'x');
  chars = luaL_prepbuffer(&b);
  luaL_addsize(&b, 1);
  luaL_buffsub(&b, 1);
  size = luaL_bufflen(&b);
  chars = luaL_buffaddr(&b);
  luaL_pushresult(&b);

  size = lua_writestring("x", 1);
  status = lua_writeline();
  status = lua_writestringerror("%s", "x");
  lua_assert(status == 0);

  truth = lua_numbertointeger(number, &integer);
  status = lua_number2str(digits, sizeof digits, number);
  status = lua_integer2str(digits, sizeof digits, integer);
  status = lua_pointer2str(digits, sizeof digits, pointer);
  status = lua_number2strx(L, digits, sizeof digits, "%a", number);
  number = lua_str2number("1.5", &end);
  number = lua_strx2number("0x1p3", &end);
  number = l_floor(number) + l_mathop(fabs)(number) + l_floatatt(EPSILON);
  truth = lua_getlocaledecpoint() == '.';
  truth = luai_likely(truth) + luai_unlikely(truth);

#if defined(LUA_COMPAT_5_3)
  size = lua_strlen(L, 1);
  size = lua_objlen(L, 1);
  truth = lua_equal(L, 1, 2) + lua_lessthan(L, 1, 2);
  lua_pushunsigned(L, 1u);
  integer = (lua_Integer)(lua_tounsignedx(L, 1, NULL) + lua_tounsigned(L, 1));
  integer = (lua_Integer)(luaL_checkunsigned(L, 1) + luaL_optunsigned(L, 2, 3u));
  status = luaL_checkint(L, 1) + luaL_optint(L, 2, 3);
  integer = luaL_checklong(L, 1) + luaL_optlong(L, 2, 3);
#endif

#if defined(LUA_USE_APICHECK)
  luai_apicheck(L, status == 0);
#endif

  (void)text;
  (void)chars;
  (void)size;
  return status + truth + (int)integer + (int)number;
}

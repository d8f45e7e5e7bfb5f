// declarations.cpp: the C API's declarations, each with its exact type, as
// Lua 5.4's headers give them (this list was read off Debian's 5.4.4
// headers; lua_closethread is 5.4.6's). abi.sh compiles it, once against
// Lua's headers and once against Tycho's: a function missing from Tycho's
// headers, or declared with another type, fails to compile. It also checks
// the types, structure fields and macro expansions a C++ caller sees.
// Compile-only: it names the functions but never calls them.
#include <clocale>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <type_traits>
#include <utility>

#include "lua.hpp"

template <auto F, class T>
constexpr bool declared_as = std::is_same_v<decltype(F), T>;

template <class A, class B>
constexpr bool same = std::is_same_v<A, B>;

// ---- lua.h: types ----
static_assert(same<lua_Number, double>);
static_assert(same<lua_Integer, long long>);
static_assert(same<lua_Unsigned, unsigned long long>);
static_assert(same<lua_KContext, std::ptrdiff_t>);  // intptr_t only in C99 mode (luaconf.h)
static_assert(same<lua_CFunction, int (*)(lua_State *)>);
static_assert(same<lua_KFunction, int (*)(lua_State *, int, lua_KContext)>);
static_assert(same<lua_Reader, const char *(*)(lua_State *, void *, size_t *)>);
static_assert(same<lua_Writer, int (*)(lua_State *, const void *, size_t, void *)>);
static_assert(same<lua_Alloc, void *(*)(void *, void *, size_t, size_t)>);
static_assert(same<lua_WarnFunction, void (*)(void *, const char *, int)>);
static_assert(same<lua_Hook, void (*)(lua_State *, lua_Debug *)>);
static_assert(same<decltype(lua_ident), const char[]>);

// ---- lua.h: functions ----
static_assert(declared_as<&lua_newstate, lua_State *(*)(lua_Alloc, void *)>);
static_assert(declared_as<&lua_close, void (*)(lua_State *)>);
static_assert(declared_as<&lua_newthread, lua_State *(*)(lua_State *)>);
static_assert(declared_as<&lua_resetthread, int (*)(lua_State *)>);
static_assert(declared_as<&lua_atpanic, lua_CFunction (*)(lua_State *, lua_CFunction)>);
static_assert(declared_as<&lua_version, lua_Number (*)(lua_State *)>);
static_assert(declared_as<&lua_absindex, int (*)(lua_State *, int)>);
static_assert(declared_as<&lua_gettop, int (*)(lua_State *)>);
static_assert(declared_as<&lua_settop, void (*)(lua_State *, int)>);
static_assert(declared_as<&lua_pushvalue, void (*)(lua_State *, int)>);
static_assert(declared_as<&lua_rotate, void (*)(lua_State *, int, int)>);
static_assert(declared_as<&lua_copy, void (*)(lua_State *, int, int)>);
static_assert(declared_as<&lua_checkstack, int (*)(lua_State *, int)>);
static_assert(declared_as<&lua_xmove, void (*)(lua_State *, lua_State *, int)>);
static_assert(declared_as<&lua_isnumber, int (*)(lua_State *, int)>);
static_assert(declared_as<&lua_isstring, int (*)(lua_State *, int)>);
static_assert(declared_as<&lua_iscfunction, int (*)(lua_State *, int)>);
static_assert(declared_as<&lua_isinteger, int (*)(lua_State *, int)>);
static_assert(declared_as<&lua_isuserdata, int (*)(lua_State *, int)>);
static_assert(declared_as<&lua_type, int (*)(lua_State *, int)>);
static_assert(declared_as<&lua_typename, const char *(*)(lua_State *, int)>);
static_assert(declared_as<&lua_tonumberx, lua_Number (*)(lua_State *, int, int *)>);
static_assert(declared_as<&lua_tointegerx, lua_Integer (*)(lua_State *, int, int *)>);
static_assert(declared_as<&lua_toboolean, int (*)(lua_State *, int)>);
static_assert(declared_as<&lua_tolstring, const char *(*)(lua_State *, int, size_t *)>);
static_assert(declared_as<&lua_rawlen, lua_Unsigned (*)(lua_State *, int)>);
static_assert(declared_as<&lua_tocfunction, lua_CFunction (*)(lua_State *, int)>);
static_assert(declared_as<&lua_touserdata, void *(*)(lua_State *, int)>);
static_assert(declared_as<&lua_tothread, lua_State *(*)(lua_State *, int)>);
static_assert(declared_as<&lua_topointer, const void *(*)(lua_State *, int)>);
static_assert(declared_as<&lua_arith, void (*)(lua_State *, int)>);
static_assert(declared_as<&lua_rawequal, int (*)(lua_State *, int, int)>);
static_assert(declared_as<&lua_compare, int (*)(lua_State *, int, int, int)>);
static_assert(declared_as<&lua_pushnil, void (*)(lua_State *)>);
static_assert(declared_as<&lua_pushnumber, void (*)(lua_State *, lua_Number)>);
static_assert(declared_as<&lua_pushinteger, void (*)(lua_State *, lua_Integer)>);
static_assert(declared_as<&lua_pushlstring, const char *(*)(lua_State *, const char *, size_t)>);
static_assert(declared_as<&lua_pushstring, const char *(*)(lua_State *, const char *)>);
static_assert(declared_as<&lua_pushvfstring, const char *(*)(lua_State *, const char *, va_list)>);
static_assert(declared_as<&lua_pushfstring, const char *(*)(lua_State *, const char *, ...)>);
static_assert(declared_as<&lua_pushcclosure, void (*)(lua_State *, lua_CFunction, int)>);
static_assert(declared_as<&lua_pushboolean, void (*)(lua_State *, int)>);
static_assert(declared_as<&lua_pushlightuserdata, void (*)(lua_State *, void *)>);
static_assert(declared_as<&lua_pushthread, int (*)(lua_State *)>);
static_assert(declared_as<&lua_getglobal, int (*)(lua_State *, const char *)>);
static_assert(declared_as<&lua_gettable, int (*)(lua_State *, int)>);
static_assert(declared_as<&lua_getfield, int (*)(lua_State *, int, const char *)>);
static_assert(declared_as<&lua_geti, int (*)(lua_State *, int, lua_Integer)>);
static_assert(declared_as<&lua_rawget, int (*)(lua_State *, int)>);
static_assert(declared_as<&lua_rawgeti, int (*)(lua_State *, int, lua_Integer)>);
static_assert(declared_as<&lua_rawgetp, int (*)(lua_State *, int, const void *)>);
static_assert(declared_as<&lua_createtable, void (*)(lua_State *, int, int)>);
static_assert(declared_as<&lua_newuserdatauv, void *(*)(lua_State *, size_t, int)>);
static_assert(declared_as<&lua_getmetatable, int (*)(lua_State *, int)>);
static_assert(declared_as<&lua_getiuservalue, int (*)(lua_State *, int, int)>);
static_assert(declared_as<&lua_setglobal, void (*)(lua_State *, const char *)>);
static_assert(declared_as<&lua_settable, void (*)(lua_State *, int)>);
static_assert(declared_as<&lua_setfield, void (*)(lua_State *, int, const char *)>);
static_assert(declared_as<&lua_seti, void (*)(lua_State *, int, lua_Integer)>);
static_assert(declared_as<&lua_rawset, void (*)(lua_State *, int)>);
static_assert(declared_as<&lua_rawseti, void (*)(lua_State *, int, lua_Integer)>);
static_assert(declared_as<&lua_rawsetp, void (*)(lua_State *, int, const void *)>);
static_assert(declared_as<&lua_setmetatable, int (*)(lua_State *, int)>);
static_assert(declared_as<&lua_setiuservalue, int (*)(lua_State *, int, int)>);
static_assert(declared_as<&lua_callk, void (*)(lua_State *, int, int, lua_KContext, lua_KFunction)>);
static_assert(declared_as<&lua_pcallk, int (*)(lua_State *, int, int, int, lua_KContext, lua_KFunction)>);
static_assert(declared_as<&lua_load, int (*)(lua_State *, lua_Reader, void *, const char *, const char *)>);
static_assert(declared_as<&lua_dump, int (*)(lua_State *, lua_Writer, void *, int)>);
static_assert(declared_as<&lua_yieldk, int (*)(lua_State *, int, lua_KContext, lua_KFunction)>);
static_assert(declared_as<&lua_resume, int (*)(lua_State *, lua_State *, int, int *)>);
static_assert(declared_as<&lua_status, int (*)(lua_State *)>);
static_assert(declared_as<&lua_isyieldable, int (*)(lua_State *)>);
static_assert(declared_as<&lua_setwarnf, void (*)(lua_State *, lua_WarnFunction, void *)>);
static_assert(declared_as<&lua_warning, void (*)(lua_State *, const char *, int)>);
static_assert(declared_as<&lua_gc, int (*)(lua_State *, int, ...)>);
static_assert(declared_as<&lua_error, int (*)(lua_State *)>);
static_assert(declared_as<&lua_next, int (*)(lua_State *, int)>);
static_assert(declared_as<&lua_concat, void (*)(lua_State *, int)>);
static_assert(declared_as<&lua_len, void (*)(lua_State *, int)>);
static_assert(declared_as<&lua_stringtonumber, size_t (*)(lua_State *, const char *)>);
static_assert(declared_as<&lua_getallocf, lua_Alloc (*)(lua_State *, void * *)>);
static_assert(declared_as<&lua_setallocf, void (*)(lua_State *, lua_Alloc, void *)>);
static_assert(declared_as<&lua_toclose, void (*)(lua_State *, int)>);
static_assert(declared_as<&lua_closeslot, void (*)(lua_State *, int)>);
static_assert(declared_as<&lua_getstack, int (*)(lua_State *, int, lua_Debug *)>);
static_assert(declared_as<&lua_getinfo, int (*)(lua_State *, const char *, lua_Debug *)>);
static_assert(declared_as<&lua_getlocal, const char *(*)(lua_State *, const lua_Debug *, int)>);
static_assert(declared_as<&lua_setlocal, const char *(*)(lua_State *, const lua_Debug *, int)>);
static_assert(declared_as<&lua_getupvalue, const char *(*)(lua_State *, int, int)>);
static_assert(declared_as<&lua_setupvalue, const char *(*)(lua_State *, int, int)>);
static_assert(declared_as<&lua_upvalueid, void *(*)(lua_State *, int, int)>);
static_assert(declared_as<&lua_upvaluejoin, void (*)(lua_State *, int, int, int, int)>);
static_assert(declared_as<&lua_sethook, void (*)(lua_State *, lua_Hook, int, int)>);
static_assert(declared_as<&lua_gethook, lua_Hook (*)(lua_State *)>);
static_assert(declared_as<&lua_gethookmask, int (*)(lua_State *)>);
static_assert(declared_as<&lua_gethookcount, int (*)(lua_State *)>);
static_assert(declared_as<&lua_setcstacklimit, int (*)(lua_State *, unsigned int)>);
#if LUA_VERSION_RELEASE_NUM >= 50406
static_assert(declared_as<&lua_closethread, int (*)(lua_State *, lua_State *)>);
#endif

// ---- lua.h: lua_Debug's fields (their offsets are abi-facts.c's) ----
static_assert(same<decltype(lua_Debug::event), int>);
static_assert(same<decltype(lua_Debug::name), const char *>);
static_assert(same<decltype(lua_Debug::namewhat), const char *>);
static_assert(same<decltype(lua_Debug::what), const char *>);
static_assert(same<decltype(lua_Debug::source), const char *>);
static_assert(same<decltype(lua_Debug::srclen), size_t>);
static_assert(same<decltype(lua_Debug::currentline), int>);
static_assert(same<decltype(lua_Debug::linedefined), int>);
static_assert(same<decltype(lua_Debug::lastlinedefined), int>);
static_assert(same<decltype(lua_Debug::nups), unsigned char>);
static_assert(same<decltype(lua_Debug::nparams), unsigned char>);
static_assert(same<decltype(lua_Debug::isvararg), char>);
static_assert(same<decltype(lua_Debug::istailcall), char>);
static_assert(same<decltype(lua_Debug::ftransfer), unsigned short>);
static_assert(same<decltype(lua_Debug::ntransfer), unsigned short>);
static_assert(same<decltype(lua_Debug::short_src), char[LUA_IDSIZE]>);
static_assert(same<decltype(lua_Debug::i_ci), struct CallInfo *>);

// ---- lualib.h ----
static_assert(declared_as<&luaopen_base, int (*)(lua_State *)>);
static_assert(declared_as<&luaopen_coroutine, int (*)(lua_State *)>);
static_assert(declared_as<&luaopen_table, int (*)(lua_State *)>);
static_assert(declared_as<&luaopen_io, int (*)(lua_State *)>);
static_assert(declared_as<&luaopen_os, int (*)(lua_State *)>);
static_assert(declared_as<&luaopen_string, int (*)(lua_State *)>);
static_assert(declared_as<&luaopen_utf8, int (*)(lua_State *)>);
static_assert(declared_as<&luaopen_math, int (*)(lua_State *)>);
static_assert(declared_as<&luaopen_debug, int (*)(lua_State *)>);
static_assert(declared_as<&luaopen_package, int (*)(lua_State *)>);
static_assert(declared_as<&luaL_openlibs, void (*)(lua_State *)>);

// ---- lauxlib.h: functions ----
static_assert(declared_as<&luaL_checkversion_, void (*)(lua_State *, lua_Number, size_t)>);
static_assert(declared_as<&luaL_getmetafield, int (*)(lua_State *, int, const char *)>);
static_assert(declared_as<&luaL_callmeta, int (*)(lua_State *, int, const char *)>);
static_assert(declared_as<&luaL_tolstring, const char *(*)(lua_State *, int, size_t *)>);
static_assert(declared_as<&luaL_argerror, int (*)(lua_State *, int, const char *)>);
static_assert(declared_as<&luaL_typeerror, int (*)(lua_State *, int, const char *)>);
static_assert(declared_as<&luaL_checklstring, const char *(*)(lua_State *, int, size_t *)>);
static_assert(declared_as<&luaL_optlstring, const char *(*)(lua_State *, int, const char *, size_t *)>);
static_assert(declared_as<&luaL_checknumber, lua_Number (*)(lua_State *, int)>);
static_assert(declared_as<&luaL_optnumber, lua_Number (*)(lua_State *, int, lua_Number)>);
static_assert(declared_as<&luaL_checkinteger, lua_Integer (*)(lua_State *, int)>);
static_assert(declared_as<&luaL_optinteger, lua_Integer (*)(lua_State *, int, lua_Integer)>);
static_assert(declared_as<&luaL_checkstack, void (*)(lua_State *, int, const char *)>);
static_assert(declared_as<&luaL_checktype, void (*)(lua_State *, int, int)>);
static_assert(declared_as<&luaL_checkany, void (*)(lua_State *, int)>);
static_assert(declared_as<&luaL_newmetatable, int (*)(lua_State *, const char *)>);
static_assert(declared_as<&luaL_setmetatable, void (*)(lua_State *, const char *)>);
static_assert(declared_as<&luaL_testudata, void *(*)(lua_State *, int, const char *)>);
static_assert(declared_as<&luaL_checkudata, void *(*)(lua_State *, int, const char *)>);
static_assert(declared_as<&luaL_where, void (*)(lua_State *, int)>);
static_assert(declared_as<&luaL_error, int (*)(lua_State *, const char *, ...)>);
static_assert(declared_as<&luaL_checkoption, int (*)(lua_State *, int, const char *, const char *const[])>);
static_assert(declared_as<&luaL_fileresult, int (*)(lua_State *, int, const char *)>);
static_assert(declared_as<&luaL_execresult, int (*)(lua_State *, int)>);
static_assert(declared_as<&luaL_ref, int (*)(lua_State *, int)>);
static_assert(declared_as<&luaL_unref, void (*)(lua_State *, int, int)>);
static_assert(declared_as<&luaL_loadfilex, int (*)(lua_State *, const char *, const char *)>);
static_assert(declared_as<&luaL_loadbufferx, int (*)(lua_State *, const char *, size_t, const char *, const char *)>);
static_assert(declared_as<&luaL_loadstring, int (*)(lua_State *, const char *)>);
static_assert(declared_as<&luaL_newstate, lua_State *(*)(void)>);
static_assert(declared_as<&luaL_len, lua_Integer (*)(lua_State *, int)>);
static_assert(declared_as<&luaL_addgsub, void (*)(luaL_Buffer *, const char *, const char *, const char *)>);
static_assert(declared_as<&luaL_gsub, const char *(*)(lua_State *, const char *, const char *, const char *)>);
static_assert(declared_as<&luaL_setfuncs, void (*)(lua_State *, const luaL_Reg *, int)>);
static_assert(declared_as<&luaL_getsubtable, int (*)(lua_State *, int, const char *)>);
static_assert(declared_as<&luaL_traceback, void (*)(lua_State *, lua_State *, const char *, int)>);
static_assert(declared_as<&luaL_requiref, void (*)(lua_State *, const char *, lua_CFunction, int)>);
static_assert(declared_as<&luaL_buffinit, void (*)(lua_State *, luaL_Buffer *)>);
static_assert(declared_as<&luaL_prepbuffsize, char *(*)(luaL_Buffer *, size_t)>);
static_assert(declared_as<&luaL_addlstring, void (*)(luaL_Buffer *, const char *, size_t)>);
static_assert(declared_as<&luaL_addstring, void (*)(luaL_Buffer *, const char *)>);
static_assert(declared_as<&luaL_addvalue, void (*)(luaL_Buffer *)>);
static_assert(declared_as<&luaL_pushresult, void (*)(luaL_Buffer *)>);
static_assert(declared_as<&luaL_pushresultsize, void (*)(luaL_Buffer *, size_t)>);
static_assert(declared_as<&luaL_buffinitsize, char *(*)(lua_State *, luaL_Buffer *, size_t)>);

// ---- lauxlib.h: structures ----
static_assert(same<decltype(luaL_Reg::name), const char *>);
static_assert(same<decltype(luaL_Reg::func), lua_CFunction>);
static_assert(same<decltype(luaL_Buffer::b), char *>);
static_assert(same<decltype(luaL_Buffer::size), size_t>);
static_assert(same<decltype(luaL_Buffer::n), size_t>);
static_assert(same<decltype(luaL_Buffer::L), lua_State *>);
static_assert(same<decltype(std::declval<luaL_Buffer>().init.b), char[LUAL_BUFFERSIZE]>);
static_assert(same<decltype(luaL_Stream::f), FILE *>);
static_assert(same<decltype(luaL_Stream::closef), lua_CFunction>);

// ---- Constants whose type a caller's arithmetic sees ----
static_assert(same<decltype(LUA_REGISTRYINDEX), int>);
static_assert(same<decltype(lua_upvalueindex(1)), int>);
static_assert(same<decltype(LUA_EXTRASPACE), size_t>);
static_assert(same<decltype(LUAL_BUFFERSIZE), int>);
static_assert(same<decltype(LUAL_NUMSIZES), size_t>);
static_assert(same<decltype(LUA_MAXINTEGER), long long>);
static_assert(same<decltype(LUA_MININTEGER), long long>);
static_assert(same<decltype(LUA_MAXUNSIGNED), unsigned long long>);
static_assert(same<LUA_NUMBER, lua_Number>);
static_assert(same<LUA_INTEGER, lua_Integer>);
static_assert(same<LUA_UNSIGNED, lua_Unsigned>);
static_assert(same<LUA_KCONTEXT, lua_KContext>);
static_assert(same<LUAI_UACNUMBER, double>);
static_assert(same<LUAI_UACINT, long long>);

// ---- What each expression macro yields in C++ ----
// Declared, never defined: the operands of decltype are not evaluated.
extern lua_State *L;
extern luaL_Buffer *B;
extern const luaL_Reg lib[3];
extern char buffer[64];
extern lua_Integer integer;
extern char *end;
int f(lua_State *);

static_assert(same<decltype(lua_call(L, 1, 2)), void>);
static_assert(same<decltype(lua_pcall(L, 1, 2, 0)), int>);
static_assert(same<decltype(lua_yield(L, 1)), int>);
static_assert(same<decltype(lua_getextraspace(L)), void *>);
static_assert(same<decltype(lua_tonumber(L, 1)), lua_Number>);
static_assert(same<decltype(lua_tointeger(L, 1)), lua_Integer>);
static_assert(same<decltype(lua_tostring(L, 1)), const char *>);
static_assert(same<decltype(lua_pop(L, 1)), void>);
static_assert(same<decltype(lua_newtable(L)), void>);
static_assert(same<decltype(lua_register(L, "f", f)), void>);
static_assert(same<decltype(lua_pushcfunction(L, f)), void>);
static_assert(same<decltype(lua_isfunction(L, 1)), bool>);
static_assert(same<decltype(lua_istable(L, 1)), bool>);
static_assert(same<decltype(lua_islightuserdata(L, 1)), bool>);
static_assert(same<decltype(lua_isnil(L, 1)), bool>);
static_assert(same<decltype(lua_isboolean(L, 1)), bool>);
static_assert(same<decltype(lua_isthread(L, 1)), bool>);
static_assert(same<decltype(lua_isnone(L, 1)), bool>);
static_assert(same<decltype(lua_isnoneornil(L, 1)), bool>);
static_assert(same<decltype(lua_pushliteral(L, "x")), const char *>);
static_assert(same<decltype(lua_pushglobaltable(L)), void>);
static_assert(same<decltype(lua_insert(L, 1)), void>);
static_assert(same<decltype(lua_remove(L, 1)), void>);
static_assert(same<decltype(lua_replace(L, 1)), void>);
static_assert(same<decltype(lua_newuserdata(L, 8)), void *>);
static_assert(same<decltype(lua_getuservalue(L, 1)), int>);
static_assert(same<decltype(lua_setuservalue(L, 1)), int>);

static_assert(same<decltype(luaL_checkversion(L)), void>);
static_assert(same<decltype(luaL_newlibtable(L, lib)), void>);
static_assert(same<decltype(luaL_newlib(L, lib)), void>);
static_assert(same<decltype(luaL_argcheck(L, true, 1, "x")), void>);
static_assert(same<decltype(luaL_argexpected(L, true, 1, "x")), void>);
static_assert(same<decltype(luaL_checkstring(L, 1)), const char *>);
static_assert(same<decltype(luaL_optstring(L, 1, "x")), const char *>);
static_assert(same<decltype(luaL_typename(L, 1)), const char *>);
static_assert(same<decltype(luaL_dofile(L, "x")), bool>);
static_assert(same<decltype(luaL_dostring(L, "x")), bool>);
static_assert(same<decltype(luaL_getmetatable(L, "x")), int>);
static_assert(same<decltype(luaL_opt(L, luaL_checkinteger, 1, lua_Integer(0))), lua_Integer>);
static_assert(same<decltype(luaL_loadfile(L, "x")), int>);
static_assert(same<decltype(luaL_loadbuffer(L, "x", 1, "x")), int>);
static_assert(same<decltype(luaL_intop(+, 1, 2)), lua_Integer>);
static_assert(same<decltype(luaL_pushfail(L)), void>);
static_assert(same<decltype(luaL_bufflen(B)), size_t &>);
static_assert(same<decltype(luaL_buffaddr(B)), char *&>);
static_assert(same<decltype(luaL_addchar(B, 'x')), char &>);
static_assert(same<decltype(luaL_addsize(B, 1)), size_t &>);
static_assert(same<decltype(luaL_buffsub(B, 1)), size_t &>);
static_assert(same<decltype(luaL_prepbuffer(B)), char *>);
static_assert(same<decltype(lua_writestring("x", 1)), size_t>);
static_assert(same<decltype(lua_writeline()), int>);
static_assert(same<decltype(lua_writestringerror("%s", "x")), int>);
static_assert(same<decltype(lua_assert(true)), void>);

// Each of these expands to one operand: a unary + applies to all of it
// (+ of a bool is an int).
static_assert(same<decltype(+lua_isfunction(L, 1)), int>);
static_assert(same<decltype(+lua_istable(L, 1)), int>);
static_assert(same<decltype(+lua_islightuserdata(L, 1)), int>);
static_assert(same<decltype(+lua_isnil(L, 1)), int>);
static_assert(same<decltype(+lua_isboolean(L, 1)), int>);
static_assert(same<decltype(+lua_isthread(L, 1)), int>);
static_assert(same<decltype(+lua_isnone(L, 1)), int>);
static_assert(same<decltype(+lua_isnoneornil(L, 1)), int>);
static_assert(same<decltype(+luaL_dofile(L, "x")), int>);
static_assert(same<decltype(+luaL_dostring(L, "x")), int>);
static_assert(same<decltype(+lua_numbertointeger(1.0, &integer)), int>);

// luaconf.h's helpers, for code that formats numbers as Lua does.
static_assert(same<decltype(lua_numbertointeger(1.0, &integer)), bool>);
static_assert(same<decltype(lua_number2str(buffer, 64, 1.0)), int>);
static_assert(same<decltype(lua_integer2str(buffer, 64, integer)), int>);
static_assert(same<decltype(lua_pointer2str(buffer, 64, static_cast<void *>(nullptr))), int>);
static_assert(same<decltype(lua_number2strx(L, buffer, 64, "%a", 1.0)), int>);
static_assert(same<decltype(lua_str2number("1", &end)), lua_Number>);
static_assert(same<decltype(lua_strx2number("1", &end)), lua_Number>);
static_assert(same<decltype(l_floor(1.5)), lua_Number>);
static_assert(same<decltype(l_mathop(fabs)(1.5)), lua_Number>);
static_assert(same<decltype(lua_getlocaledecpoint()), char &>);
static_assert(same<decltype(luai_likely(1)), long>);
static_assert(same<decltype(luai_unlikely(1)), long>);

// ---- Names kept for older code (compiled again with -DLUA_COMPAT_5_3) ----
#if defined(LUA_COMPAT_5_3)
static_assert(same<decltype(lua_strlen(L, 1)), lua_Unsigned>);
static_assert(same<decltype(lua_objlen(L, 1)), lua_Unsigned>);
static_assert(same<decltype(lua_equal(L, 1, 2)), int>);
static_assert(same<decltype(lua_lessthan(L, 1, 2)), int>);
static_assert(same<decltype(lua_pushunsigned(L, 1u)), void>);
static_assert(same<decltype(lua_tounsignedx(L, 1, nullptr)), lua_Unsigned>);
static_assert(same<decltype(lua_tounsigned(L, 1)), lua_Unsigned>);
static_assert(same<decltype(luaL_checkunsigned(L, 1)), lua_Unsigned>);
static_assert(same<decltype(luaL_optunsigned(L, 1, 0)), lua_Unsigned>);
static_assert(same<decltype(luaL_checkint(L, 1)), int>);
static_assert(same<decltype(luaL_optint(L, 1, 0)), int>);
static_assert(same<decltype(luaL_checklong(L, 1)), long>);
static_assert(same<decltype(luaL_optlong(L, 1, 0)), long>);
#endif

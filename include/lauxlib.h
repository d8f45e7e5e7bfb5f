/* lauxlib.h: the auxiliary library (manual §5), functions built on lua.h
 * that libraries and hosts share.
 *
 * Two structures here are allocated by callers and read by the macros below,
 * so their layouts are part of the ABI: luaL_Buffer (usually on the C
 * stack) and luaL_Stream (the start of every io library file handle). */
#ifndef lauxlib_h
#define lauxlib_h

#include <stddef.h>
#include <stdio.h>

#include "luaconf.h"
#include "lua.h"

/* Name of the global table, as a field of itself (§6.1). */
#define LUA_GNAME "_G"

/* luaL_loadfilex's status when the file cannot be opened or read. */
#define LUA_ERRFILE (LUA_ERRERR + 1)

/* Registry keys of package.loaded and package.preload (§6.3). */
#define LUA_LOADED_TABLE "_LOADED"
#define LUA_PRELOAD_TABLE "_PRELOAD"

/* One entry of a function list for luaL_setfuncs and luaL_newlib; a list
 * ends with {NULL, NULL}, and a NULL func leaves a false placeholder. */
typedef struct luaL_Reg {
  const char *name;
  lua_CFunction func;
} luaL_Reg;

typedef struct luaL_Buffer luaL_Buffer;

/* Both number sizes in one value, for luaL_checkversion to compare the
 * module's configuration with the core's. */
#define LUAL_NUMSIZES (sizeof(lua_Integer) * 16 + sizeof(lua_Number))

LUALIB_API void luaL_checkversion_(lua_State *L, lua_Number ver, size_t sz);
#define luaL_checkversion(L) luaL_checkversion_(L, LUA_VERSION_NUM, LUAL_NUMSIZES)

/* ---- Metatables and conversions ---- */

LUALIB_API int luaL_getmetafield(lua_State *L, int obj, const char *e);
LUALIB_API int luaL_callmeta(lua_State *L, int obj, const char *e);
LUALIB_API const char *luaL_tolstring(lua_State *L, int idx, size_t *len);

/* ---- Checking arguments ---- */

LUALIB_API int luaL_argerror(lua_State *L, int arg, const char *extramsg);
LUALIB_API int luaL_typeerror(lua_State *L, int arg, const char *tname);
LUALIB_API const char *luaL_checklstring(lua_State *L, int arg, size_t *l);
LUALIB_API const char *luaL_optlstring(lua_State *L, int arg, const char *def, size_t *l);
LUALIB_API lua_Number luaL_checknumber(lua_State *L, int arg);
LUALIB_API lua_Number luaL_optnumber(lua_State *L, int arg, lua_Number def);
LUALIB_API lua_Integer luaL_checkinteger(lua_State *L, int arg);
LUALIB_API lua_Integer luaL_optinteger(lua_State *L, int arg, lua_Integer def);

LUALIB_API void luaL_checkstack(lua_State *L, int sz, const char *msg);
LUALIB_API void luaL_checktype(lua_State *L, int arg, int t);
LUALIB_API void luaL_checkany(lua_State *L, int arg);

/* ---- Userdata types named in the registry ---- */

LUALIB_API int luaL_newmetatable(lua_State *L, const char *tname);
LUALIB_API void luaL_setmetatable(lua_State *L, const char *tname);
LUALIB_API void *luaL_testudata(lua_State *L, int ud, const char *tname);
LUALIB_API void *luaL_checkudata(lua_State *L, int ud, const char *tname);

/* ---- Errors ---- */

LUALIB_API void luaL_where(lua_State *L, int lvl);
LUALIB_API int luaL_error(lua_State *L, const char *fmt, ...);
LUALIB_API int luaL_checkoption(lua_State *L, int arg, const char *def,
                                const char *const lst[]);
LUALIB_API int luaL_fileresult(lua_State *L, int stat, const char *fname);
LUALIB_API int luaL_execresult(lua_State *L, int stat);

/* ---- References (§5.1, luaL_ref) ---- */

#define LUA_NOREF (-2)  /* never a reference luaL_ref returns */
#define LUA_REFNIL (-1) /* luaL_ref's answer for nil */

LUALIB_API int luaL_ref(lua_State *L, int t);
LUALIB_API void luaL_unref(lua_State *L, int t, int ref);

/* ---- Loading chunks ---- */

LUALIB_API int luaL_loadfilex(lua_State *L, const char *filename, const char *mode);
LUALIB_API int luaL_loadbufferx(lua_State *L, const char *buff, size_t sz, const char *name,
                                const char *mode);
LUALIB_API int luaL_loadstring(lua_State *L, const char *s);

#define luaL_loadfile(L, f) luaL_loadfilex(L, f, NULL)
#define luaL_loadbuffer(L, s, sz, n) luaL_loadbufferx(L, s, sz, n, NULL)

/* ---- Everything else ---- */

LUALIB_API lua_State *luaL_newstate(void);
LUALIB_API lua_Integer luaL_len(lua_State *L, int idx);
LUALIB_API void luaL_addgsub(luaL_Buffer *b, const char *s, const char *p, const char *r);
LUALIB_API const char *luaL_gsub(lua_State *L, const char *s, const char *p, const char *r);
LUALIB_API void luaL_setfuncs(lua_State *L, const luaL_Reg *l, int nup);
LUALIB_API int luaL_getsubtable(lua_State *L, int idx, const char *fname);
LUALIB_API void luaL_traceback(lua_State *L, lua_State *L1, const char *msg, int level);
LUALIB_API void luaL_requiref(lua_State *L, const char *modname, lua_CFunction openf, int glb);

/* ---- Shorthands the manual lists as macros ---- */

/* A table sized for the list l, an array whose last entry is the end
 * marker (hence the -1). */
#define luaL_newlibtable(L, l) lua_createtable(L, 0, sizeof(l) / sizeof((l)[0]) - 1)
#define luaL_newlib(L, l) \
  (luaL_checkversion(L), luaL_newlibtable(L, l), luaL_setfuncs(L, l, 0))

#define luaL_argcheck(L, cond, arg, extramsg) \
  ((void)(luai_likely(cond) || luaL_argerror(L, (arg), (extramsg))))
#define luaL_argexpected(L, cond, arg, tname) \
  ((void)(luai_likely(cond) || luaL_typeerror(L, (arg), (tname))))

#define luaL_checkstring(L, n) (luaL_checklstring(L, (n), NULL))
#define luaL_optstring(L, n, d) (luaL_optlstring(L, (n), (d), NULL))
#define luaL_typename(L, i) lua_typename(L, lua_type(L, (i)))

#define luaL_dofile(L, fn) (luaL_loadfile(L, fn) || lua_pcall(L, 0, LUA_MULTRET, 0))
#define luaL_dostring(L, s) (luaL_loadstring(L, s) || lua_pcall(L, 0, LUA_MULTRET, 0))

#define luaL_getmetatable(L, n) (lua_getfield(L, LUA_REGISTRYINDEX, (n)))
#define luaL_opt(L, f, n, d) (lua_isnoneornil(L, (n)) ? (d) : f(L, (n)))

/* Integer arithmetic that wraps around, as Lua's operators do, instead of
 * overflowing a signed type. */
#define luaL_intop(op, v1, v2) ((lua_Integer)((lua_Unsigned)(v1) op (lua_Unsigned)(v2)))

/* The value a library function returns to say it failed (§6). */
#define luaL_pushfail(L) lua_pushnil(L)

/* Assertions of library code, on only in a build that asks with LUAI_ASSERT. */
#if !defined(lua_assert)
#if defined(LUAI_ASSERT)
#include <assert.h>
#define lua_assert(c) assert(c)
#else
#define lua_assert(c) ((void)0)
#endif
#endif

/* ---- String buffers (§5.1, luaL_Buffer) ----
 * A buffer starts in init and moves to a userdata on the Lua stack when it
 * outgrows it; b always points at the current storage, n bytes of it used
 * out of size. The macros below grow it only through luaL_prepbuffsize. */

struct luaL_Buffer {
  char *b;
  size_t size;
  size_t n;
  lua_State *L;
  union {
    LUAI_MAXALIGN;
    char b[LUAL_BUFFERSIZE];
  } init;
};

#define luaL_bufflen(bf) ((bf)->n)
#define luaL_buffaddr(bf) ((bf)->b)

#define luaL_addchar(B, c) \
  ((void)((B)->n < (B)->size || luaL_prepbuffsize((B), 1)), ((B)->b[(B)->n++] = (c)))
#define luaL_addsize(B, s) ((B)->n += (s))
#define luaL_buffsub(B, s) ((B)->n -= (s))

LUALIB_API void luaL_buffinit(lua_State *L, luaL_Buffer *B);
LUALIB_API char *luaL_prepbuffsize(luaL_Buffer *B, size_t sz);
LUALIB_API void luaL_addlstring(luaL_Buffer *B, const char *s, size_t l);
LUALIB_API void luaL_addstring(luaL_Buffer *B, const char *s);
LUALIB_API void luaL_addvalue(luaL_Buffer *B);
LUALIB_API void luaL_pushresult(luaL_Buffer *B);
LUALIB_API void luaL_pushresultsize(luaL_Buffer *B, size_t sz);
LUALIB_API char *luaL_buffinitsize(lua_State *L, luaL_Buffer *B, size_t sz);

#define luaL_prepbuffer(B) luaL_prepbuffsize(B, LUAL_BUFFERSIZE)

/* ---- io library file handles (§5.1, luaL_Stream) ----
 * A userdata with the metatable registered as LUA_FILEHANDLE, beginning
 * with this structure; a module may make its own files this way. f is NULL
 * while a handle is being created, closef NULL once it is closed. */

#define LUA_FILEHANDLE "FILE*"

typedef struct luaL_Stream {
  FILE *f;
  lua_CFunction closef;
} luaL_Stream;

/* ---- Output of print, of the standalone interpreter and of warnings ----
 * A build may define these first to send them elsewhere. */

#if !defined(lua_writestring)
#define lua_writestring(s, l) fwrite((s), sizeof(char), (l), stdout)
#endif
#if !defined(lua_writeline)
#define lua_writeline() (lua_writestring("\n", 1), fflush(stdout))
#endif
#if !defined(lua_writestringerror)
#define lua_writestringerror(s, p) (fprintf(stderr, (s), (p)), fflush(stderr))
#endif

/* ---- Names kept from Lua 5.2 (with LUA_COMPAT_5_3, luaconf.h) ---- */

#if defined(LUA_COMPAT_APIINTCASTS)
#define luaL_checkunsigned(L, a) ((lua_Unsigned)luaL_checkinteger(L, a))
#define luaL_optunsigned(L, a, d) ((lua_Unsigned)luaL_optinteger(L, a, (lua_Integer)(d)))
#define luaL_checkint(L, n) ((int)luaL_checkinteger(L, (n)))
#define luaL_optint(L, n, d) ((int)luaL_optinteger(L, (n), (d)))
#define luaL_checklong(L, n) ((long)luaL_checkinteger(L, (n)))
#define luaL_optlong(L, n, d) ((long)luaL_optinteger(L, (n), (d)))
#endif

#endif

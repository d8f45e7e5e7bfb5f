/* A small host program embedding Tycho through the Lua 5.4 C API, as a game
 * or a server would embed Lua. It compiles unchanged against Lua's own
 * headers and library (liblua5.4); built here against Tycho's.
 *
 *   host script.lua [memory-limit-in-KB]
 *
 * It makes a state whose memory all comes from its own allocator, with a
 * limit; registers a C function (host.log) and a userdata type (Counter,
 * with methods and a __gc); runs the script; and reports an error with the
 * script's traceback, exiting with 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

/* --- the allocator: every block of the state, counted against a limit --- */

typedef struct {
  size_t used;
  size_t peak;
  size_t limit; /* 0: none */
} Memory;

static void *allocate(void *ud, void *ptr, size_t osize, size_t nsize) {
  Memory *m = (Memory *)ud;
  if (ptr == NULL) osize = 0; /* osize then says what kind of object it is */
  if (nsize == 0) {
    free(ptr);
    m->used -= osize;
    return NULL;
  }
  if (m->limit != 0 && nsize > osize && m->used + (nsize - osize) > m->limit) return NULL;
  void *block = realloc(ptr, nsize);
  if (block == NULL) return NULL;
  m->used = m->used - osize + nsize;
  if (m->used > m->peak) m->peak = m->used;
  return block;
}

/* --- a C function --- */

static int hostLog(lua_State *L) {
  int n = lua_gettop(L);
  fputs("[host]", stdout);
  for (int i = 1; i <= n; i++) {
    size_t len;
    const char *s = luaL_tolstring(L, i, &len);
    fputc(' ', stdout);
    fwrite(s, 1, len, stdout);
    lua_pop(L, 1);
  }
  fputc('\n', stdout);
  return 0;
}

/* --- a userdata type --- */

#define COUNTER "host.Counter"

typedef struct {
  lua_Integer count;
  lua_Integer step;
} Counter;

static int counterNew(lua_State *L) {
  lua_Integer step = luaL_optinteger(L, 1, 1);
  Counter *c = (Counter *)lua_newuserdatauv(L, sizeof(Counter), 1);
  c->count = 0;
  c->step = step;
  luaL_setmetatable(L, COUNTER);
  /* its user value: a table the script may use for its own fields */
  lua_newtable(L);
  lua_setiuservalue(L, -2, 1);
  return 1;
}

static int counterIncrement(lua_State *L) {
  Counter *c = (Counter *)luaL_checkudata(L, 1, COUNTER);
  c->count += c->step;
  lua_pushinteger(L, c->count);
  return 1;
}

static int counterValue(lua_State *L) {
  Counter *c = (Counter *)luaL_checkudata(L, 1, COUNTER);
  lua_pushinteger(L, c->count);
  return 1;
}

static int counterTags(lua_State *L) {
  luaL_checkudata(L, 1, COUNTER);
  lua_getiuservalue(L, 1, 1);
  return 1;
}

static int counterToString(lua_State *L) {
  Counter *c = (Counter *)luaL_checkudata(L, 1, COUNTER);
  lua_pushfstring(L, "Counter(%I)", (LUAI_UACINT)c->count);
  return 1;
}

static int collected = 0;

static int counterGc(lua_State *L) {
  luaL_checkudata(L, 1, COUNTER);
  collected++;
  return 0;
}

static const luaL_Reg counterMethods[] = {
    {"increment", counterIncrement}, {"value", counterValue}, {"tags", counterTags}, {NULL, NULL}};
static const luaL_Reg counterMeta[] = {{"__tostring", counterToString}, {"__gc", counterGc}, {NULL, NULL}};
static const luaL_Reg hostFunctions[] = {{"log", hostLog}, {"counter", counterNew}, {NULL, NULL}};

static int openHost(lua_State *L) {
  luaL_newmetatable(L, COUNTER);
  luaL_setfuncs(L, counterMeta, 0);
  luaL_newlib(L, counterMethods);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  luaL_newlib(L, hostFunctions);
  return 1;
}

/* --- running a script with a traceback on error --- */

static int traceback(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  luaL_traceback(L, L, msg, 1);
  return 1;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s script.lua [memory-limit-in-KB]\n", argv[0]);
    return 2;
  }
  Memory memory = {0, 0, argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) * 1024 : 0};
  lua_State *L = lua_newstate(allocate, &memory);
  if (L == NULL) {
    fprintf(stderr, "cannot create state: not enough memory\n");
    return 1;
  }
  luaL_openlibs(L);
  luaL_requiref(L, "host", openHost, 1);
  lua_pop(L, 1);

  lua_pushcfunction(L, traceback);
  int status = luaL_loadfile(L, argv[1]);
  if (status == LUA_OK) status = lua_pcall(L, 0, 0, 1);
  if (status != LUA_OK) fprintf(stderr, "%s: %s\n", argv[0], lua_tostring(L, -1));
  lua_close(L);
  printf("[host] counters collected: %d; memory: peak %zu KB, %zu bytes left after lua_close\n", collected,
         memory.peak / 1024, memory.used);
  return status == LUA_OK && memory.used == 0 ? 0 : 1;
}

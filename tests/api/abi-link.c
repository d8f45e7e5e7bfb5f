/* The binary-compatibility test: this file is compiled against Lua 5.4's own
 * headers (Debian's /usr/include/lua5.4) and linked against libtycho, not
 * liblua5.4. It uses every structure a C module sees the inside of through
 * the macros or fields of those headers, so that a layout that differs from
 * Lua's shows up as a wrong result here:
 *   lua_Debug    (filled by lua_getinfo, in a hook),
 *   luaL_Buffer  (luaL_addchar, luaL_addsize, luaL_buffsub, luaL_bufflen
 *                 and luaL_buffaddr touch its fields directly),
 *   luaL_Reg     (luaL_newlib, luaL_setfuncs),
 *   luaL_Stream  (a file handle made here is used by io's methods, and one
 *                 made by io.open is used here),
 * and LUA_EXTRASPACE before each lua_State (lua_getextraspace). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

static int failures = 0;

#define CHECK(cond)                                                  \
  do {                                                               \
    if (!(cond)) {                                                   \
      fprintf(stderr, "abi-link: %s:%d: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                    \
    }                                                                \
  } while (0)

static void run(lua_State *L, const char *chunk) {
  if (luaL_loadbuffer(L, chunk, strlen(chunk), "=abi") != LUA_OK || lua_pcall(L, 0, 0, 0) != LUA_OK) {
    fprintf(stderr, "abi-link: %s\n", lua_tostring(L, -1));
    failures++;
    lua_pop(L, 1);
  }
}

/* --- lua_Debug --- */

static int hookCalls = 0;
static char seenName[32];
static char seenSource[LUA_IDSIZE + 16];
static int seenLine = -1, seenDefined = -1, seenLastDefined = -1, seenParams = -1, seenUps = -1;

static void hook(lua_State *L, lua_Debug *ar) {
  if (ar->event != LUA_HOOKCALL) return;
  CHECK(lua_getinfo(L, "nSlu", ar));
  if (ar->name && strcmp(ar->name, "target") == 0) {
    hookCalls++;
    snprintf(seenName, sizeof seenName, "%s %s", ar->namewhat, ar->name);
    snprintf(seenSource, sizeof seenSource, "%s %s", ar->what, ar->short_src);
    seenLine = ar->currentline;
    seenDefined = ar->linedefined;
    seenLastDefined = ar->lastlinedefined;
    seenParams = ar->nparams;
    seenUps = ar->nups;
  }
}

static void testDebug(lua_State *L) {
  lua_sethook(L, hook, LUA_MASKCALL, 0);
  CHECK(lua_gethook(L) == hook);
  CHECK(lua_gethookmask(L) == LUA_MASKCALL);
  run(L, "local up = 1\n"
         "local function target(a, b)\n"
         "  return a + b + up\n"
         "end\n"
         "target(1, 2)\n");
  lua_sethook(L, NULL, 0, 0);
  CHECK(hookCalls == 1);
  CHECK(strcmp(seenName, "local target") == 0);
  CHECK(strcmp(seenSource, "Lua abi") == 0);
  CHECK(seenLine == 3); /* the call event comes before the first instruction */
  CHECK(seenDefined == 2);
  CHECK(seenLastDefined == 4);
  CHECK(seenParams == 2);
  CHECK(seenUps == 1);

  /* lua_getstack / getinfo from a C function called by Lua */
  lua_Debug ar;
  CHECK(lua_getstack(L, 0, &ar) == 0); /* no function is running */
}

static int whereAmI(lua_State *L) {
  lua_Debug ar;
  CHECK(lua_getstack(L, 1, &ar) == 1);
  CHECK(lua_getinfo(L, "Sl", &ar));
  lua_pushfstring(L, "%s:%d", ar.short_src, ar.currentline);
  return 1;
}

/* --- luaL_Buffer --- */

static void testBuffer(lua_State *L) {
  luaL_Buffer b;
  int top = lua_gettop(L);
  luaL_buffinit(L, &b);
  for (int i = 0; i < 5000; i++) luaL_addchar(&b, (char)('a' + i % 26));
  CHECK(luaL_bufflen(&b) == 5000);
  CHECK(luaL_buffaddr(&b)[4999] == (char)('a' + 4999 % 26));
  char *p = luaL_prepbuffsize(&b, 3000);
  memset(p, 'z', 3000);
  luaL_addsize(&b, 3000);
  luaL_buffsub(&b, 1000);
  luaL_addstring(&b, "!");
  lua_pushinteger(L, 42);
  luaL_addvalue(&b);
  luaL_pushresult(&b);
  size_t len;
  const char *s = lua_tolstring(L, -1, &len);
  CHECK(len == 5000 + 2000 + 1 + 2);
  CHECK(s[0] == 'a' && s[4999] == (char)('a' + 4999 % 26) && s[5000] == 'z' && s[6999] == 'z');
  CHECK(strcmp(s + 7000, "!42") == 0);
  CHECK(lua_gettop(L) == top + 1);
  lua_pop(L, 1);

  /* A small buffer stays in its inline storage. */
  luaL_buffinit(L, &b);
  luaL_addlstring(&b, "abc", 3);
  CHECK(b.n == 3 && b.b == b.init.b);
  luaL_pushresult(&b);
  CHECK(strcmp(lua_tostring(L, -1), "abc") == 0);
  lua_pop(L, 1);
}

/* --- luaL_Reg --- */

static int twice(lua_State *L) {
  lua_pushinteger(L, 2 * luaL_checkinteger(L, 1));
  return 1;
}

static int withUpvalue(lua_State *L) {
  lua_pushinteger(L, lua_tointeger(L, lua_upvalueindex(1)) + luaL_checkinteger(L, 1));
  return 1;
}

static const luaL_Reg library[] = {{"twice", twice}, {"where", whereAmI}, {"placeholder", NULL}, {NULL, NULL}};
static const luaL_Reg withUp[] = {{"add", withUpvalue}, {NULL, NULL}};

static void testReg(lua_State *L) {
  luaL_newlib(L, library);
  lua_pushinteger(L, 100);
  luaL_setfuncs(L, withUp, 1);
  lua_setglobal(L, "abi");
  run(L, "assert(abi.twice(21) == 42)\n"
         "assert(abi.add(5) == 105)\n"
         "assert(abi.placeholder == false)\n"
         "assert(abi.where() == 'abi:4', abi.where())\n"
         "local ok, err = pcall(abi.twice, 'x') -- called by pcall: no name, as in Lua\n"
         "assert(not ok and err:find(\"bad argument #1 to '?'\"), err)\n");
}

/* --- luaL_Stream --- */

static int ourCloses = 0;

static int closeOurs(lua_State *L) {
  luaL_Stream *p = (luaL_Stream *)luaL_checkudata(L, 1, LUA_FILEHANDLE);
  ourCloses++;
  int ok = fclose(p->f) == 0;
  return luaL_fileresult(L, ok, NULL);
}

static int newStream(lua_State *L) {
  luaL_Stream *p = (luaL_Stream *)lua_newuserdatauv(L, sizeof(luaL_Stream), 0);
  p->closef = NULL; /* closed until the file is open */
  luaL_setmetatable(L, LUA_FILEHANDLE);
  p->f = tmpfile();
  fputs("line one\nline two\n", p->f);
  rewind(p->f);
  p->closef = closeOurs;
  return 1;
}

static int writeThrough(lua_State *L) {
  luaL_Stream *p = (luaL_Stream *)luaL_checkudata(L, 1, LUA_FILEHANDLE);
  CHECK(p->closef != NULL);
  fputs(luaL_checkstring(L, 2), p->f);
  return 0;
}

static void testStream(lua_State *L) {
  lua_pushcfunction(L, newStream);
  lua_setglobal(L, "newStream");
  lua_pushcfunction(L, writeThrough);
  lua_setglobal(L, "writeThrough");
  run(L, "local f = newStream()\n"
         "assert(io.type(f) == 'file')\n"
         "assert(f:read('l') == 'line one')\n"
         "assert(f:read('l') == 'line two')\n"
         "assert(f:close() == true)\n"
         "assert(io.type(f) == 'closed file')\n"
         "local name = os.tmpname()\n"
         "local g = assert(io.open(name, 'w'))\n"
         "writeThrough(g, 'from C')\n"
         "g:close()\n"
         "local h = assert(io.open(name))\n"
         "assert(h:read('a') == 'from C')\n"
         "h:close()\n"
         "os.remove(name)\n");
  CHECK(ourCloses == 1);
}

/* --- extra space --- */

static void testExtraSpace(lua_State *L) {
  void **space = (void **)lua_getextraspace(L);
  CHECK((char *)space + LUA_EXTRASPACE == (char *)L);
  *space = &failures;
  lua_State *co = lua_newthread(L);
  CHECK(*(void **)lua_getextraspace(co) == &failures);
  lua_pop(L, 1);
}

int main(void) {
  lua_State *L = luaL_newstate();
  CHECK(L != NULL);
  luaL_checkversion(L);
  luaL_openlibs(L);
  CHECK(lua_version(L) == LUA_VERSION_NUM);
  testDebug(L);
  testBuffer(L);
  testReg(L);
  testStream(L);
  testExtraSpace(L);
  lua_close(L);
  if (failures) {
    fprintf(stderr, "abi-link: %d failures\n", failures);
    return 1;
  }
  printf("OK\n");
  return 0;
}

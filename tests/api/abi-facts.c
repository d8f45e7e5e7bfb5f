/* abi-facts.c: prints, one per line, every fact of the C API headers that a
 * compiled module could depend on: the value, size and signedness of each
 * integer constant, the bytes of each string constant, the size and offset of
 * each field of the public structures, the sizes of the number types, and
 * what the expression macros compute. abi.sh builds it once against Lua's
 * headers and once against Tycho's and compares the two outputs.
 *
 * It uses macros, constants and types only, never an API function, so that
 * it links without any Lua library. */
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

/* "name value half size signedness": a constant's type matters where it
 * meets arithmetic in the caller's code (LUA_EXTRASPACE is a size_t, for
 * one), and x / 2 shows whether its expansion is one operand. */
#define INT(x)                                                                        \
  printf("%s %lld half=%lld size=%u %s\n", #x, (long long)(x), (long long)(x / 2), \
         (unsigned)sizeof(x), (0 * (x) - 1) > 0 ? "unsigned" : "signed")
#define UINT(x) printf("%s %llu size=%u\n", #x, (unsigned long long)(x), (unsigned)sizeof(x))
#define STR(x) str(#x, x, sizeof(x) - 1)

/* A type's size, and whether it is signed and integral. */
#define TYPE(T)                                                                    \
  printf("type %s size=%u %s %s\n", #T, (unsigned)sizeof(T),                       \
         ((T)0.5) != 0 ? "float" : "integral", ((T)0 - 1) < 1 ? "signed" : "unsigned")

/* A field's offset and size: the layout callers allocate and macros read. */
#define FIELD(S, f)                                                      \
  printf("field %s.%s offset=%u size=%u\n", #S, #f, (unsigned)offsetof(S, f), \
         (unsigned)sizeof(((S *)0)->f))
#define STRUCT(S) printf("struct %s size=%u align=%u\n", #S, (unsigned)sizeof(S), \
                         (unsigned)offsetof(struct align_##S, s))

struct align_lua_Debug { char c; lua_Debug s; };
struct align_luaL_Buffer { char c; luaL_Buffer s; };
struct align_luaL_Reg { char c; luaL_Reg s; };
struct align_luaL_Stream { char c; luaL_Stream s; };

/* Prints a string constant with its bytes escaped, so that any difference
 * (a NUL, a trailing space) shows. */
static void str(const char *name, const char *s, size_t len) {
  size_t i;
  printf("%s \"", name);
  for (i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\')
      printf("\\x%02x", c);
    else
      putchar(c);
  }
  printf("\" length=%u\n", (unsigned)len);
}

static void constants(void) {
  INT(LUA_VERSION_NUM);
  INT(LUA_VERSION_RELEASE_NUM);
  INT(LUA_MULTRET);
  INT(LUA_REGISTRYINDEX);
  INT(lua_upvalueindex(1));
  INT(lua_upvalueindex(255));
  INT(LUA_OK);
  INT(LUA_YIELD);
  INT(LUA_ERRRUN);
  INT(LUA_ERRSYNTAX);
  INT(LUA_ERRMEM);
  INT(LUA_ERRERR);
  INT(LUA_ERRFILE);
  INT(LUA_TNONE);
  INT(LUA_TNIL);
  INT(LUA_TBOOLEAN);
  INT(LUA_TLIGHTUSERDATA);
  INT(LUA_TNUMBER);
  INT(LUA_TSTRING);
  INT(LUA_TTABLE);
  INT(LUA_TFUNCTION);
  INT(LUA_TUSERDATA);
  INT(LUA_TTHREAD);
  INT(LUA_NUMTYPES);
  INT(LUA_NUMTAGS);
  INT(LUA_MINSTACK);
  INT(LUA_RIDX_MAINTHREAD);
  INT(LUA_RIDX_GLOBALS);
  INT(LUA_RIDX_LAST);
  INT(LUA_OPADD);
  INT(LUA_OPSUB);
  INT(LUA_OPMUL);
  INT(LUA_OPMOD);
  INT(LUA_OPPOW);
  INT(LUA_OPDIV);
  INT(LUA_OPIDIV);
  INT(LUA_OPBAND);
  INT(LUA_OPBOR);
  INT(LUA_OPBXOR);
  INT(LUA_OPSHL);
  INT(LUA_OPSHR);
  INT(LUA_OPUNM);
  INT(LUA_OPBNOT);
  INT(LUA_OPEQ);
  INT(LUA_OPLT);
  INT(LUA_OPLE);
  INT(LUA_GCSTOP);
  INT(LUA_GCRESTART);
  INT(LUA_GCCOLLECT);
  INT(LUA_GCCOUNT);
  INT(LUA_GCCOUNTB);
  INT(LUA_GCSTEP);
  INT(LUA_GCSETPAUSE);
  INT(LUA_GCSETSTEPMUL);
  INT(LUA_GCISRUNNING);
  INT(LUA_GCGEN);
  INT(LUA_GCINC);
  INT(LUA_HOOKCALL);
  INT(LUA_HOOKRET);
  INT(LUA_HOOKLINE);
  INT(LUA_HOOKCOUNT);
  INT(LUA_HOOKTAILCALL);
  INT(LUA_MASKCALL);
  INT(LUA_MASKRET);
  INT(LUA_MASKLINE);
  INT(LUA_MASKCOUNT);
  INT(LUA_NOREF);
  INT(LUA_REFNIL);
  INT(LUAL_NUMSIZES);
  INT(LUAL_BUFFERSIZE);
  INT(LUA_EXTRASPACE);
  INT(LUA_IDSIZE);
  INT(LUAI_MAXSTACK);
  INT(LUAI_IS32INT);
  INT(LUA_32BITS);
  INT(LUA_C89_NUMBERS);
  INT(LUA_INT_INT);
  INT(LUA_INT_LONG);
  INT(LUA_INT_LONGLONG);
  INT(LUA_INT_DEFAULT);
  INT(LUA_INT_TYPE);
  INT(LUA_FLOAT_FLOAT);
  INT(LUA_FLOAT_DOUBLE);
  INT(LUA_FLOAT_LONGDOUBLE);
  INT(LUA_FLOAT_DEFAULT);
  INT(LUA_FLOAT_TYPE);
  INT(LUA_MAXINTEGER);
  INT(LUA_MININTEGER);
  UINT(LUA_MAXUNSIGNED);
}

static void strings(void) {
  STR(LUA_VERSION_MAJOR);
  STR(LUA_VERSION_MINOR);
  STR(LUA_VERSION_RELEASE);
  STR(LUA_VERSION);
  STR(LUA_RELEASE);
  STR(LUA_COPYRIGHT);
  STR(LUA_AUTHORS);
  STR(LUA_SIGNATURE);
  STR(LUA_GNAME);
  STR(LUA_LOADED_TABLE);
  STR(LUA_PRELOAD_TABLE);
  STR(LUA_FILEHANDLE);
  STR(LUA_VERSUFFIX);
  STR(LUA_COLIBNAME);
  STR(LUA_TABLIBNAME);
  STR(LUA_IOLIBNAME);
  STR(LUA_OSLIBNAME);
  STR(LUA_STRLIBNAME);
  STR(LUA_UTF8LIBNAME);
  STR(LUA_MATHLIBNAME);
  STR(LUA_DBLIBNAME);
  STR(LUA_LOADLIBNAME);
  STR(LUA_NUMBER_FMT);
  STR(LUA_NUMBER_FRMLEN);
  STR(LUA_INTEGER_FMT);
  STR(LUA_INTEGER_FRMLEN);
  STR(LUA_PATH_SEP);
  STR(LUA_PATH_MARK);
  STR(LUA_EXEC_DIR);
  STR(LUA_DIRSEP);
  STR(LUA_VDIR);
  STR(LUA_ROOT);
  STR(LUA_LDIR);
  STR(LUA_CDIR);
  STR(LUA_PATH_DEFAULT);
  STR(LUA_CPATH_DEFAULT);
#if defined(LUA_IGMARK)
  STR(LUA_IGMARK);
#endif
}

static void types(void) {
  TYPE(lua_Integer);
  TYPE(lua_Unsigned);
  TYPE(lua_Number);
  TYPE(lua_KContext);
  TYPE(LUA_INTEGER);
  TYPE(LUA_UNSIGNED);
  TYPE(LUA_NUMBER);
  TYPE(LUA_KCONTEXT);
  TYPE(LUAI_UACINT);
  TYPE(LUAI_UACNUMBER);
  printf("type lua_CFunction size=%u\n", (unsigned)sizeof(lua_CFunction));
  printf("type lua_KFunction size=%u\n", (unsigned)sizeof(lua_KFunction));
  printf("type lua_Reader size=%u\n", (unsigned)sizeof(lua_Reader));
  printf("type lua_Writer size=%u\n", (unsigned)sizeof(lua_Writer));
  printf("type lua_Alloc size=%u\n", (unsigned)sizeof(lua_Alloc));
  printf("type lua_WarnFunction size=%u\n", (unsigned)sizeof(lua_WarnFunction));
  printf("type lua_Hook size=%u\n", (unsigned)sizeof(lua_Hook));
  printf("type lua_ident size=%u\n", (unsigned)sizeof(lua_ident[0]));
}

static void layouts(void) {
  STRUCT(lua_Debug);
  FIELD(lua_Debug, event);
  FIELD(lua_Debug, name);
  FIELD(lua_Debug, namewhat);
  FIELD(lua_Debug, what);
  FIELD(lua_Debug, source);
  FIELD(lua_Debug, srclen);
  FIELD(lua_Debug, currentline);
  FIELD(lua_Debug, linedefined);
  FIELD(lua_Debug, lastlinedefined);
  FIELD(lua_Debug, nups);
  FIELD(lua_Debug, nparams);
  FIELD(lua_Debug, isvararg);
  FIELD(lua_Debug, istailcall);
  FIELD(lua_Debug, ftransfer);
  FIELD(lua_Debug, ntransfer);
  FIELD(lua_Debug, short_src);
  FIELD(lua_Debug, i_ci);

  STRUCT(luaL_Buffer);
  FIELD(luaL_Buffer, b);
  FIELD(luaL_Buffer, size);
  FIELD(luaL_Buffer, n);
  FIELD(luaL_Buffer, L);
  FIELD(luaL_Buffer, init);
  FIELD(luaL_Buffer, init.b);
  FIELD(luaL_Buffer, init.n);
  FIELD(luaL_Buffer, init.u);
  FIELD(luaL_Buffer, init.s);
  FIELD(luaL_Buffer, init.i);
  FIELD(luaL_Buffer, init.l);

  STRUCT(luaL_Reg);
  FIELD(luaL_Reg, name);
  FIELD(luaL_Reg, func);

  STRUCT(luaL_Stream);
  FIELD(luaL_Stream, f);
  FIELD(luaL_Stream, closef);
}

static void number2integer(const char *name, lua_Number n) {
  lua_Integer i = 7;
  int converted = lua_numbertointeger(n, &i);
  printf("lua_numbertointeger(%s) %d %lld\n", name, converted, (long long)i);
}

/* The macros that compute something without calling the API. */
static void expressions(void) {
  char text[64], raw[64];
  char *end;
  lua_Number n;
  luaL_Buffer buffer;
  lua_State *L = (lua_State *)(void *)(raw + 32); /* never dereferenced */

  printf("lua_getextraspace %ld\n", (long)((char *)lua_getextraspace(L) - (char *)L));

  printf("luaL_intop(+,MAX,1) %lld\n", (long long)luaL_intop(+, LUA_MAXINTEGER, 1));
  printf("luaL_intop(-,MIN,1) %lld\n", (long long)luaL_intop(-, LUA_MININTEGER, 1));
  printf("luaL_intop(*,MAX,2) %lld\n", (long long)luaL_intop(*, LUA_MAXINTEGER, 2));
  printf("luaL_intop(<<,1,63) %lld\n", (long long)luaL_intop(<<, 1, 63));
  printf("luaL_intop(>>,-1,1) %lld\n", (long long)luaL_intop(>>, -1, 1));

  number2integer("3.0", 3.0);
  number2integer("-2^63", -9223372036854775808.0);
  number2integer("2^63", 9223372036854775808.0);
  number2integer("-inf", -HUGE_VAL);

  lua_number2str(text, sizeof text, 0.1);
  printf("lua_number2str(0.1) %s\n", text);
  lua_number2str(text, sizeof text, 1e100);
  printf("lua_number2str(1e100) %s\n", text);
  lua_integer2str(text, sizeof text, LUA_MININTEGER);
  printf("lua_integer2str(MIN) %s\n", text);
  lua_pointer2str(text, sizeof text, (void *)0x1234);
  printf("lua_pointer2str(0x1234) %s\n", text);
  l_sprintf(text, sizeof text, "%d", 42);
  printf("l_sprintf %s\n", text);
  lua_number2strx(L, text, sizeof text, "%a", 1.5);
  printf("lua_number2strx(1.5) %s\n", text);

  n = lua_str2number("2.5e3x", &end);
  printf("lua_str2number(2.5e3x) %.14g rest=%s\n", (double)n, end);
  n = lua_strx2number("0x1p4y", &end);
  printf("lua_strx2number(0x1p4y) %.14g rest=%s\n", (double)n, end);
  printf("l_floor(-2.5) %.14g\n", (double)l_floor(-2.5));
  printf("l_mathop(fabs)(-2) %.14g\n", (double)l_mathop(fabs)(-2.0));
  printf("l_floatatt(MANT_DIG) %d\n", (int)l_floatatt(MANT_DIG));
  printf("l_floatatt(MAX_10_EXP) %d\n", (int)l_floatatt(MAX_10_EXP));
  printf("lua_getlocaledecpoint %c\n", lua_getlocaledecpoint());
  printf("luai_likely %d %d\n", (int)luai_likely(5), (int)luai_likely(0));
  printf("luai_unlikely %d %d\n", (int)luai_unlikely(5), (int)luai_unlikely(0));
  lua_assert(1 == 1);

  memset(&buffer, 0, sizeof buffer);
  buffer.b = buffer.init.b;
  buffer.size = LUAL_BUFFERSIZE;
  luaL_addsize(&buffer, 10);
  luaL_buffsub(&buffer, 3);
  printf("luaL_bufflen %u\n", (unsigned)luaL_bufflen(&buffer));
  printf("luaL_buffaddr %d\n", luaL_buffaddr(&buffer) == buffer.init.b);

  fflush(stdout);
  lua_writestring("lua_writestring", 15);
  lua_writeline();
  lua_writestringerror("lua_writestringerror %s\n", "to stderr");
}

int main(void) {
  constants();
  strings();
  types();
  layouts();
  expressions();
  return 0;
}

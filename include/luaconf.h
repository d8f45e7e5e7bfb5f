/* luaconf.h: the build configuration behind Tycho's C API (manual §4).
 *
 * Tycho has one configuration, that of a default Lua 5.4 build on a 64-bit
 * POSIX system: 64-bit integers, double floats, the usual limits. The
 * implementation is compiled with exactly these values, and C modules built
 * against Lua 5.4's own headers assume the same ones, so nothing here that
 * touches a type, a size or a pseudo-index is a switch. What a module may
 * still choose (LUA_USE_C89, LUA_COMPAT_5_3, LUA_USE_APICHECK, its own
 * LUA_PATH_DEFAULT) changes only macros it expands itself.
 *
 * The guard names (luaconf_h, lua_h, lauxlib_h, lualib_h) are Lua's: some
 * code tests them to see which headers it already has. */
#ifndef luaconf_h
#define luaconf_h

#include <limits.h>
#include <stddef.h>

/* ---- Platform switches a build may pass with -D ---- */

#if defined(LUA_USE_LINUX) || defined(LUA_USE_MACOSX) || defined(LUA_USE_IOS)
#define LUA_USE_POSIX
#define LUA_USE_DLOPEN
#endif

/* True when int has at least 32 bits; Tycho requires it. */
#define LUAI_IS32INT ((UINT_MAX >> 30) >= 3)

/* ---- Number types (§2.1, §4.6) ----
 * The LUA_INT_* and LUA_FLOAT_* codes name Lua's alternative configurations;
 * Tycho implements only the default one, long long and double. */

#define LUA_INT_INT 1
#define LUA_INT_LONG 2
#define LUA_INT_LONGLONG 3

#define LUA_FLOAT_FLOAT 1
#define LUA_FLOAT_DOUBLE 2
#define LUA_FLOAT_LONGDOUBLE 3

#define LUA_INT_DEFAULT LUA_INT_LONGLONG
#define LUA_FLOAT_DEFAULT LUA_FLOAT_DOUBLE
#define LUA_32BITS 0
#define LUA_C89_NUMBERS 0
#define LUA_INT_TYPE LUA_INT_DEFAULT
#define LUA_FLOAT_TYPE LUA_FLOAT_DEFAULT

#if !defined(LLONG_MAX)
#error "Tycho's lua_Integer is long long: compile as C99 or later (or C++11)"
#endif

#define LUA_NUMBER double
#define LUAI_UACNUMBER double /* a lua_Number after default promotion */
#define LUA_NUMBER_FRMLEN ""
#define LUA_NUMBER_FMT "%.14g"
#define l_floatatt(n) (DBL_##n)
#define l_mathop(op) op
#define lua_str2number(s, p) strtod((s), (p))

#define LUA_INTEGER long long
#define LUAI_UACINT LUA_INTEGER /* a lua_Integer after default promotion */
#define LUA_INTEGER_FRMLEN "ll"
#define LUA_INTEGER_FMT "%" LUA_INTEGER_FRMLEN "d"
#define LUA_MAXINTEGER LLONG_MAX
#define LUA_MININTEGER LLONG_MIN

/* Spelled through LUAI_UACINT so that it is never narrower than int, and
 * so never promoted to a signed type in a comparison. */
#define LUA_UNSIGNED unsigned LUAI_UACINT
#define LUA_MAXUNSIGNED ULLONG_MAX

#define l_floor(x) (l_mathop(floor)(x))

/* A float with an integral value to an integer: true and *p set when it is
 * in range. -(float)MININTEGER is exactly 2^63, while MAXINTEGER has no
 * exact float, hence the half-open range. */
#define lua_numbertointeger(n, p) \
  ((n) >= (LUA_NUMBER)(LUA_MININTEGER) && (n) < -(LUA_NUMBER)(LUA_MININTEGER) && \
   (*(p) = (LUA_INTEGER)(n), 1))

/* ---- Conversions to and from text, for code that formats as Lua does ---- */

#if !defined(LUA_USE_C89)
#define l_sprintf(s, sz, f, i) snprintf(s, sz, f, i)
#else
#define l_sprintf(s, sz, f, i) ((void)(sz), sprintf(s, f, i))
#endif

#define lua_number2str(s, sz, n) l_sprintf((s), sz, LUA_NUMBER_FMT, (LUAI_UACNUMBER)(n))
#define lua_integer2str(s, sz, n) l_sprintf((s), sz, LUA_INTEGER_FMT, (LUAI_UACINT)(n))
#define lua_pointer2str(buff, sz, p) l_sprintf(buff, sz, "%p", p)

/* C99's strtod reads hexadecimal numerals and its printf writes them (%a);
 * without C99 these are left undefined, as in Lua. */
#if !defined(LUA_USE_C89)
#define lua_strx2number(s, p) lua_str2number(s, p)
#define lua_number2strx(L, b, sz, f, n) ((void)L, l_sprintf(b, sz, f, (LUAI_UACNUMBER)(n)))
#endif

/* Without the float variants of <math.h> (HUGE_VALF is their witness once
 * math.h is in), every operation goes through its double version. */
#if defined(LUA_USE_C89) || (defined(HUGE_VAL) && !defined(HUGE_VALF))
#undef l_mathop
#undef lua_str2number
#define l_mathop(op) (lua_Number)op
#define lua_str2number(s, p) ((lua_Number)strtod((s), (p)))
#endif

/* The locale's decimal point; the caller includes <locale.h>. */
#if !defined(lua_getlocaledecpoint)
#define lua_getlocaledecpoint() (localeconv()->decimal_point[0])
#endif

/* ---- Continuation contexts (§4.5) ----
 * intptr_t where the compiler says it is C99 and has the type, ptrdiff_t
 * otherwise (C++ included): the rule Lua applies, so that lua_KContext is
 * the same type on both sides. */
#define LUA_KCONTEXT ptrdiff_t
#if !defined(LUA_USE_C89) && defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L
#include <stdint.h>
#if defined(INTPTR_MAX)
#undef LUA_KCONTEXT
#define LUA_KCONTEXT intptr_t
#endif
#endif

/* ---- Branch hints, used by luaL_argcheck and luaL_argexpected ---- */

#if !defined(luai_likely)
#if defined(__GNUC__) && !defined(LUA_NOBUILTIN)
#define luai_likely(x) (__builtin_expect(((x) != 0), 1))
#define luai_unlikely(x) (__builtin_expect(((x) != 0), 0))
#else
#define luai_likely(x) (x)
#define luai_unlikely(x) (x)
#endif
#endif

#if defined(LUA_CORE) || defined(LUA_LIB)
#define l_likely(x) luai_likely(x)
#define l_unlikely(x) luai_unlikely(x)
#endif

/* ---- Exported symbols ----
 * Default visibility on every API declaration, so that the definitions stay
 * exported from a tycho binary or library built with -fvisibility=hidden:
 * C modules find lua_* and luaL_* there (DESIGN.md, decision 10).
 * lua.h leaves C linkage to its includer, as Lua does: C++ code includes
 * lua.hpp. */
#if defined(__GNUC__)
#define LUA_API extern __attribute__((visibility("default")))
#else
#define LUA_API extern
#endif
#define LUALIB_API LUA_API
#define LUAMOD_API LUA_API

/* Lua's marks for its internal functions and data; Tycho's internals are
 * C++ and do not use them, but code written for Lua's sources may. */
#if defined(__GNUC__) && ((__GNUC__ * 100 + __GNUC_MINOR__) >= 302) && defined(__ELF__)
#define LUAI_FUNC __attribute__((visibility("internal"))) extern
#else
#define LUAI_FUNC extern
#endif
#define LUAI_DDEC(dec) LUAI_FUNC dec
#define LUAI_DDEF /* empty */

/* ---- Compatibility with Lua 5.3, off by default as in Lua 5.4.8 ----
 * A module compiled with -DLUA_COMPAT_5_3 gets the old macros, all of them
 * spelled over current functions. The math functions and __le emulation
 * these switches also name belong to the implementation, which Tycho builds
 * without. */
#if defined(LUA_COMPAT_5_3)
#define LUA_COMPAT_MATHLIB
#define LUA_COMPAT_APIINTCASTS
#define LUA_COMPAT_LT_LE
#define lua_strlen(L, i) lua_rawlen(L, (i))
#define lua_objlen(L, i) lua_rawlen(L, (i))
#define lua_equal(L, idx1, idx2) lua_compare(L, (idx1), (idx2), LUA_OPEQ)
#define lua_lessthan(L, idx1, idx2) lua_compare(L, (idx1), (idx2), LUA_OPLT)
#endif

/* ---- API checks (§4.1.2: invalid indices are the caller's bug) ---- */

#if defined(LUA_USE_APICHECK)
#include <assert.h>
#define luai_apicheck(l, e) assert(e)
#endif

/* ---- Sizes fixed by the ABI ---- */

/* Stack slots a thread may have (§4.1.1). Pseudo-indices start below it,
 * so LUA_REGISTRYINDEX depends on it. */
#define LUAI_MAXSTACK 1000000

/* Bytes reserved just before each lua_State for the host (lua_getextraspace). */
#define LUA_EXTRASPACE (sizeof(void *))

/* Length of lua_Debug.short_src, terminating zero included. */
#define LUA_IDSIZE 60

/* Bytes of luaL_Buffer's initial, in-structure buffer. */
#define LUAL_BUFFERSIZE ((int)(16 * sizeof(void *) * sizeof(lua_Number)))

/* Members that, put in a union, give it the strictest alignment any Lua value
 * needs (luaL_Buffer's initial buffer). */
#define LUAI_MAXALIGN lua_Number n; double u; void *s; lua_Integer i; long l

/* ---- Module search paths (§6.3) ----
 * Lua's defaults under /usr/local, then the directories Debian's lua5.4
 * searches: /usr/share and /usr/lib, with the multiarch library directory
 * of the target. The result equals Debian's package.path and package.cpath
 * on the architectures named here; elsewhere the multiarch entry is left
 * out. */

#define LUA_PATH_SEP ";"
#define LUA_PATH_MARK "?"
#define LUA_EXEC_DIR "!" /* stands for the executable's directory on Windows */
#define LUA_IGMARK "-"   /* luaopen_ names ignore a module name up to it */

#if !defined(LUA_DIRSEP)
#define LUA_DIRSEP "/"
#endif

#define LUA_VDIR LUA_VERSION_MAJOR "." LUA_VERSION_MINOR
#define LUA_ROOT "/usr/local/"
#define LUA_LDIR LUA_ROOT "share/lua/" LUA_VDIR "/"
#define LUA_CDIR LUA_ROOT "lib/lua/" LUA_VDIR "/"

#define TYCHO_SYSTEM_LDIR "/usr/share/lua/" LUA_VDIR "/"
#define TYCHO_SYSTEM_CDIR "/usr/lib/lua/" LUA_VDIR "/"

/* Debian's multiarch tuple, from the compiler's target macros. */
#if defined(__linux__)
#if defined(__x86_64__) && !defined(__ILP32__)
#define TYCHO_MULTIARCH "x86_64-linux-gnu"
#elif defined(__aarch64__) && !defined(__ILP32__)
#define TYCHO_MULTIARCH "aarch64-linux-gnu"
#elif defined(__i386__)
#define TYCHO_MULTIARCH "i386-linux-gnu"
#elif defined(__riscv) && __riscv_xlen == 64
#define TYCHO_MULTIARCH "riscv64-linux-gnu"
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
#define TYCHO_MULTIARCH "powerpc64le-linux-gnu"
#elif defined(__s390x__)
#define TYCHO_MULTIARCH "s390x-linux-gnu"
#endif
#endif

#if defined(TYCHO_MULTIARCH)
#define TYCHO_MULTIARCH_CPATH "/usr/lib/" TYCHO_MULTIARCH "/lua/" LUA_VDIR "/?.so;"
#else
#define TYCHO_MULTIARCH_CPATH ""
#endif

#if !defined(LUA_PATH_DEFAULT)
#define LUA_PATH_DEFAULT \
  LUA_LDIR "?.lua;" LUA_LDIR "?/init.lua;" \
  LUA_CDIR "?.lua;" LUA_CDIR "?/init.lua;" \
  TYCHO_SYSTEM_LDIR "?.lua;" TYCHO_SYSTEM_LDIR "?/init.lua;" \
  "./?.lua;./?/init.lua"
#endif

#if !defined(LUA_CPATH_DEFAULT)
#define LUA_CPATH_DEFAULT \
  LUA_CDIR "?.so;" TYCHO_MULTIARCH_CPATH TYCHO_SYSTEM_CDIR "?.so;" \
  LUA_CDIR "loadall.so;./?.so"
#endif

#endif

// MathLib: the mathematical functions of manual §6.7 (the names of Lua
// 5.4 built with its default options: none of the functions deprecated in
// 5.3, atan2, cosh, sinh, tanh, pow, frexp, ldexp and log10, which Debian's
// lua5.4 keeps for compatibility).
//
// Results keep Lua's integer/float distinction: floor, ceil and modf give
// integers when the float result fits, abs and fmod stay integers for
// integer arguments, and max/min return one of their arguments unchanged.
//
// The pseudo-random generator is xoshiro256** (Blackman and Vigna). Its
// state, four 64-bit words, lives in the array part of a private table that
// `random` and `randomseed` share as their upvalue, so each Lua universe has
// its own generator. Seeding follows lua5.4 (the state {n1, 0xff, n2, 0},
// then 16 discarded outputs), so a given seed yields lua5.4's sequence.
// Integers in a range come from the "project" method: the output is masked
// to the smallest 2^b - 1 covering the range and drawn again while it falls
// outside, which avoids the bias of a modulo.
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "runtime/Function.hpp"
#include "runtime/Messages.hpp"
#include "runtime/Number.hpp"
#include "stdlib/Lib.hpp"

namespace tycho::lib {

namespace {

constexpr Number kPi = 3.141592653589793238462643383279502884;

// Pushes an integral float result (of floor, ceil, modf) as an integer
// when it is in range, as a float otherwise (infinities, NaN, huge values).
void pushIntegralFloat(lua_State* L, Number d) {
  // -2^63 is exact in a double; 2^63 is the first value out of range.
  if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) push(L, Value::integer(Integer(d)));
  else push(L, Value::number(d));
}

// The float value of argument 1 (fast path for floats).
Number floatArg(lua_State* L, const char* fname) {
  Value v = arg(L, 1);
  return v.isFloat() ? v.asFloat() : checkNumber(L, 1, fname);
}

int mathAbs(lua_State* L) {
  Value v = arg(L, 1);
  if (v.isInteger()) {
    // The absolute value of mininteger wraps around to itself, as in Lua.
    Integer n = v.asInteger();
    push(L, Value::integer(n < 0 ? Integer(0u - Unsigned(n)) : n));
  } else {
    push(L, Value::number(std::fabs(checkNumber(L, 1, "abs"))));
  }
  return 1;
}

int mathFloor(lua_State* L) {
  Value v = arg(L, 1);
  if (v.isInteger()) push(L, v);
  else pushIntegralFloat(L, std::floor(floatArg(L, "floor")));
  return 1;
}

int mathCeil(lua_State* L) {
  Value v = arg(L, 1);
  if (v.isInteger()) push(L, v);
  else pushIntegralFloat(L, std::ceil(floatArg(L, "ceil")));
  return 1;
}

int mathFmod(lua_State* L) {
  Value a = arg(L, 1), b = arg(L, 2);
  if (a.isInteger() && b.isInteger()) {
    Integer d = b.asInteger();
    // 0 is an error, and -1 would overflow for mininteger: the result is 0.
    if (d == 0) argError(L, 2, "fmod", msg::kArgZero);
    push(L, Value::integer(d == -1 ? 0 : a.asInteger() % d));  // C's truncated remainder
  } else {
    Number x = checkNumber(L, 1, "fmod");
    Number y = checkNumber(L, 2, "fmod");
    push(L, Value::number(std::fmod(x, y)));
  }
  return 1;
}

int mathModf(lua_State* L) {
  if (arg(L, 1).isInteger()) {
    push(L, arg(L, 1));
    push(L, Value::number(0.0));
    return 2;
  }
  Number n = checkNumber(L, 1, "modf");
  Number ip = n < 0 ? std::ceil(n) : std::floor(n);  // rounds toward zero
  pushIntegralFloat(L, ip);
  // Infinities are their own integral part; inf - inf would give NaN.
  push(L, Value::number(n == ip ? 0.0 : n - ip));
  return 2;
}

int mathSqrt(lua_State* L) {
  push(L, Value::number(std::sqrt(checkNumber(L, 1, "sqrt"))));
  return 1;
}

int mathExp(lua_State* L) {
  push(L, Value::number(std::exp(checkNumber(L, 1, "exp"))));
  return 1;
}

int mathLog(lua_State* L) {
  Number x = checkNumber(L, 1, "log");
  Number r;
  if (isNoneOrNil(L, 2)) {
    r = std::log(x);
  } else {
    Number base = checkNumber(L, 2, "log");
    // The dedicated functions are exact where log(x)/log(b) may round.
    if (base == 2.0) r = std::log2(x);
    else if (base == 10.0) r = std::log10(x);
    else r = std::log(x) / std::log(base);
  }
  push(L, Value::number(r));
  return 1;
}

int mathSin(lua_State* L) {
  push(L, Value::number(std::sin(checkNumber(L, 1, "sin"))));
  return 1;
}

int mathCos(lua_State* L) {
  push(L, Value::number(std::cos(checkNumber(L, 1, "cos"))));
  return 1;
}

int mathTan(lua_State* L) {
  push(L, Value::number(std::tan(checkNumber(L, 1, "tan"))));
  return 1;
}

int mathAsin(lua_State* L) {
  push(L, Value::number(std::asin(checkNumber(L, 1, "asin"))));
  return 1;
}

int mathAcos(lua_State* L) {
  push(L, Value::number(std::acos(checkNumber(L, 1, "acos"))));
  return 1;
}

int mathAtan(lua_State* L) {
  Number y = checkNumber(L, 1, "atan");
  Number x = isNoneOrNil(L, 2) ? 1.0 : checkNumber(L, 2, "atan");
  push(L, Value::number(std::atan2(y, x)));
  return 1;
}

int mathDeg(lua_State* L) {
  push(L, Value::number(checkNumber(L, 1, "deg") * (180.0 / kPi)));
  return 1;
}

int mathRad(lua_State* L) {
  push(L, Value::number(checkNumber(L, 1, "rad") * (kPi / 180.0)));
  return 1;
}

int mathToInteger(lua_State* L) {
  Integer n;
  // Strings convert too (lua_tointegerx), but only exactly.
  if (toInteger(arg(L, 1), &n)) {
    push(L, Value::integer(n));
  } else {
    checkAny(L, 1, "tointeger");
    push(L, Value::nil());
  }
  return 1;
}

int mathType(lua_State* L) {
  checkAny(L, 1, "type");
  Value v = arg(L, 1);
  if (v.isNumber()) pushString(L, v.isInteger() ? "integer" : "float");
  else push(L, Value::nil());
  return 1;
}

int mathUlt(lua_State* L) {
  Integer a = checkInteger(L, 1, "ult");
  Integer b = checkInteger(L, 2, "ult");
  push(L, Value::boolean(Unsigned(a) < Unsigned(b)));
  return 1;
}

// max and min compare with `<` and its metamethods, like lua5.4, so they
// accept any comparable values and keep the first of equal ones.
int mathMax(lua_State* L) {
  int n = argCount(L);
  if (n < 1) argError(L, 1, "max", msg::kArgValueExpected);
  int best = 1;
  for (int i = 2; i <= n; i++) {
    if (lessThanMeta(L, args(L)[best - 1], args(L)[i - 1])) best = i;
  }
  push(L, args(L)[best - 1]);
  return 1;
}

int mathMin(lua_State* L) {
  int n = argCount(L);
  if (n < 1) argError(L, 1, "min", msg::kArgValueExpected);
  int best = 1;
  for (int i = 2; i <= n; i++) {
    if (lessThanMeta(L, args(L)[i - 1], args(L)[best - 1])) best = i;
  }
  push(L, args(L)[best - 1]);
  return 1;
}

// --- pseudo-random numbers ---

struct Xoshiro {
  uint64_t s[4];

  static uint64_t rotl(uint64_t x, int n) { return (x << n) | (x >> (64 - n)); }

  uint64_t next() {
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }

  void seed(uint64_t n1, uint64_t n2) {
    s[0] = n1;
    s[1] = 0xff;  // keeps the state away from all zeros
    s[2] = n2;
    s[3] = 0;
    // The first outputs of a simple state are poorly mixed.
    for (int i = 0; i < 16; i++) next();
  }
};

// The generator state: the array part (keys 1..4, created with the table
// and never resized, as no key is ever added) of the running function's
// upvalue.
Value* stateWords(lua_State* L) { return L->ci->func->asNativeClosure()->upvalues[0].asTable()->array; }

Xoshiro loadState(lua_State* L) {
  Value* words = stateWords(L);
  Xoshiro x;
  for (int i = 0; i < 4; i++) x.s[i] = Unsigned(words[i].asInteger());
  return x;
}

void storeState(lua_State* L, const Xoshiro& x) {
  Value* words = stateWords(L);
  for (int i = 0; i < 4; i++) words[i] = Value::integer(Integer(x.s[i]));
}

// A value in [0, n], uniformly: masks `ran` to the smallest 2^b - 1 >= n
// and draws again while the result exceeds n (fewer than two draws on
// average, since the mask is less than twice n).
uint64_t project(uint64_t ran, uint64_t n, Xoshiro& x) {
  uint64_t mask = n;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  mask |= mask >> 32;
  while ((ran &= mask) > n) ran = x.next();
  return ran;
}

int mathRandom(lua_State* L) {
  Xoshiro x = loadState(L);
  // The state advances before the arguments are checked, as in lua5.4.
  uint64_t rv = x.next();
  storeState(L, x);
  Integer low, up;
  switch (argCount(L)) {
    case 0:
      // The top 53 bits, scaled into [0, 1).
      push(L, Value::number(Number(rv >> 11) * 0x1.0p-53));
      return 1;
    case 1:
      low = 1;
      up = checkInteger(L, 1, "random");
      if (up == 0) {  // all 64 bits
        push(L, Value::integer(Integer(rv)));
        return 1;
      }
      break;
    case 2:
      low = checkInteger(L, 1, "random");
      up = checkInteger(L, 2, "random");
      break;
    default:
      libError(L, msg::kWrongArgumentCount);
  }
  if (low > up) argError(L, 1, "random", msg::kArgIntervalEmpty);
  uint64_t r = project(rv, Unsigned(up) - Unsigned(low), x);
  storeState(L, x);
  push(L, Value::integer(Integer(r + Unsigned(low))));
  return 1;
}

// A seed that differs from run to run: the clock and an address (which
// varies with address-space randomisation).
void randomSeed(lua_State* L, Xoshiro& x, uint64_t* n1, uint64_t* n2) {
  *n1 = uint64_t(std::chrono::system_clock::now().time_since_epoch().count());
  *n2 = uint64_t(reinterpret_cast<uintptr_t>(L)) ^ uint64_t(std::chrono::steady_clock::now().time_since_epoch().count());
  x.seed(*n1, *n2);
}

int mathRandomseed(lua_State* L) {
  Xoshiro x;
  uint64_t n1, n2;
  if (isNone(L, 1)) {
    randomSeed(L, x, &n1, &n2);
  } else {
    n1 = Unsigned(checkInteger(L, 1, "randomseed"));
    n2 = Unsigned(optInteger(L, 2, "randomseed", 0));
    x.seed(n1, n2);
  }
  storeState(L, x);
  push(L, Value::integer(Integer(n1)));
  push(L, Value::integer(Integer(n2)));
  return 2;
}

void setNumberField(lua_State* L, Table* lib, const char* name, Value v) {
  String* key = newString(L, name);
  tableSet(L, lib, Value::string(key), v);
}

}  // namespace

int openMath(lua_State* L) {
  ensureStack(L, 4);
  Table* lib = newTable(L, 0, 40);
  push(L, Value::table(lib));
  static const struct { const char* name; NativeFunction fn; } kFunctions[] = {
    {"abs", mathAbs}, {"acos", mathAcos}, {"asin", mathAsin}, {"atan", mathAtan},
    {"ceil", mathCeil}, {"cos", mathCos}, {"deg", mathDeg}, {"exp", mathExp},
    {"floor", mathFloor}, {"fmod", mathFmod}, {"log", mathLog}, {"max", mathMax},
    {"min", mathMin}, {"modf", mathModf}, {"rad", mathRad}, {"sin", mathSin},
    {"sqrt", mathSqrt}, {"tan", mathTan}, {"tointeger", mathToInteger}, {"type", mathType},
    {"ult", mathUlt},
  };
  for (const auto& f : kFunctions) setFunction(L, lib, f.name, f.fn);
  setNumberField(L, lib, "pi", Value::number(kPi));
  setNumberField(L, lib, "huge", Value::number(HUGE_VAL));
  setNumberField(L, lib, "maxinteger", Value::integer(INT64_MAX));
  setNumberField(L, lib, "mininteger", Value::integer(INT64_MIN));

  // The generator: its state table, seeded randomly, shared by two closures.
  Table* state = newTable(L, 4, 0);
  push(L, Value::table(state));
  for (int i = 1; i <= 4; i++) tableSetInt(L, state, i, Value::integer(0));
  if (state->arraySize < 4) std::abort();  // stateWords relies on it
  static const struct { const char* name; NativeFunction fn; } kRandom[] = {
    {"random", mathRandom}, {"randomseed", mathRandomseed},
  };
  for (const auto& f : kRandom) {
    NativeClosure* c = newNativeClosure(L, f.fn, 1);
    c->upvalues[0] = Value::table(state);
    push(L, Value::nativeClosure(c));
    String* key = newString(L, f.name);
    tableSet(L, lib, Value::string(key), Value::nativeClosure(c));
    L->top--;
  }
  Xoshiro x;
  uint64_t n1, n2;
  randomSeed(L, x, &n1, &n2);
  for (int i = 0; i < 4; i++) tableSetInt(L, state, i + 1, Value::integer(Integer(x.s[i])));
  L->top--;  // the state table

  return 1;
}

}  // namespace tycho::lib

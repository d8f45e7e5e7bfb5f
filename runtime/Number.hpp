// Number: conversions between numbers and text, and the arithmetic rules of
// manual §3.4.1-§3.4.3 that are not a single machine instruction.
#pragma once

#include <cmath>
#include <cstddef>
#include <string_view>

#include "runtime/Value.hpp"

namespace tycho {

// Converts a numeral the way Lua's `tonumber(s)` and the lexer do (§3.1):
// optional surrounding whitespace, optional '-' sign, decimal integers (that
// become floats when they overflow), hexadecimal integers (that wrap around
// modulo 2^64), decimal and hexadecimal floats (with 'p' exponents). "inf",
// "nan" and anything else are rejected. Returns false when `s` is not a numeral.
bool stringToNumber(std::string_view s, Value& out);

// Maximum length of a number's text form.
constexpr size_t kMaxNumberText = 64;

// Writes a number the way Lua's tostring does: integers in decimal, floats as
// "%.14g" with ".0" appended when the result looks like an integer; "inf",
// "-inf", "nan", "-nan" as the C library prints them. Returns the length.
size_t numberToText(const Value& v, char* buffer);

// Float → integer conversions (§3.4.3).
enum class FloatToInt { Exact, Floor, Ceil };
// True when `n` converts (under `mode`) to an integer in range; the result in *out.
bool floatToInteger(Number n, Integer* out, FloatToInt mode = FloatToInt::Exact);

// Integer floor division and modulo (§3.4.1); callers check for zero divisors.
inline Integer integerFloorDiv(Integer a, Integer b) {
  if (b == -1) return Integer(0u - Unsigned(a));  // avoids overflow of minint / -1
  Integer q = a / b;
  if ((a % b != 0) && ((a ^ b) < 0)) q -= 1;
  return q;
}
inline Integer integerMod(Integer a, Integer b) {
  if (b == -1) return 0;
  Integer r = a % b;
  if (r != 0 && (r ^ b) < 0) r += b;
  return r;
}
inline Number floatMod(Number a, Number b) {
  // Integral operands within ±2^53 (the floats of code that divides with
  // `/` and then takes `% 2`): the remainder of their integers is exact,
  // as fmod's is, at a fraction of its cost. A zero keeps the sign of `a`,
  // as fmod's does.
  constexpr Number kExact = 9007199254740992.0;  // 2^53
  if (a >= -kExact && a <= kExact && b >= -kExact && b <= kExact) {
    auto ia = Integer(a), ib = Integer(b);
    if (Number(ia) == a && Number(ib) == b && ib != 0) {
      Integer r = ia % ib;
      if (r == 0) return std::copysign(0.0, a);
      if ((r ^ ib) < 0) r += ib;
      return Number(r);
    }
  }
  Number r = std::fmod(a, b);
  if ((r > 0) ? b < 0 : (r < 0 && b > 0)) r += b;
  return r;
}
inline Integer shiftLeft(Integer x, Integer y) {
  if (y <= -64 || y >= 64) return 0;
  if (y >= 0) return Integer(Unsigned(x) << y);
  return Integer(Unsigned(x) >> -y);
}

// Exact comparisons between an integer and a float (§3.4.4).
bool lessThanIntFloat(Integer i, Number f);
bool lessEqualIntFloat(Integer i, Number f);
bool lessThanFloatInt(Number f, Integer i);
bool lessEqualFloatInt(Number f, Integer i);

}  // namespace tycho

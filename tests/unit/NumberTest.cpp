// Tests for number conversions and exact comparisons: stringToNumber against
// what lua5.4's tonumber accepts, numberToText against its tostring, the
// float-to-integer conversions at the edges of the integer range, and the
// mixed integer/float comparisons where converting naively would round.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <string_view>

#include "runtime/Number.hpp"

using namespace tycho;
using namespace std::literals;

namespace {

std::string text(const Value& v) {
  char buf[kMaxNumberText];
  size_t n = numberToText(v, buf);
  CHECK(n == std::string(buf).size());
  return std::string(buf, n);
}
std::string text(Number n) { return text(Value::number(n)); }
std::string text(Integer i) { return text(Value::integer(i)); }

constexpr Integer kMaxInt = INT64_MAX;
constexpr Integer kMinInt = INT64_MIN;
constexpr Number kTwo63 = 9223372036854775808.0;
const Number kNaN = std::numeric_limits<Number>::quiet_NaN();
const Number kInf = HUGE_VAL;

}  // namespace

TEST_CASE("stringToNumber accepts what lua5.4's tonumber accepts") {
  enum class Kind { None, Int, Float };
  struct {
    std::string_view text;
    Kind kind;
    Integer integer;
    Number number;
  } cases[] = {
      {"0"sv, Kind::Int, 0LL, 0},
      {"1"sv, Kind::Int, 1LL, 0},
      {"-1"sv, Kind::Int, -1LL, 0},
      {"+1"sv, Kind::Int, 1LL, 0},
      {"  12  "sv, Kind::Int, 12LL, 0},
      {"\t\n\v\f\r5\t\n\v\f\r"sv, Kind::Int, 5LL, 0},
      {"- 1"sv, Kind::None, 0, 0},
      {"--1"sv, Kind::None, 0, 0},
      {"+-1"sv, Kind::None, 0, 0},
      {"1 2"sv, Kind::None, 0, 0},
      {""sv, Kind::None, 0, 0},
      {" "sv, Kind::None, 0, 0},
      {"-"sv, Kind::None, 0, 0},
      {"+"sv, Kind::None, 0, 0},
      {"0x"sv, Kind::None, 0, 0},
      {"0x10"sv, Kind::Int, 16LL, 0},
      {"0X1f"sv, Kind::Int, 31LL, 0},
      {"-0x10"sv, Kind::Int, -16LL, 0},
      {"+0x10"sv, Kind::Int, 16LL, 0},
      {"0x-10"sv, Kind::None, 0, 0},
      {"0xffffffffffffffff"sv, Kind::Int, -1LL, 0},
      {"0x1ffffffffffffffff"sv, Kind::Int, -1LL, 0},
      {"0x8000000000000000"sv, Kind::Int, INT64_MIN, 0},
      {"9223372036854775807"sv, Kind::Int, 9223372036854775807LL, 0},
      {"9223372036854775808"sv, Kind::Float, 0, 0x1p+63},
      {"-9223372036854775808"sv, Kind::Int, INT64_MIN, 0},
      {"-9223372036854775809"sv, Kind::Float, 0, -0x1p+63},
      {"18446744073709551616"sv, Kind::Float, 0, 0x1p+64},
      {"1e"sv, Kind::None, 0, 0},
      {"1e+"sv, Kind::None, 0, 0},
      {"1e5"sv, Kind::Float, 0, 0x1.86ap+16},
      {"1E-2"sv, Kind::Float, 0, 0x1.47ae147ae147bp-7},
      {".5"sv, Kind::Float, 0, 0x1p-1},
      {"5."sv, Kind::Float, 0, 0x1.4p+2},
      {"."sv, Kind::None, 0, 0},
      {"-.5"sv, Kind::Float, 0, -0x1p-1},
      {"+.5"sv, Kind::Float, 0, 0x1p-1},
      {"0x."sv, Kind::None, 0, 0},
      {"0x.8"sv, Kind::Float, 0, 0x1p-1},
      {"0x8."sv, Kind::Float, 0, 0x1p+3},
      {"0x.p1"sv, Kind::None, 0, 0},
      {"0x1p4"sv, Kind::Float, 0, 0x1p+4},
      {"0x1P-1"sv, Kind::Float, 0, 0x1p-1},
      {"0xA.8p1"sv, Kind::Float, 0, 0x1.5p+4},
      {"0x1.8"sv, Kind::Float, 0, 0x1.8p+0},
      {"inf"sv, Kind::None, 0, 0},
      {"-inf"sv, Kind::None, 0, 0},
      {"nan"sv, Kind::None, 0, 0},
      {"infinity"sv, Kind::None, 0, 0},
      {"INF"sv, Kind::None, 0, 0},
      {"NaN"sv, Kind::None, 0, 0},
      {"1e400"sv, Kind::Float, 0, HUGE_VAL},
      {"-1e400"sv, Kind::Float, 0, -HUGE_VAL},
      {"1e-400"sv, Kind::Float, 0, 0x0p+0},
      {"0x1p99999"sv, Kind::Float, 0, HUGE_VAL},
      {"1.5e308"sv, Kind::Float, 0, 0x1.ab36d48e1acfp+1023},
      {"0x"sv, Kind::None, 0, 0},
      {"1x"sv, Kind::None, 0, 0},
      {"1..2"sv, Kind::None, 0, 0},
      {"1.2.3"sv, Kind::None, 0, 0},
      {"00"sv, Kind::Int, 0LL, 0},
      {"007"sv, Kind::Int, 7LL, 0},
      {"0b1"sv, Kind::None, 0, 0},
      {"1_000"sv, Kind::None, 0, 0},
      {"1,5"sv, Kind::None, 0, 0},
      {"\331\241"sv, Kind::None, 0, 0},
      {"0x1e"sv, Kind::Int, 30LL, 0},
      {"0x1e+1"sv, Kind::None, 0, 0},
      {"1e+1"sv, Kind::Float, 0, 0x1.4p+3},
      {"1f"sv, Kind::None, 0, 0},
      {"0.1"sv, Kind::Float, 0, 0x1.999999999999ap-4},
      {"3.14159265358979"sv, Kind::Float, 0, 0x1.921fb54442d11p+1},
      {"0e0"sv, Kind::Float, 0, 0x0p+0},
      {"-0"sv, Kind::Int, 0LL, 0},
      {"-0.0"sv, Kind::Float, 0, -0x0p+0},
      {"2^53"sv, Kind::None, 0, 0},
      {"9007199254740993"sv, Kind::Int, 9007199254740993LL, 0},
      {"123456789012345678901234567890"sv, Kind::Float, 0, 0x1.8ee90ff6c373ep+96},
      {"0x7fffffffffffffff"sv, Kind::Int, 9223372036854775807LL, 0},
      {"1\000"sv, Kind::None, 0, 0},
      {"\0001"sv, Kind::None, 0, 0},
  };
  for (auto& c : cases) {
    CAPTURE(c.text);
    Value v = Value::nil();
    bool ok = stringToNumber(c.text, v);
    switch (c.kind) {
      case Kind::None:
        CHECK_FALSE(ok);
        break;
      case Kind::Int:
        REQUIRE(ok);
        REQUIRE(v.isInteger());
        CHECK(v.asInteger() == c.integer);
        break;
      case Kind::Float:
        REQUIRE(ok);
        REQUIRE(v.isFloat());
        CHECK(v.asFloat() == c.number);
        CHECK(std::signbit(v.asFloat()) == std::signbit(c.number));
        break;
    }
  }
}

TEST_CASE("stringToNumber reads long numerals and rounds decimals correctly") {
  Value v;
  std::string zeros = "0." + std::string(300, '0') + "1";
  REQUIRE(stringToNumber(zeros, v));
  CHECK(v.asFloat() == 1e-301);
  std::string longInt = std::string(200, '0') + "42";
  REQUIRE(stringToNumber(longInt, v));
  CHECK(v.asInteger() == 42);
  // Halfway cases that naive digit-by-digit conversion gets wrong.
  REQUIRE(stringToNumber("9007199254740993.0", v));
  CHECK(v.asFloat() == 9007199254740992.0);
  REQUIRE(stringToNumber("2.2250738585072011e-308", v));
  CHECK(v.asFloat() == 2.2250738585072011e-308);
  REQUIRE(stringToNumber("0.30000000000000004", v));
  CHECK(v.asFloat() == 0.30000000000000004);
}

TEST_CASE("numberToText writes floats as printf's %.14g does, integers as %lld") {
  // numberToText formats with std::to_chars; lua5.4's tostring is
  // snprintf("%.14g") (plus ".0" for an integral float). Random bit patterns
  // cover every exponent, subnormals, infinities and NaNs of both signs.
  std::mt19937_64 random(20261125);
  char expected[kMaxNumberText];
  for (int i = 0; i < 200000; i++) {
    uint64_t bits = random();
    Number n;
    std::memcpy(&n, &bits, sizeof n);
    if (i % 2) n = Number(int64_t(random()) >> (random() % 64)) / Number(uint64_t(1) << (random() % 40));
    std::snprintf(expected, sizeof expected, "%.14g", n);
    std::string got = text(n);
    if (got.size() > 2 && got.compare(got.size() - 2, 2, ".0") == 0 && std::string_view(expected).find_first_not_of("-0123456789") == std::string_view::npos) {
      got.resize(got.size() - 2);
    }
    CAPTURE(expected);
    REQUIRE(got == expected);
    auto integer = Integer(random());
    std::snprintf(expected, sizeof expected, "%lld", static_cast<long long>(integer));
    REQUIRE(text(integer) == expected);
  }
}

TEST_CASE("numberToText writes numbers as lua5.4's tostring does") {
  struct {
    Number n;
    std::string_view text;
  } floats[] = {
      {1e100, "1e+100"},
      {-0.0, "-0.0"},
      {0.0, "0.0"},
      {1e15, "1e+15"},
      {1e14, "1e+14"},
      {-1e15, "-1e+15"},
      {1e16, "1e+16"},
      {kTwo63, "9.2233720368548e+18"},
      {9007199254740992.0, "9.007199254741e+15"},
      {0.1, "0.1"},
      {100.0, "100.0"},
      {-1.5, "-1.5"},
      {1e-5, "1e-05"},
      {1e-4, "0.0001"},
      {123456789012345.0, "1.2345678901234e+14"},
      {1234567890123456.0, "1.2345678901235e+15"},
      {3.14159265358979, "3.1415926535898"},
      {1.0 / 3, "0.33333333333333"},
      {4.9406564584124654e-324, "4.9406564584125e-324"},
      {kInf, "inf"},
      {-kInf, "-inf"},
      {std::copysign(kNaN, 1.0), "nan"},
      {std::copysign(kNaN, -1.0), "-nan"},
  };
  for (auto& c : floats) {
    CAPTURE(c.text);
    CHECK(text(c.n) == c.text);
  }
  CHECK(text(Integer(0)) == "0");
  CHECK(text(Integer(-7)) == "-7");
  CHECK(text(kMaxInt) == "9223372036854775807");
  CHECK(text(kMinInt) == "-9223372036854775808");
}

TEST_CASE("floatToInteger") {
  Integer i = 0;
  CHECK(floatToInteger(3.0, &i));
  CHECK(i == 3);
  CHECK(floatToInteger(-0.0, &i));
  CHECK(i == 0);
  CHECK_FALSE(floatToInteger(3.5, &i));
  CHECK_FALSE(floatToInteger(kTwo63, &i));
  CHECK(floatToInteger(-kTwo63, &i));
  CHECK(i == kMinInt);
  CHECK(floatToInteger(9223372036854774784.0, &i));  // largest double below 2^63
  CHECK(i == 9223372036854774784);
  CHECK_FALSE(floatToInteger(-9223372036854777856.0, &i));  // next double below -2^63
  CHECK_FALSE(floatToInteger(kInf, &i));
  CHECK_FALSE(floatToInteger(-kInf, &i));
  CHECK_FALSE(floatToInteger(kNaN, &i));

  CHECK(floatToInteger(3.5, &i, FloatToInt::Floor));
  CHECK(i == 3);
  CHECK(floatToInteger(-3.5, &i, FloatToInt::Floor));
  CHECK(i == -4);
  CHECK(floatToInteger(3.5, &i, FloatToInt::Ceil));
  CHECK(i == 4);
  CHECK(floatToInteger(-3.5, &i, FloatToInt::Ceil));
  CHECK(i == -3);
  CHECK(floatToInteger(-0.5, &i, FloatToInt::Ceil));
  CHECK(i == 0);
  CHECK_FALSE(floatToInteger(kTwo63, &i, FloatToInt::Floor));
  CHECK_FALSE(floatToInteger(kNaN, &i, FloatToInt::Floor));
  CHECK_FALSE(floatToInteger(kInf, &i, FloatToInt::Ceil));
  CHECK_FALSE(floatToInteger(-kInf, &i, FloatToInt::Floor));
  // Rounding happens before the range check.
  CHECK(floatToInteger(-9223372036854775808.0, &i, FloatToInt::Ceil));
  CHECK(i == kMinInt);
}

TEST_CASE("integer/float comparisons are exact") {
  const Number two53 = 9007199254740992.0;  // 2^53
  const Integer two53i = 9007199254740992;
  // 2^53 + 1 is not a double: as a float it would round to 2^53.
  CHECK(lessThanFloatInt(two53, two53i + 1));
  CHECK_FALSE(lessThanIntFloat(two53i + 1, two53));
  CHECK(lessEqualFloatInt(two53, two53i + 1));
  CHECK_FALSE(lessEqualIntFloat(two53i + 1, two53));
  CHECK(lessEqualIntFloat(two53i, two53));
  CHECK_FALSE(lessThanIntFloat(two53i, two53));
  CHECK(lessThanIntFloat(two53i - 1, two53));

  // maxint converts to 2^63 as a float, but is smaller than it.
  CHECK(lessThanIntFloat(kMaxInt, kTwo63));
  CHECK(lessEqualIntFloat(kMaxInt, kTwo63));
  CHECK_FALSE(lessThanFloatInt(kTwo63, kMaxInt));
  CHECK_FALSE(lessEqualFloatInt(kTwo63, kMaxInt));
  CHECK_FALSE(lessThanIntFloat(kMaxInt, 9223372036854774784.0));
  // minint is exactly -2^63.
  CHECK_FALSE(lessThanIntFloat(kMinInt, -kTwo63));
  CHECK(lessEqualIntFloat(kMinInt, -kTwo63));
  CHECK_FALSE(lessThanFloatInt(-kTwo63, kMinInt));
  CHECK(lessEqualFloatInt(-kTwo63, kMinInt));
  CHECK(lessThanFloatInt(-9223372036854777856.0, kMinInt));

  // Fractions.
  CHECK(lessThanIntFloat(1, 1.5));
  CHECK_FALSE(lessThanIntFloat(2, 1.5));
  CHECK(lessEqualIntFloat(1, 1.5));
  CHECK(lessThanFloatInt(1.5, 2));
  CHECK(lessEqualFloatInt(1.5, 2));
  CHECK_FALSE(lessEqualFloatInt(1.5, 1));
  CHECK(lessThanIntFloat(-2, -1.5));
  CHECK(lessThanFloatInt(-1.5, -1));
  CHECK_FALSE(lessThanFloatInt(-0.5, -1));
  CHECK(lessEqualIntFloat(0, -0.0));
  CHECK_FALSE(lessThanIntFloat(0, -0.0));

  // Infinities and NaN.
  CHECK(lessThanIntFloat(kMaxInt, kInf));
  CHECK(lessEqualIntFloat(kMaxInt, kInf));
  CHECK_FALSE(lessThanIntFloat(kMinInt, -kInf));
  CHECK(lessThanFloatInt(-kInf, kMinInt));
  CHECK(lessEqualFloatInt(-kInf, kMinInt));
  CHECK_FALSE(lessThanFloatInt(kInf, kMaxInt));
  for (Integer i : {Integer(0), kMaxInt, kMinInt}) {
    CHECK_FALSE(lessThanIntFloat(i, kNaN));
    CHECK_FALSE(lessEqualIntFloat(i, kNaN));
    CHECK_FALSE(lessThanFloatInt(kNaN, i));
    CHECK_FALSE(lessEqualFloatInt(kNaN, i));
  }
}

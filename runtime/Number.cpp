// Number: text ↔ number conversions and exact integer/float comparisons.
//
// stringToNumber accepts exactly what Lua's tonumber accepts. Integers are read
// by hand (decimal ones that overflow fall back to floats; hexadecimal ones wrap
// around). Decimal floats go through std::from_chars and hexadecimal ones through
// strtod_l in the "C" locale: both round correctly and neither reads the host's
// locale, so that it cannot change what a numeral means. strtod's extra
// spellings ("inf", "nan", "infinity") all contain an 'n', and Lua rejects any
// float text with an 'n' for that reason.
//
// Integer/float comparisons never convert the integer to a float (which would
// round above 2^53); they round the float to an integer in the right direction
// instead, so every pair of values compares exactly.
#include "runtime/Number.hpp"

#include <charconv>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <locale.h>
#include <string>

namespace tycho {

namespace {

inline bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline int hexValue(char c) {
  if (isDigit(c)) return c - '0';
  c = char(c | 0x20);
  return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

// Reads an integer numeral; fails on anything else, and on decimal overflow.
bool textToInteger(const char* s, Integer& out) {
  while (isSpace(*s)) ++s;
  bool negative = false;
  if (*s == '-') {
    negative = true;
    ++s;
  } else if (*s == '+') {
    ++s;
  }
  Unsigned value = 0;
  bool empty = true;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    s += 2;
    for (int d; (d = hexValue(*s)) >= 0; ++s) {
      value = value * 16 + Unsigned(d);  // wraps around, as Lua specifies
      empty = false;
    }
  } else {
    // The magnitude may reach 2^63 only when the numeral is negative.
    const Unsigned limit = Unsigned(INT64_MAX) + (negative ? 1 : 0);
    for (; isDigit(*s); ++s) {
      Unsigned d = Unsigned(*s - '0');
      if (value > (limit - d) / 10) return false;  // overflow: read it as a float
      value = value * 10 + d;
      empty = false;
    }
  }
  while (isSpace(*s)) ++s;
  if (empty || *s != '\0') return false;
  out = Integer(negative ? 0u - value : value);
  return true;
}

locale_t cLocale() {
  static locale_t locale = newlocale(LC_ALL_MASK, "C", locale_t(0));
  return locale;
}

bool textToFloat(const char* s, Number& out) {
  if (std::strpbrk(s, "nN")) return false;  // rejects "inf" and "nan"
  // A decimal numeral goes through std::from_chars, which rounds as
  // correctly as strtod and reads no locale: without the sign, which it
  // would not take with a '+', and falling back to strtod for the
  // hexadecimal ones and for magnitudes past the doubles (strtod gives the
  // infinity or zero Lua wants, from_chars an error).
  const char* p = s;
  while (isSpace(*p)) ++p;
  bool negative = *p == '-';
  if (*p == '-' || *p == '+') ++p;
  if (*p == '-' || *p == '+') return false;  // from_chars would take the second
  if (!(p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))) {
    const char* last = p + std::strlen(p);
    Number n;
    auto [end, ec] = std::from_chars(p, last, n, std::chars_format::general);
    if (ec == std::errc()) {
      while (isSpace(*end)) ++end;
      if (*end != '\0') return false;
      out = negative ? -n : n;
      return true;
    }
    if (ec != std::errc::result_out_of_range) return false;
  }
  char* end;
  Number n = strtod_l(s, &end, cLocale());
  if (end == s) return false;
  while (isSpace(*end)) ++end;
  if (*end != '\0') return false;
  out = n;
  return true;
}

}  // namespace

bool stringToNumber(std::string_view s, Value& out) {
  if (s.find('\0') != std::string_view::npos) return false;
  // The converters want a C string; numerals are short, so avoid the heap.
  char small[128];
  std::string large;
  const char* text;
  if (s.size() < sizeof small) {
    std::memcpy(small, s.data(), s.size());
    small[s.size()] = '\0';
    text = small;
  } else {
    large.assign(s);
    text = large.c_str();
  }
  Integer i;
  if (textToInteger(text, i)) {
    out = Value::integer(i);
    return true;
  }
  Number n;
  if (textToFloat(text, n)) {
    out = Value::number(n);
    return true;
  }
  return false;
}

size_t numberToText(const Value& v, char* buffer) {
  if (v.isInteger()) {
    // As "%lld" writes it (std::to_chars is the same decimal form, without
    // printf's format parsing: concatenating a number was mostly that).
    char* end = std::to_chars(buffer, buffer + kMaxNumberText - 1, v.asInteger()).ptr;
    *end = '\0';
    return size_t(end - buffer);
  }
  // "%.14g" (LUAI_NUMFFORMAT): std::to_chars with general format and that
  // precision is specified as printf's form of it in the "C" locale (as
  // numerals are read, whatever the host's locale), and writes it faster.
  char* end = std::to_chars(buffer, buffer + kMaxNumberText - 3, v.asFloat(), std::chars_format::general, 14).ptr;
  *end = '\0';
  auto length = size_t(end - buffer);
  // A float that prints like an integer gets ".0" so that it reads as a float.
  if (buffer[std::strspn(buffer, "-0123456789")] == '\0') {
    buffer[length++] = '.';
    buffer[length++] = '0';
    buffer[length] = '\0';
  }
  return size_t(length);
}

bool floatToInteger(Number n, Integer* out, FloatToInt mode) {
  Number f = n;
  if (mode == FloatToInt::Floor) f = std::floor(n);
  else if (mode == FloatToInt::Ceil) f = std::ceil(n);
  else if (std::floor(n) != n) return false;  // not integral (or NaN)
  // -2^63 is exact in a double; 2^63 is the first value out of range.
  if (f >= -9223372036854775808.0 && f < 9223372036854775808.0) {
    *out = Integer(f);
    return true;
  }
  return false;
}

// i < f  <=>  i < ceil(f); a float beyond the integer range is above or below
// every integer according to its sign (NaN is neither).
bool lessThanIntFloat(Integer i, Number f) {
  Integer c;
  if (floatToInteger(f, &c, FloatToInt::Ceil)) return i < c;
  return f > 0;
}

// i <= f  <=>  i <= floor(f).
bool lessEqualIntFloat(Integer i, Number f) {
  Integer c;
  if (floatToInteger(f, &c, FloatToInt::Floor)) return i <= c;
  return f > 0;
}

// f < i  <=>  floor(f) < i.
bool lessThanFloatInt(Number f, Integer i) {
  Integer c;
  if (floatToInteger(f, &c, FloatToInt::Floor)) return c < i;
  return f < 0;
}

// f <= i  <=>  ceil(f) <= i.
bool lessEqualFloatInt(Number f, Integer i) {
  Integer c;
  if (floatToInteger(f, &c, FloatToInt::Ceil)) return c <= i;
  return f < 0;
}

}  // namespace tycho

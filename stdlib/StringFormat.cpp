// StringFormat: string.format (manual §6.4), printf-style formatting.
//
// Each conversion is checked against what lua5.4 accepts for it: a set of
// flags, a width of at most two digits and, for some conversions, a
// precision of at most two digits; anything else is "invalid conversion".
// Numbers are then formatted by the C library's snprintf with the same
// specification (plus the "ll" length modifier for integers), so every
// digit is the C library's, as it is in lua5.4; the commonest items go to
// std::to_chars instead, which is specified to write the same digits
// (appendNumberDirect). Widths and precisions under 100 bound every item,
// so one fixed-size buffer holds any of them.
//
// %q writes a value as Lua source that reads back as the same value:
// integers in decimal (the minimum integer in hexadecimal, since its decimal
// form would read as a float), floats in hexadecimal with the infinities and
// NaN as the expressions 1e9999, -1e9999 and (0/0), strings quoted with
// their control bytes escaped.
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "runtime/Messages.hpp"
#include "stdlib/StringLib.hpp"

namespace tycho::lib {

namespace {

// Flags each conversion accepts (lua5.4's sets; '0' is a flag too).
constexpr const char* kFlagsFloat = "-+ #0";     // a A e E f g G
constexpr const char* kFlagsHex = "-#0";         // o x X
constexpr const char* kFlagsInteger = "-+ 0";    // d i
constexpr const char* kFlagsUnsigned = "-0";     // u
constexpr const char* kFlagsString = "-";        // c p s
// Characters that may appear between '%' and the conversion letter.
constexpr const char* kSpecChars = "-+ #0123456789.";

// A specification of this length (flags, width and precision plus the
// letter) or more is "too long" (lua5.4's MAX_FORMAT - 10).
constexpr size_t kMaxSpecLength = 22;
// Room for any single item: 99 characters of width, 99 digits of precision
// and the 309 integer digits of the largest double, with margin.
constexpr size_t kMaxItem = 512;

const char* skipTwoDigits(const char* s) {
  for (int i = 0; i < 2 && std::isdigit(static_cast<unsigned char>(*s)); i++) s++;
  return s;
}

// Checks "%<flags><width>[.<precision>]<letter>" (form) against the flags
// the conversion allows and whether it takes a precision. A width cannot
// start with '0' (that is a flag, and only where '0' is allowed).
void checkSpec(lua_State* L, const char* form, const char* flags, bool precision) {
  const char* spec = form + 1;
  spec += std::strspn(spec, flags);
  if (*spec != '0') {
    spec = skipTwoDigits(spec);
    if (*spec == '.' && precision) spec = skipTwoDigits(spec + 1);
  }
  if (!std::isalpha(static_cast<unsigned char>(*spec))) libError(L, msg::kFormatInvalidSpec, form);
}

// Inserts a length modifier before the conversion letter at the end of form.
void addLengthModifier(char* form, const char* modifier) {
  size_t n = std::strlen(form), m = std::strlen(modifier);
  char letter = form[n - 1];
  std::memcpy(form + n - 1, modifier, m);
  form[n - 1 + m] = letter;
  form[n + m] = '\0';
}

template <typename T>
void appendFormatted(StringBuffer& b, const char* form, T value) {
  char* out = b.reserve(kMaxItem);
  int n = std::snprintf(out, kMaxItem, form, value);
  if (n < 0) n = 0;
  b.commit(size_t(n) < kMaxItem ? size_t(n) : kMaxItem - 1);
}

// The commonest numeric items ("%d", "%5d", "%-8x", "%.2f", "%10.3f",
// "%08.3e", "%.10g") are written with std::to_chars, which the standard
// specifies as printf's output in the "C" locale for the same conversion
// and precision, without snprintf's parsing of the format (string.format of
// numbers was mostly that). Handled: the flags '-' and '0', a width, a
// precision for e, f and g, finite floats. Anything else (other flags, a
// precision on an integer, upper-case conversions, inf and NaN) returns
// false, for snprintf. `form` has passed checkSpec.
bool appendNumberDirect(StringBuffer& b, const char* form, char conversion, const Value& v) {
  const char* p = form + 1;
  bool left = false, zeros = false;
  for (;; p++) {
    if (*p == '-') left = true;
    else if (*p == '0') zeros = true;
    else break;
  }
  int width = 0;
  while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0');
  int precision = -1;
  if (*p == '.') {
    precision = 0;
    for (p++; *p >= '0' && *p <= '9'; p++) precision = precision * 10 + (*p - '0');
  }
  if (*p != conversion) return false;  // another flag
  char text[kMaxItem];
  std::to_chars_result r;
  switch (conversion) {
    case 'd':
    case 'i':
    case 'x':
      if (precision >= 0) return false;
      r = conversion == 'x' ? std::to_chars(text, text + sizeof text, Unsigned(v.asInteger()), 16)
                            : std::to_chars(text, text + sizeof text, v.asInteger());
      break;
    case 'e':
    case 'f':
    case 'g': {
      double x = v.asFloat();
      if (!std::isfinite(x)) return false;
      auto format = conversion == 'e' ? std::chars_format::scientific
                    : conversion == 'f' ? std::chars_format::fixed : std::chars_format::general;
      r = std::to_chars(text, text + sizeof text, x, format, precision < 0 ? 6 : precision);
      break;
    }
    default: return false;
  }
  if (r.ec != std::errc()) return false;
  auto length = size_t(r.ptr - text);
  size_t pad = size_t(width) > length ? size_t(width) - length : 0;
  char* out = b.reserve(length + pad);
  if (left) {
    std::memcpy(out, text, length);
    std::memset(out + length, ' ', pad);
  } else {
    // Zeros go after the sign, spaces before it.
    size_t sign = zeros && text[0] == '-' ? 1 : 0;
    out[0] = text[0];
    std::memset(out + sign, zeros ? '0' : ' ', pad);
    std::memcpy(out + sign + pad, text + sign, length - sign);
  }
  b.commit(length + pad);
  return true;
}

// What %p shows: the address of an object, or null for values that are
// not objects (tostring shows the same address).
const void* valuePointer(const Value& v) {
  if (v.isLightFunction()) return reinterpret_cast<const void*>(v.asLightFunction());
  if (v.isLightUserdata() || v.isCollectable()) return v.u.p;
  return nullptr;
}

void appendQuotedString(StringBuffer& b, std::string_view s) {
  b.append('"');
  for (size_t i = 0; i < s.size(); i++) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\' || c == '\n') {
      // A backslash before a newline keeps the newline in the string.
      b.append('\\');
      b.append(char(c));
    } else if (std::iscntrl(c)) {
      // Three digits when a digit follows, so that it is not read as part
      // of the escape.
      bool digitNext = i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]));
      appendFormatted(b, digitNext ? "\\%03d" : "\\%d", int(c));
    } else {
      b.append(char(c));
    }
  }
  b.append('"');
}

void appendLiteral(lua_State* L, StringBuffer& b, int argIndex) {
  Value v = arg(L, argIndex);
  switch (v.type()) {
    case kTypeString: appendQuotedString(b, view(v.asString())); break;
    case kTypeNumber:
      if (v.isInteger()) {
        if (v.asInteger() == INT64_MIN) b.append("0x8000000000000000");
        else appendFormatted(b, "%lld", static_cast<long long>(v.asInteger()));
      } else {
        Number x = v.asFloat();
        if (x == HUGE_VAL) b.append("1e9999");
        else if (x == -HUGE_VAL) b.append("-1e9999");
        else if (x != x) b.append("(0/0)");
        else appendFormatted(b, "%a", x);
      }
      break;
    case kTypeNil:
    case kTypeBoolean: {
      String* s = toStringMeta(L, v);
      b.append(view(s));
      L->top--;
      break;
    }
    default: argError(L, argIndex, "format", msg::kStrArgNoLiteral);
  }
}

void appendString(lua_State* L, StringBuffer& b, int argIndex, char* form) {
  String* s = toStringMeta(L, arg(L, argIndex));
  if (form[2] == '\0') {
    b.append(view(s));  // no modifiers: the whole string, zeros included
  } else {
    if (std::strlen(s->data()) != s->length()) argError(L, argIndex, "format", msg::kStrArgContainsZeros);
    checkSpec(L, form, kFlagsString, true);
    // Without a precision, a long string is kept whole: the width could not
    // change it and it might not fit the item buffer.
    if (!std::strchr(form, '.') && s->length() >= 100) b.append(view(s));
    else appendFormatted(b, form, s->data());
  }
  L->top--;
}

}  // namespace

int strFormat(lua_State* L) {
  String* formatString = checkString(L, 1, "format");
  // Lua strings end with a zero byte, which ends the scans of a
  // specification as it does in lua5.4.
  const char* f = formatString->data();
  const char* end = f + formatString->length();
  int top = argCount(L);
  int argIndex = 1;
  StringBuffer b(L);
  while (f < end) {
    if (*f != '%') {
      const char* next = static_cast<const char*>(std::memchr(f, '%', size_t(end - f)));
      if (!next) next = end;
      b.append(f, size_t(next - f));
      f = next;
      continue;
    }
    f++;
    if (f < end && *f == '%') {
      b.append('%');
      f++;
      continue;
    }
    if (++argIndex > top) argError(L, argIndex, "format", msg::kStrArgNoValue);
    size_t length = std::strspn(f, kSpecChars) + 1;  // with the conversion letter
    if (length >= kMaxSpecLength) libError(L, msg::kFormatTooLong);
    char form[kMaxSpecLength + 8];
    form[0] = '%';
    std::memcpy(form + 1, f, length);
    form[length + 1] = '\0';
    char conversion = f[length - 1];
    f += length;
    const char* flags = nullptr;
    switch (conversion) {
      case 'c':
        checkSpec(L, form, kFlagsString, false);
        appendFormatted(b, form, int(checkInteger(L, argIndex, "format")));
        break;
      case 'd':
      case 'i': flags = kFlagsInteger; goto integer;
      case 'u': flags = kFlagsUnsigned; goto integer;
      case 'o':
      case 'x':
      case 'X':
        flags = kFlagsHex;
      integer: {
        Integer n = checkInteger(L, argIndex, "format");
        checkSpec(L, form, flags, true);
        if (appendNumberDirect(b, form, conversion, Value::integer(n))) break;
        addLengthModifier(form, "ll");
        appendFormatted(b, form, static_cast<long long>(n));
        break;
      }
      case 'a':
      case 'A':
        checkSpec(L, form, kFlagsFloat, true);
        appendFormatted(b, form, double(checkNumber(L, argIndex, "format")));
        break;
      case 'e':
      case 'E':
      case 'f':
      case 'g':
      case 'G': {
        Number x = checkNumber(L, argIndex, "format");
        checkSpec(L, form, kFlagsFloat, true);
        if (appendNumberDirect(b, form, conversion, Value::number(x))) break;
        appendFormatted(b, form, double(x));
        break;
      }
      case 'p': {
        const void* p = valuePointer(arg(L, argIndex));
        checkSpec(L, form, kFlagsString, false);
        if (p) {
          appendFormatted(b, form, p);
        } else {
          form[std::strlen(form) - 1] = 's';
          appendFormatted(b, form, "(null)");
        }
        break;
      }
      case 'q':
        if (form[2] != '\0') libError(L, msg::kFormatQModifiers);
        appendLiteral(L, b, argIndex);
        break;
      case 's': appendString(L, b, argIndex, form); break;
      default: libError(L, msg::kFormatInvalidConversion, form);
    }
  }
  b.push();
  return 1;
}

}  // namespace tycho::lib

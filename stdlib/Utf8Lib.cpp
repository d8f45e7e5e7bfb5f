// Utf8Lib: the utf8 library of manual §6.5.
//
// Lua's UTF-8 is the original, extended form: sequences of up to six bytes
// encode values up to 2^31 - 1. Strict functions accept only what Unicode
// allows (at most U+10FFFF, no surrogates); with `lax` any value up to
// 2^31 - 1 passes. Overlong encodings are always invalid.
//
// Positions are byte positions, 1-based, negative ones counting from the
// end. Every read of a byte checks the string's length (lua5.4 relies on
// the terminating '\0' instead), so malformed or truncated input gives an
// error or a fail result, never a read past the end.
#include <climits>
#include <cstdint>
#include <string>

#include "runtime/Messages.hpp"
#include "stdlib/Lib.hpp"

namespace tycho::lib {

namespace {

constexpr Unsigned kMaxUtf = 0x7FFFFFFF;
constexpr uint32_t kMaxUnicode = 0x10FFFF;

// "[\0-\x7F\xC2-\xFD][\x80-\xBF]*": one character, lead byte then its
// continuation bytes (the literal holds a '\0', hence the explicit size).
constexpr char kCharPattern[] = "[\0-\x7F\xC2-\xFD][\x80-\xBF]*";

bool isContinuation(const String* s, size_t pos) {
  return pos < s->length() && (static_cast<unsigned char>(s->data()[pos]) & 0xC0) == 0x80;
}

// Decodes the character at byte `pos` (< length); returns its length in
// bytes, or 0 when the bytes there are not a valid sequence.
size_t decode(const String* str, size_t pos, uint32_t* code, bool strict) {
  const auto* s = reinterpret_cast<const unsigned char*>(str->data());
  unsigned c = s[pos];
  if (c < 0x80) {
    *code = c;
    return 1;
  }
  // The count of leading 1 bits is the sequence's length: 1 is a stray
  // continuation byte and 7 or 8 (0xFE, 0xFF) no sequence at all.
  size_t length = 0;
  while (length < 8 && (c & (0x80u >> length))) length++;
  if (length == 1 || length > 6) return 0;
  size_t extra = length - 1;
  if (str->length() - pos - 1 < extra) return 0;  // truncated
  uint32_t res = c & (0x3Fu >> extra);
  for (size_t k = 1; k <= extra; k++) {
    unsigned cc = s[pos + k];
    if ((cc & 0xC0) != 0x80) return 0;
    res = (res << 6) | (cc & 0x3F);
  }
  // The smallest value that needs `extra` continuation bytes: anything
  // lower is an overlong encoding.
  static constexpr uint32_t kMinimum[] = {0, 0x80, 0x800, 0x10000, 0x200000, 0x4000000};
  if (res < kMinimum[extra]) return 0;
  if (strict && (res > kMaxUnicode || (res >= 0xD800 && res <= 0xDFFF))) return 0;
  *code = res;
  return length;
}

// Appends the (extended) UTF-8 encoding of x <= 2^31 - 1.
void encode(std::string& out, uint32_t x) {
  if (x < 0x80) {
    out += char(x);
    return;
  }
  char buf[6];
  size_t n = 0;
  uint32_t firstMax = 0x3F;  // largest payload that still fits in the lead byte
  do {
    buf[5 - n++] = char(0x80 | (x & 0x3F));
    x >>= 6;
    firstMax >>= 1;
  } while (x > firstMax);
  // The lead byte: n + 1 leading ones, a zero, then the remaining bits.
  buf[5 - n] = char((~firstMax << 1) | x);
  out.append(buf + 5 - n, n + 1);
}

// A position relative to the string: negative ones count from the end
// (-1 is the last byte); those before the start become 0.
Integer relativePosition(Integer pos, size_t len) {
  if (pos >= 0) return pos;
  if (0u - Unsigned(pos) > len) return 0;
  return Integer(len) + pos + 1;
}

int utf8Char(lua_State* L) {
  int n = argCount(L);
  std::string out;
  for (int i = 1; i <= n; i++) {
    Integer code = checkInteger(L, i, "char");
    if (Unsigned(code) > kMaxUtf) argError(L, i, "char", msg::kArgValueOutOfRange);
    encode(out, uint32_t(code));
  }
  pushString(L, out);
  return 1;
}

int utf8Codepoint(lua_State* L) {
  String* s = checkString(L, 1, "codepoint");
  size_t len = s->length();
  Integer posi = relativePosition(optInteger(L, 2, "codepoint", 1), len);
  Integer pose = relativePosition(optInteger(L, 3, "codepoint", posi), len);
  bool lax = arg(L, 4).isTruthy();
  if (posi < 1) argError(L, 2, "codepoint", msg::kArgOutOfBounds);
  if (pose > Integer(len)) argError(L, 3, "codepoint", msg::kArgOutOfBounds);
  if (posi > pose) return 0;
  if (pose - posi >= INT_MAX) libError(L, msg::kStringSliceTooLong);
  // At most one value per byte; luaL_checkstack's limit (with its 5 extra
  // slots) and message.
  Integer most = pose - posi + 1;
  if (Integer(L->top - L->stack) + 5 + most > kMaxStack) libError(L, msg::kStackOverflowFor, msg::kStringSliceTooLong);
  ensureStack(L, int(most));
  int count = 0;
  // A character that starts before `pose` is decoded whole, even when it
  // ends after it.
  for (size_t p = size_t(posi - 1); p < size_t(pose);) {
    uint32_t code;
    size_t k = decode(s, p, &code, !lax);
    if (k == 0) libError(L, msg::kInvalidUtf8);
    push(L, Value::integer(code));
    count++;
    p += k;
  }
  return count;
}

int utf8Len(lua_State* L) {
  String* s = checkString(L, 1, "len");
  Integer len = Integer(s->length());
  Integer posi = relativePosition(optInteger(L, 2, "len", 1), size_t(len));
  Integer posj = relativePosition(optInteger(L, 3, "len", -1), size_t(len));
  bool lax = arg(L, 4).isTruthy();
  // 0-based from here: posi may be len (an empty range), posj may be -1.
  if (!(1 <= posi && --posi <= len)) argError(L, 2, "len", msg::kArgInitialOutOfBounds);
  if (!(--posj < len)) argError(L, 3, "len", msg::kArgFinalOutOfBounds);
  Integer n = 0;
  while (posi <= posj) {
    uint32_t code;
    size_t k = decode(s, size_t(posi), &code, !lax);
    if (k == 0) {  // fail, and the position of the invalid byte
      push(L, Value::nil());
      push(L, Value::integer(posi + 1));
      return 2;
    }
    posi += Integer(k);
    n++;
  }
  push(L, Value::integer(n));
  return 1;
}

int utf8Offset(lua_State* L) {
  String* s = checkString(L, 1, "offset");
  Integer len = Integer(s->length());
  Integer n = checkInteger(L, 2, "offset");
  Integer posi = n >= 0 ? 1 : len + 1;
  posi = relativePosition(optInteger(L, 3, "offset", posi), size_t(len));
  if (!(1 <= posi && --posi <= len)) argError(L, 3, "offset", msg::kArgPositionOutOfBounds);
  if (n == 0) {
    // The start of the character that holds byte i.
    while (posi > 0 && isContinuation(s, size_t(posi))) posi--;
  } else {
    if (isContinuation(s, size_t(posi))) libError(L, msg::kContinuationByte);
    if (n < 0) {
      while (n < 0 && posi > 0) {  // back to the previous lead byte
        do {
          posi--;
        } while (posi > 0 && isContinuation(s, size_t(posi)));
        n++;
      }
    } else {
      n--;  // the character at i is the first
      while (n > 0 && posi < len) {
        do {
          posi++;
        } while (isContinuation(s, size_t(posi)));
        n--;
      }
    }
  }
  if (n == 0) push(L, Value::integer(posi + 1));
  else push(L, Value::nil());
  return 1;
}

// The iteration of codes: the control value is the position of the last
// character (0 at the start); the next one starts after its continuation
// bytes. A character followed by a continuation byte that belongs to no
// sequence is invalid, as is one that does not decode.
int codesStep(lua_State* L, bool strict) {
  String* s = checkString(L, 1, "for iterator");
  size_t len = s->length();
  Integer control = 0;
  if (!toInteger(arg(L, 2), &control)) control = 0;
  Unsigned n = Unsigned(control);  // negative controls end the loop
  while (n < len && isContinuation(s, size_t(n))) n++;
  if (n >= len) return 0;
  uint32_t code;
  size_t length = decode(s, size_t(n), &code, strict);
  if (length == 0 || isContinuation(s, size_t(n) + length)) libError(L, msg::kInvalidUtf8);
  push(L, Value::integer(Integer(n + 1)));
  push(L, Value::integer(code));
  return 2;
}

int codesStrict(lua_State* L) { return codesStep(L, true); }
int codesLax(lua_State* L) { return codesStep(L, false); }

int utf8Codes(lua_State* L) {
  bool lax = arg(L, 2).isTruthy();
  String* s = checkString(L, 1, "codes");
  // The iteration starts at byte 0, which no stray byte may precede.
  if (isContinuation(s, 0)) argError(L, 1, "codes", msg::kInvalidUtf8);
  push(L, Value::lightFunction(lax ? codesLax : codesStrict));
  push(L, arg(L, 1));
  push(L, Value::integer(0));
  return 3;
}

}  // namespace

int openUtf8(lua_State* L) {
  ensureStack(L, 2);
  Table* lib = newTable(L, 0, 8);
  push(L, Value::table(lib));
  static const struct { const char* name; NativeFunction fn; } kFunctions[] = {
    {"char", utf8Char}, {"codepoint", utf8Codepoint}, {"codes", utf8Codes},
    {"len", utf8Len}, {"offset", utf8Offset},
  };
  for (const auto& f : kFunctions) setFunction(L, lib, f.name, f.fn);
  String* key = newString(L, "charpattern");
  push(L, Value::string(key));
  String* pattern = newString(L, std::string_view(kCharPattern, sizeof kCharPattern - 1));
  tableSet(L, lib, Value::string(key), Value::string(pattern));
  L->top--;
  return 1;
}

}  // namespace tycho::lib

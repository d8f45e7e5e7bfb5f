// StringPack: string.pack, string.packsize and string.unpack (manual
// §6.4.2), which convert between Lua values and binary layouts.
//
// A format is read one option at a time by FormatReader, which also keeps
// the two settings that options change on the way: the byte order ('<',
// '>', '=') and the maximum alignment ('!'). Each option has a kind, a size
// and the padding needed before it: with "!n", an option of size s starts at
// a multiple of min(s, n), which must be a power of two. Integers of 1 to 16
// bytes are written and read byte by byte, so their layout does not depend
// on the host; sizes past 8 bytes sign-extend on packing and check on
// unpacking that the extra bytes hold no information.
#include <cstring>

#include "runtime/Messages.hpp"
#include "stdlib/StringLib.hpp"

namespace tycho::lib {

namespace {

constexpr int kMaxIntegerSize = 16;
constexpr int kIntegerSize = int(sizeof(Integer));
// The default for '!' with no size: the strictest alignment of a native type.
constexpr int kNativeAlignment = 8;

enum class Kind {
  Int,          // signed integer
  Uint,         // unsigned integer
  Float,        // C float
  Number,       // Lua float
  Double,       // C double
  Chars,        // fixed-size string (c)
  String,       // string preceded by its length (s)
  ZString,      // zero-terminated string (z)
  Padding,      // one zero byte (x)
  Align,        // padding to an alignment (X)
  None,         // a setting or a space
};

struct Option {
  Kind kind;
  int size;
  int padding;  // zero bytes before the option, for its alignment
};

bool isLittleEndianHost() {
  const uint16_t one = 1;
  unsigned char first;
  std::memcpy(&first, &one, 1);
  return first == 1;
}

class FormatReader {
 public:
  FormatReader(lua_State* L, std::string_view format, const char* fname)
      : L_(L), f_(format.data()), end_(format.data() + format.size()), fname_(fname) {}

  bool done() const { return f_ >= end_; }
  bool little() const { return little_; }

  // Reads the next option, for data that has `offset` bytes so far.
  Option next(size_t offset) {
    Option o;
    o.kind = readOption(&o.size);
    int align = o.size;
    if (o.kind == Kind::Align) {
      // X aligns to the size of the option after it, which it consumes.
      if (done() || readOption(&align) == Kind::Chars || align == 0)
        argError(L_, 1, fname_, msg::kPackArgBadX);
    }
    o.padding = 0;
    if (align > 1 && o.kind != Kind::Chars) {
      if (align > maxAlign_) align = maxAlign_;
      if ((align & (align - 1)) != 0) argError(L_, 1, fname_, msg::kPackArgAlignment);
      o.padding = (align - int(offset & size_t(align - 1))) & (align - 1);
    }
    return o;
  }

 private:
  // A decimal count after an option, or `def` when there is none. Digits
  // stop being read before the value could pass INT_MAX, as in lua5.4 (the
  // rest of the digits are then read as the next option).
  int readCount(int def) {
    if (done() || !isDigit(*f_)) return def;
    int n = 0;
    do {
      n = n * 10 + (*f_++ - '0');
    } while (!done() && isDigit(*f_) && n <= (INT32_MAX - 9) / 10);
    return n;
  }

  int readSize(int def) {
    int n = readCount(def);
    if (n > kMaxIntegerSize || n <= 0) libError(L_, msg::kPackIntegralSize, n, kMaxIntegerSize);
    return n;
  }

  Kind readOption(int* size) {
    char c = *f_++;
    *size = 0;
    switch (c) {
      case 'b': *size = 1; return Kind::Int;
      case 'B': *size = 1; return Kind::Uint;
      case 'h': *size = int(sizeof(short)); return Kind::Int;
      case 'H': *size = int(sizeof(short)); return Kind::Uint;
      case 'l': *size = int(sizeof(long)); return Kind::Int;
      case 'L': *size = int(sizeof(long)); return Kind::Uint;
      case 'j': *size = kIntegerSize; return Kind::Int;
      case 'J': *size = kIntegerSize; return Kind::Uint;
      case 'T': *size = int(sizeof(size_t)); return Kind::Uint;
      case 'f': *size = int(sizeof(float)); return Kind::Float;
      case 'n': *size = int(sizeof(Number)); return Kind::Number;
      case 'd': *size = int(sizeof(double)); return Kind::Double;
      case 'i': *size = readSize(int(sizeof(int))); return Kind::Int;
      case 'I': *size = readSize(int(sizeof(int))); return Kind::Uint;
      case 's': *size = readSize(int(sizeof(size_t))); return Kind::String;
      case 'c':
        *size = readCount(-1);
        if (*size == -1) libError(L_, msg::kPackMissingSize);
        return Kind::Chars;
      case 'z': return Kind::ZString;
      case 'x': *size = 1; return Kind::Padding;
      case 'X': return Kind::Align;
      case ' ': return Kind::None;
      case '<': little_ = true; return Kind::None;
      case '>': little_ = false; return Kind::None;
      case '=': little_ = isLittleEndianHost(); return Kind::None;
      case '!': maxAlign_ = readSize(kNativeAlignment); return Kind::None;
      default: libError(L_, msg::kPackInvalidOption, c);
    }
  }

  static bool isDigit(char c) { return c >= '0' && c <= '9'; }

  lua_State* L_;
  const char* f_;
  const char* end_;
  const char* fname_;
  bool little_ = isLittleEndianHost();
  int maxAlign_ = 1;
};

// Writes the low `size` bytes of n (sign-extended past 8 bytes when negative).
void packInteger(StringBuffer& b, Unsigned n, bool little, int size, bool negative) {
  char* out = b.reserve(size_t(size));
  for (int i = 0; i < size; i++) {
    unsigned char byte = i < kIntegerSize ? static_cast<unsigned char>(n >> (8 * i)) : (negative ? 0xff : 0);
    out[little ? i : size - 1 - i] = char(byte);
  }
  b.commit(size_t(size));
}

Integer unpackInteger(lua_State* L, const char* data, bool little, int size, bool isSigned) {
  auto byteAt = [&](int i) { return static_cast<unsigned char>(data[little ? i : size - 1 - i]); };
  int limit = size <= kIntegerSize ? size : kIntegerSize;
  Unsigned n = 0;
  for (int i = limit - 1; i >= 0; i--) n = (n << 8) | byteAt(i);
  if (size < kIntegerSize) {
    if (isSigned) {
      Unsigned signBit = Unsigned(1) << (size * 8 - 1);
      n = (n ^ signBit) - signBit;
    }
  } else if (size > kIntegerSize) {
    // The bytes that do not fit must only repeat the sign.
    unsigned char fill = (!isSigned || Integer(n) >= 0) ? 0 : 0xff;
    for (int i = limit; i < size; i++)
      if (byteAt(i) != fill) libError(L, msg::kPackIntegerTooBig, size);
  }
  return Integer(n);
}

// Copies a float or double in the wanted byte order.
template <typename T>
void packFloat(StringBuffer& b, T x, bool little) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &x, sizeof(T));
  char* out = b.reserve(sizeof(T));
  bool swap = little != isLittleEndianHost();
  for (size_t i = 0; i < sizeof(T); i++) out[i] = bytes[swap ? sizeof(T) - 1 - i : i];
  b.commit(sizeof(T));
}

template <typename T>
T unpackFloat(const char* data, bool little) {
  char bytes[sizeof(T)];
  bool swap = little != isLittleEndianHost();
  for (size_t i = 0; i < sizeof(T); i++) bytes[i] = data[swap ? sizeof(T) - 1 - i : i];
  T x;
  std::memcpy(&x, bytes, sizeof(T));
  return x;
}

}  // namespace

int strPack(lua_State* L) {
  String* format = checkString(L, 1, "pack");
  FormatReader reader(L, view(format), "pack");
  // lua5.4 has a nil above the arguments while it packs, so a missing
  // argument reads as nil ("number expected, got nil"): so does Tycho.
  ensureStack(L, 1);
  push(L, Value::nil());
  StringBuffer b(L);
  int argIndex = 1;
  size_t total = 0;
  while (!reader.done()) {
    Option o = reader.next(total);
    total += size_t(o.padding) + size_t(o.size);
    b.appendFill('\0', size_t(o.padding));
    argIndex++;
    switch (o.kind) {
      case Kind::Int: {
        Integer n = checkInteger(L, argIndex, "pack");
        if (o.size < kIntegerSize) {
          Integer limit = Integer(1) << (o.size * 8 - 1);
          if (n < -limit || n >= limit) argError(L, argIndex, "pack", msg::kPackArgIntegerOverflow);
        }
        packInteger(b, Unsigned(n), reader.little(), o.size, n < 0);
        break;
      }
      case Kind::Uint: {
        Integer n = checkInteger(L, argIndex, "pack");
        if (o.size < kIntegerSize && Unsigned(n) >= (Unsigned(1) << (o.size * 8)))
          argError(L, argIndex, "pack", msg::kPackArgUnsignedOverflow);
        packInteger(b, Unsigned(n), reader.little(), o.size, false);
        break;
      }
      case Kind::Float: packFloat(b, float(checkNumber(L, argIndex, "pack")), reader.little()); break;
      case Kind::Number: packFloat(b, Number(checkNumber(L, argIndex, "pack")), reader.little()); break;
      case Kind::Double: packFloat(b, double(checkNumber(L, argIndex, "pack")), reader.little()); break;
      case Kind::Chars: {
        String* s = checkString(L, argIndex, "pack");
        if (s->length() > size_t(o.size)) argError(L, argIndex, "pack", msg::kPackArgStringTooLong);
        b.append(view(s));
        b.appendFill('\0', size_t(o.size) - s->length());
        break;
      }
      case Kind::String: {
        String* s = checkString(L, argIndex, "pack");
        if (o.size < int(sizeof(size_t)) && s->length() >= (size_t(1) << (o.size * 8)))
          argError(L, argIndex, "pack", msg::kPackArgLengthTooBig);
        packInteger(b, Unsigned(s->length()), reader.little(), o.size, false);
        b.append(view(s));
        total += s->length();
        break;
      }
      case Kind::ZString: {
        String* s = checkString(L, argIndex, "pack");
        if (std::strlen(s->data()) != s->length()) argError(L, argIndex, "pack", msg::kStrArgContainsZeros);
        b.append(s->data(), s->length() + 1);  // with its terminating zero
        total += s->length() + 1;
        break;
      }
      case Kind::Padding:
        b.append('\0');
        argIndex--;
        break;
      case Kind::Align:
      case Kind::None: argIndex--; break;
    }
  }
  b.push();
  return 1;
}

int strPackSize(lua_State* L) {
  String* format = checkString(L, 1, "packsize");
  FormatReader reader(L, view(format), "packsize");
  size_t total = 0;
  while (!reader.done()) {
    Option o = reader.next(total);
    if (o.kind == Kind::String || o.kind == Kind::ZString) argError(L, 1, "packsize", msg::kPackArgVariableLength);
    size_t size = size_t(o.size) + size_t(o.padding);
    if (size > kMaxStringResult || total > kMaxStringResult - size) argError(L, 1, "packsize", msg::kPackArgTooLarge);
    total += size;
  }
  push(L, Value::integer(Integer(total)));
  return 1;
}

int strUnpack(lua_State* L) {
  String* format = checkString(L, 1, "unpack");
  String* data = checkString(L, 2, "unpack");
  size_t length = data->length();
  size_t pos = startPosition(optInteger(L, 3, "unpack", 1), length) - 1;
  if (pos > length) argError(L, 3, "unpack", msg::kPackArgInitialPosition);
  FormatReader reader(L, view(format), "unpack");
  const char* d = data->data();
  int n = 0;
  while (!reader.done()) {
    Option o = reader.next(pos);
    if (size_t(o.padding) + size_t(o.size) > length - pos) argError(L, 2, "unpack", msg::kPackArgDataTooShort);
    pos += size_t(o.padding);
    checkStackSpace(L, 2, "too many results");
    n++;
    switch (o.kind) {
      case Kind::Int:
      case Kind::Uint:
        push(L, Value::integer(unpackInteger(L, d + pos, reader.little(), o.size, o.kind == Kind::Int)));
        break;
      case Kind::Float: push(L, Value::number(Number(unpackFloat<float>(d + pos, reader.little())))); break;
      case Kind::Number: push(L, Value::number(unpackFloat<Number>(d + pos, reader.little()))); break;
      case Kind::Double: push(L, Value::number(Number(unpackFloat<double>(d + pos, reader.little())))); break;
      case Kind::Chars: pushString(L, std::string_view(d + pos, size_t(o.size))); break;
      case Kind::String: {
        size_t len = size_t(unpackInteger(L, d + pos, reader.little(), o.size, false));
        if (len > length - pos - size_t(o.size)) argError(L, 2, "unpack", msg::kPackArgDataTooShort);
        pushString(L, std::string_view(d + pos + o.size, len));
        pos += len;
        break;
      }
      case Kind::ZString: {
        const void* zero = std::memchr(d + pos, '\0', length - pos);
        if (!zero) argError(L, 2, "unpack", msg::kPackArgUnfinishedZ);
        size_t len = size_t(static_cast<const char*>(zero) - (d + pos));
        pushString(L, std::string_view(d + pos, len));
        pos += len + 1;
        break;
      }
      case Kind::Padding:
      case Kind::Align:
      case Kind::None: n--; break;
    }
    pos += size_t(o.size);
  }
  push(L, Value::integer(Integer(pos) + 1));
  return n + 1;
}

}  // namespace tycho::lib

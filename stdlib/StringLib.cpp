// StringLib: the string library of manual §6.4 — the functions that need no
// pattern, format or binary layout (len, sub, byte, char, rep, reverse,
// lower, upper, dump), the helpers the other String*.cpp files share
// (StringLib.hpp), and openString, which creates the `string` table and
// makes it the __index of the string metatable, so that ("x"):rep(3) works.
//
// Arithmetic on strings ("10" + 1) is done by the VM core (vm/Meta.cpp)
// without looking at the string metatable; the metatable still has __add,
// __sub, ... as Lua's does (§6.4), giving the same results when called.
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstring>

#include "compiler/Dump.hpp"
#include "gc/Heap.hpp"
#include "runtime/Messages.hpp"
#include "stdlib/StringLib.hpp"

namespace tycho::lib {

// --- shared helpers ---

StringBuffer::~StringBuffer() {
  if (data_) gc::freeRaw(G(L_), data_, capacity_);
}

void StringBuffer::grow(size_t more) {
  if (more > SIZE_MAX / 4 - size_) memoryError(L_);
  size_t wanted = size_ + more;
  size_t capacity = capacity_ < 64 ? 64 : capacity_;
  while (capacity < wanted) capacity = capacity <= SIZE_MAX / 2 ? capacity * 2 : wanted;
  data_ = static_cast<char*>(gc::reallocRaw(L_, data_, capacity_, capacity));
  capacity_ = capacity;
}

void StringBuffer::appendFill(char c, size_t n) {
  char* out = reserve(n);
  for (size_t i = 0; i < n; i++) out[i] = c;
  commit(n);
}

void StringBuffer::push() { pushString(L_, view()); }

size_t startPosition(Integer pos, size_t len) {
  if (pos > 0) return size_t(pos);
  if (pos == 0) return 1;
  if (pos < -Integer(len)) return 1;
  return len + size_t(pos) + 1;
}

size_t endPosition(Integer pos, size_t len) {
  if (pos > Integer(len)) return len;
  if (pos >= 0) return size_t(pos);
  if (pos < -Integer(len)) return 0;
  return len + size_t(pos) + 1;
}

void checkStackSpace(lua_State* L, Integer n, const char* what) {
  // lua_checkstack's limit, which counts the 5 extra slots of a C frame.
  Integer used = Integer(L->top - L->stack) + 5;
  if (n < 0 || n > kMaxStack - used) libError(L, msg::kStrStackOverflow, what);
  ensureStack(L, int(n));
}

namespace {

int strLen(lua_State* L) {
  String* s = checkString(L, 1, "len");
  push(L, Value::integer(Integer(s->length())));
  return 1;
}

int strSub(lua_State* L) {
  String* s = checkString(L, 1, "sub");
  size_t len = s->length();
  size_t start = startPosition(checkInteger(L, 2, "sub"), len);
  size_t end = endPosition(optInteger(L, 3, "sub", -1), len);
  if (start > end) pushString(L, "");
  else pushString(L, std::string_view(s->data() + start - 1, end - start + 1));
  return 1;
}

int strByte(lua_State* L) {
  // The commonest call, s:byte(i) with i a position in s (from either end).
  if (argCount(L) == 2 && args(L)[0].isString() && args(L)[1].isInteger()) {
    String* s = args(L)[0].asString();
    Integer i = args(L)[1].u.i, len = Integer(s->length());
    if (i < 0) i += len + 1;
    if (i >= 1 && i <= len) {
      args(L)[0].setInteger(static_cast<unsigned char>(s->data()[i - 1]));
      L->top = args(L) + 1;
      return 1;
    }
  }
  String* s = checkString(L, 1, "byte");
  size_t len = s->length();
  Integer first = optInteger(L, 2, "byte", 1);
  size_t end = endPosition(optInteger(L, 3, "byte", first), len);
  size_t start = startPosition(first, len);
  if (start > end) return 0;
  if (end - start >= size_t(INT_MAX)) libError(L, msg::kStrSliceTooLong);
  int n = int(end - start) + 1;
  checkStackSpace(L, n, msg::kStrSliceTooLong);
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(s->data());
  for (int i = 0; i < n; i++) push(L, Value::integer(bytes[start - 1 + size_t(i)]));
  return n;
}

int strChar(lua_State* L) {
  int n = argCount(L);
  StringBuffer b(L);
  for (int i = 1; i <= n; i++) {
    Integer c = checkInteger(L, i, "char");
    if (Unsigned(c) > UCHAR_MAX) argError(L, i, "char", msg::kStrArgOutOfRange);
    b.append(char(c));
  }
  b.push();
  return 1;
}

int strRep(lua_State* L) {
  String* s = checkString(L, 1, "rep");
  Integer n = checkInteger(L, 2, "rep");
  String* sep = optString(L, 3, "rep", nullptr);
  size_t len = s->length(), sepLen = sep ? sep->length() : 0;
  if (n <= 0) {
    pushString(L, "");
    return 1;
  }
  // The same limit as lua5.4, checked before anything is allocated.
  if (len + sepLen < len || len + sepLen > kMaxStringResult / Unsigned(n)) libError(L, msg::kStrResultTooLarge);
  size_t total = size_t(n) * len + size_t(n - 1) * sepLen;
  if (total == 0) {
    pushString(L, "");
    return 1;
  }
  StringBuffer b(L);
  char* out = b.reserve(total);
  const char* text = s->data();
  const char* between = sep ? sep->data() : nullptr;
  for (Integer i = 0; i < n; i++) {
    if (i > 0 && sepLen > 0) {
      std::memcpy(out, between, sepLen);
      out += sepLen;
    }
    std::memcpy(out, text, len);
    out += len;
  }
  b.commit(total);
  b.push();
  return 1;
}

int strReverse(lua_State* L) {
  String* s = checkString(L, 1, "reverse");
  StringBuffer b(L);
  char* out = b.reserve(s->length());
  for (size_t i = 0; i < s->length(); i++) out[i] = s->data()[s->length() - 1 - i];
  b.commit(s->length());
  b.push();
  return 1;
}

// lower and upper map each byte with the C library, as lua5.4 does.
int mapBytes(lua_State* L, const char* fname, int (*map)(int)) {
  String* s = checkString(L, 1, fname);
  StringBuffer b(L);
  char* out = b.reserve(s->length());
  for (size_t i = 0; i < s->length(); i++) out[i] = char(map(static_cast<unsigned char>(s->data()[i])));
  b.commit(s->length());
  b.push();
  return 1;
}

int strLower(lua_State* L) { return mapBytes(L, "lower", [](int c) { return std::tolower(c); }); }
int strUpper(lua_State* L) { return mapBytes(L, "upper", [](int c) { return std::toupper(c); }); }

// string.dump(f [, strip]): the binary chunk of a Lua function (format in
// compiler/BytecodeFormat.hpp); native functions have none.
int strDump(lua_State* L) {
  Value f = arg(L, 1);
  if (!f.isFunction()) argTypeError(L, 1, "dump", "function");
  if (!f.isLuaClosure()) libError(L, msg::kStrUnableToDump);
  std::string chunk = dumpFunction(f.asLuaClosure()->proto, arg(L, 2).isTruthy());
  pushString(L, chunk);
  return 1;
}

}  // namespace

// The string metatable's arithmetic metamethods: both operands converted
// to numbers, else the other operand's metamethod, else Lua's message.
template <TagMethod event>
int stringArith(lua_State* L) {
  Value a = arg(L, 1);
  Value b = event == TM_UNM ? a : arg(L, 2);
  Value result;
  if (arithNumbers(L, event, a, b, &result, true)) {
    push(L, result);
    return 1;
  }
  const Value* tm = b.isString() ? &kAbsentValue : metamethod(L, b, event);
  if (tm->isNil()) libError(L, msg::kStringArith, arithEventName(event), basicTypeName(a.type()), basicTypeName(b.type()));
  ensureStack(L, 3);
  StkId func = L->top;
  push(L, *tm);
  push(L, a);
  push(L, b);
  call(L, func, 1);
  return 1;
}

int openString(lua_State* L) {
  Table* lib = newTable(L, 0, 20);
  push(L, Value::table(lib));
  static const struct {
    const char* name;
    NativeFunction fn;
  } kFunctions[] = {
    {"byte", strByte},       {"char", strChar},     {"dump", strDump},       {"find", strFind},
    {"format", strFormat},   {"gmatch", strGmatch}, {"gsub", strGsub},       {"len", strLen},
    {"lower", strLower},     {"match", strMatch},   {"pack", strPack},       {"packsize", strPackSize},
    {"rep", strRep},         {"reverse", strReverse}, {"sub", strSub},       {"unpack", strUnpack},
    {"upper", strUpper},
  };
  for (const auto& f : kFunctions) setFunction(L, lib, f.name, f.fn);
  // The metatable shared by all strings: methods come from the library.
  Table* meta = newTable(L, 0, 9);
  push(L, Value::table(meta));
  tableSet(L, meta, Value::string(G(L)->tmNames[TM_INDEX]), Value::table(lib));
  static const struct { TagMethod event; NativeFunction fn; } kArith[] = {
    {TM_ADD, stringArith<TM_ADD>}, {TM_SUB, stringArith<TM_SUB>}, {TM_MUL, stringArith<TM_MUL>},
    {TM_MOD, stringArith<TM_MOD>}, {TM_POW, stringArith<TM_POW>}, {TM_DIV, stringArith<TM_DIV>},
    {TM_IDIV, stringArith<TM_IDIV>}, {TM_UNM, stringArith<TM_UNM>},
  };
  for (const auto& m : kArith) tableSet(L, meta, Value::string(G(L)->tmNames[m.event]), Value::lightFunction(m.fn));
  G(L)->typeMetatables[kTypeString] = meta;
  L->top--;
  return 1;
}

}  // namespace tycho::lib

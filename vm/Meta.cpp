// Meta: the slow paths of the operators — type coercions, metamethod lookup
// and calls, and the error messages of §3.4 when no metamethod applies.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "gc/Heap.hpp"
#include "runtime/Number.hpp"
#include "runtime/Messages.hpp"
#include "runtime/String.hpp"
#include "runtime/Table.hpp"
#include "vm/VarInfo.hpp"
#include "vm/Vm.hpp"

namespace tycho {

namespace {

const char* const kTypeNames[kNumBasicTypes] = {
  "nil", "boolean", "userdata", "number", "string", "table", "function", "userdata", "thread",
};

}  // namespace

const char* basicTypeName(int type) { return type >= 0 && type < kNumBasicTypes ? kTypeNames[type] : "no value"; }

Table* metatableOf(lua_State* L, const Value& o) {
  switch (o.tag) {
    case kTagTable: return o.asTable()->metatable;
    case kTagUserdata: return o.asUserdata()->metatable;
    default: return G(L)->typeMetatables[o.type()];
  }
}

const Value* metamethod(lua_State* L, const Value& o, TagMethod event) {
  Table* mt = metatableOf(L, o);
  if (!mt) return &kAbsentValue;
  if (event < kTMFastLimit && (mt->flags & (1u << event))) return &kAbsentValue;
  const Value* v = tableGetShortString(mt, G(L)->tmNames[event]);
  if (v->isNil() && event < kTMFastLimit) mt->flags |= uint8_t(1u << event);
  return v;
}

const char* typeNameForMessage(lua_State* L, const Value& o) {
  if (Table* mt = metatableOf(L, o); mt && (o.isTable() || o.isUserdata())) {
    const Value* name = tableGetShortString(mt, G(L)->nameField);
    if (name->isString()) return name->asString()->data();
  }
  return basicTypeName(o.type());
}

namespace {

[[noreturn]] void typeErrorWithInfo(lua_State* L, const Value& v, const char* op, const std::string& info) {
  runError(L, msg::kTypeError, op, typeNameForMessage(L, v), info.c_str());
}

// "number has no integer representation", naming the operand that has none.
[[noreturn]] void integerError(lua_State* L, Operand operand) {
  runError(L, msg::kNoIntegerRep, operandInfo(L, operand).c_str());
}

}  // namespace

void typeError(lua_State* L, const Value& v, const char* op, int operand) {
  // As lua5.4, a value that cannot be called is named after the function
  // slot of the calling instruction (or the metamethod being called), even
  // when the culprit is a __call handler found on the way.
  std::string info;
  if (std::strcmp(op, "call") == 0) info = calleeInfo(L);
  else if (operand >= 0) info = operandInfo(L, Operand(operand));
  typeErrorWithInfo(L, v, op, info);
}

bool toNumber(const Value& v, Value* out) {
  if (v.isNumber()) {
    *out = v;
    return true;
  }
  if (v.isString()) return stringToNumber(view(v.asString()), *out);
  return false;
}

bool toInteger(const Value& v, Integer* out) {
  Value n;
  if (!toNumber(v, &n)) return false;
  if (n.isInteger()) {
    *out = n.u.i;
    return true;
  }
  return floatToInteger(n.u.n, out);
}

bool numberToStringInPlace(lua_State* L, Value* v) {
  if (!v->isNumber()) return v->isString();
  char buf[kMaxNumberText];
  size_t n = numberToText(*v, buf);
  *v = Value::string(newString(L, buf, n));
  return true;
}

bool arithNumbers(lua_State* L, TagMethod event, const Value& a0, const Value& b0, Value* out, bool coerceStrings) {
  Value a, b;
  bool bitwise = event >= TM_BAND && event <= TM_SHR;
  bitwise = bitwise || event == TM_BNOT;
  // Strings convert for arithmetic (§3.4.3) but not for bitwise operators.
  if (coerceStrings && !bitwise) {
    if (!toNumber(a0, &a) || !toNumber(b0, &b)) return false;
  } else {
    if (!a0.isNumber() || !b0.isNumber()) return false;
    a = a0;
    b = b0;
  }
  switch (event) {
    case TM_BAND: case TM_BOR: case TM_BXOR: case TM_SHL: case TM_SHR: case TM_BNOT: {
      Integer x, y;
      if (!toInteger(a, &x)) integerError(L, kFirstOperand);
      if (!toInteger(b, &y)) integerError(L, kSecondOperand);
      Integer r = 0;
      switch (event) {
        case TM_BAND: r = Integer(Unsigned(x) & Unsigned(y)); break;
        case TM_BOR: r = Integer(Unsigned(x) | Unsigned(y)); break;
        case TM_BXOR: r = Integer(Unsigned(x) ^ Unsigned(y)); break;
        case TM_SHL: r = shiftLeft(x, y); break;
        case TM_SHR: r = shiftLeft(x, y == INT64_MIN ? INT64_MAX : -y); break;
        default: r = Integer(~Unsigned(x)); break;
      }
      *out = Value::integer(r);
      return true;
    }
    default: break;
  }
  if (a.isInteger() && b.isInteger() && event != TM_DIV && event != TM_POW) {
    Integer x = a.u.i, y = b.u.i;
    Integer r = 0;
    switch (event) {
      case TM_ADD: r = Integer(Unsigned(x) + Unsigned(y)); break;
      case TM_SUB: r = Integer(Unsigned(x) - Unsigned(y)); break;
      case TM_MUL: r = Integer(Unsigned(x) * Unsigned(y)); break;
      case TM_MOD:
        if (y == 0) runError(L, msg::kModuloByZero);
        r = integerMod(x, y);
        break;
      case TM_IDIV:
        if (y == 0) runError(L, msg::kDivideByZero);
        r = integerFloorDiv(x, y);
        break;
      case TM_UNM: r = Integer(0u - Unsigned(x)); break;
      default: break;
    }
    *out = Value::integer(r);
    return true;
  }
  Number x = a.asNumber(), y = b.asNumber();
  Number r = 0;
  switch (event) {
    case TM_ADD: r = x + y; break;
    case TM_SUB: r = x - y; break;
    case TM_MUL: r = x * y; break;
    case TM_DIV: r = x / y; break;
    case TM_POW: r = (y == 2) ? x * x : std::pow(x, y); break;
    case TM_IDIV: r = std::floor(x / y); break;
    case TM_MOD: r = floatMod(x, y); break;
    case TM_UNM: r = -x; break;
    default: break;
  }
  *out = Value::number(r);
  return true;
}

void callMetaResult(lua_State* L, Value f, Value a, Value b, ptrdiff_t resultOffset) {
  ensureStack(L, 3);
  StkId func = L->top;
  func[0] = f;
  func[1] = a;
  func[2] = b;
  L->top = func + 3;
  call(L, func, 1);
  Value result = L->top[-1];
  L->top--;
  *restoreStack(L, resultOffset) = result;
}

const char* arithEventName(TagMethod event) {
  switch (event) {
    case TM_ADD: return "add";
    case TM_SUB: return "sub";
    case TM_MUL: return "mul";
    case TM_MOD: return "mod";
    case TM_POW: return "pow";
    case TM_DIV: return "div";
    case TM_IDIV: return "idiv";
    case TM_UNM: return "unm";
    default: return "?";
  }
}

void arithMeta(lua_State* L, Value a, Value b, TagMethod event, ptrdiff_t resultOffset) {
  Value result;
  if (arithNumbers(L, event, a, b, &result, false)) {
    *restoreStack(L, resultOffset) = result;
    return;
  }
  // Strings take part in arithmetic only through the string metatable's
  // metamethods (§3.4.3, §6.4), which the string library sets and a program
  // may change or remove: like any operand's, the first operand's handler is
  // tried, then the second's.
  const Value* tm = metamethod(L, a, event);
  if (tm->isNil()) tm = metamethod(L, b, event);
  if (!tm->isNil()) {
    callMetaResult(L, *tm, a, b, resultOffset);
    return;
  }
  switch (event) {
    case TM_BAND: case TM_BOR: case TM_BXOR: case TM_SHL: case TM_SHR: case TM_BNOT: {
      Integer unused;
      if (a.isNumber() && b.isNumber()) integerError(L, toInteger(a, &unused) ? kSecondOperand : kFirstOperand);
      bool second = a.isNumber();
      typeError(L, second ? b : a, "perform bitwise operation on", second ? kSecondOperand : kFirstOperand);
    }
    case TM_CONCAT: {
      bool second = a.isString() || a.isNumber();
      typeError(L, second ? b : a, "concatenate", second ? kSecondOperand : kFirstOperand);
    }
    default: {
      bool second = a.isNumber();  // a string with no handler is to blame, numeral or not
      typeError(L, second ? b : a, "perform arithmetic on", second ? kSecondOperand : kFirstOperand);
    }
  }
}

void getTableMeta(lua_State* L, Value t, Value k, ptrdiff_t resultOffset, bool rawMissed) {
  int loop = 0;
  if (t.isTable() && k.isShortString()) {
    // The common chain (a field or method of an object, found in its class
    // or a class it inherits from: __index tables all the way), with the
    // field's lookup and the metatables' absence cache inline.
    Table* h = t.asTable();
    String* key = k.asString();
    for (; loop < kMaxTagLoop; loop++) {
      if (loop > 0 || !rawMissed) {
        const Value* v = tableGetShortString(h, key);
        if (!v->isNil()) {
          *restoreStack(L, resultOffset) = *v;
          return;
        }
      }
      Table* mt = h->metatable;
      if (mt == nullptr || (mt->flags & (1u << TM_INDEX))) {
        restoreStack(L, resultOffset)->setNil();
        return;
      }
      const Value* tm = tableGetShortString(mt, G(L)->tmNames[TM_INDEX]);
      if (!tm->isTable()) break;  // absent (cached below), or a handler
      h = tm->asTable();
    }
    t = Value::table(h);
    rawMissed = false;
  }
  // Every table of the chain is searched; at most kMaxTagLoop handlers are
  // followed (Lua's MAXTAGLOOP).
  for (;; loop++) {
    const Value* tm;
    if (t.isTable()) {
      const Value* v = loop == 0 && rawMissed ? &kAbsentValue : tableGet(G(L), t.asTable(), k);
      if (!v->isNil()) {
        *restoreStack(L, resultOffset) = *v;
        return;
      }
      if (loop == kMaxTagLoop) break;
      tm = metamethod(L, t, TM_INDEX);
      if (tm->isNil()) {
        restoreStack(L, resultOffset)->setNil();
        return;
      }
    } else {
      if (loop == kMaxTagLoop) break;
      tm = metamethod(L, t, TM_INDEX);
      // Only the value the instruction indexes has a name, not a handler
      // further down the chain.
      if (tm->isNil()) typeError(L, t, "index", loop == 0 ? kFirstOperand : -1);
    }
    if (tm->isFunction()) {
      callMetaResult(L, *tm, t, k, resultOffset);
      return;
    }
    t = *tm;
  }
  runError(L, msg::kIndexChainTooLong);
}

void setTableMeta(lua_State* L, Value t, Value k, Value v, bool rawMissed) {
  // As getTableMeta: an existing key is found in any table of the chain, but
  // at most kMaxTagLoop handlers are followed.
  for (int loop = 0;; loop++) {
    const Value* tm;
    if (t.isTable()) {
      Table* h = t.asTable();
      const Value* slot = loop == 0 && rawMissed ? &kAbsentValue : tableGet(G(L), h, k);
      if (!slot->isNil()) {
        *const_cast<Value*>(slot) = v;
        gc::barrierBack(G(L), h, v);
        return;
      }
      if (loop == kMaxTagLoop) break;
      tm = metamethod(L, t, TM_NEWINDEX);
      if (tm->isNil()) {
        if (k.isShortString()) tableSetShortString(L, h, k.asString(), v);
        else tableSet(L, h, k, v);
        return;
      }
    } else {
      if (loop == kMaxTagLoop) break;
      tm = metamethod(L, t, TM_NEWINDEX);
      if (tm->isNil()) typeError(L, t, "index", loop == 0 ? kFirstOperand : -1);
    }
    if (tm->isFunction()) {
      Value f = *tm;
      ensureStack(L, 4);
      StkId func = L->top;
      func[0] = f;
      func[1] = t;
      func[2] = k;
      func[3] = v;
      L->top = func + 4;
      call(L, func, 0);
      return;
    }
    t = *tm;
  }
  runError(L, msg::kNewindexChainTooLong);
}

namespace {

[[noreturn]] void compareError(lua_State* L, const Value& a, const Value& b) {
  const char* t1 = typeNameForMessage(L, a);
  const char* t2 = typeNameForMessage(L, b);
  if (std::strcmp(t1, t2) == 0) runError(L, msg::kCompareSame, t1);
  runError(L, msg::kCompareDifferent, t1, t2);
}

bool numberLess(const Value& a, const Value& b) {
  if (a.isInteger() && b.isInteger()) return a.u.i < b.u.i;
  if (a.isFloat() && b.isFloat()) return a.u.n < b.u.n;
  if (a.isInteger()) return lessThanIntFloat(a.u.i, b.u.n);
  return lessThanFloatInt(a.u.n, b.u.i);
}

bool numberLessEqual(const Value& a, const Value& b) {
  if (a.isInteger() && b.isInteger()) return a.u.i <= b.u.i;
  if (a.isFloat() && b.isFloat()) return a.u.n <= b.u.n;
  if (a.isInteger()) return lessEqualIntFloat(a.u.i, b.u.n);
  return lessEqualFloatInt(a.u.n, b.u.i);
}

bool orderMeta(lua_State* L, Value a, Value b, TagMethod event) {
  const Value* tm = metamethod(L, a, event);
  if (tm->isNil()) tm = metamethod(L, b, event);
  if (tm->isNil()) compareError(L, a, b);
  ensureStack(L, 1);
  ptrdiff_t off = saveStack(L, L->top);
  L->top++;  // a slot for the result
  callMetaResult(L, *tm, a, b, off);
  bool r = restoreStack(L, off)->isTruthy();
  L->top--;
  return r;
}

}  // namespace

bool lessThanMeta(lua_State* L, Value a, Value b) {
  if (a.isNumber() && b.isNumber()) return numberLess(a, b);
  if (a.isString() && b.isString()) return stringCompare(a.asString(), b.asString()) < 0;
  return orderMeta(L, a, b, TM_LT);
}

bool lessEqualMeta(lua_State* L, Value a, Value b) {
  if (a.isNumber() && b.isNumber()) return numberLessEqual(a, b);
  if (a.isString() && b.isString()) return stringCompare(a.asString(), b.asString()) <= 0;
  return orderMeta(L, a, b, TM_LE);
}

bool equalsMeta(lua_State* L, Value a, Value b) {
  if (a.tag != b.tag) return rawEquals(a, b);
  if (rawEquals(a, b)) return true;
  if (!(a.isTable() || a.isUserdata())) return false;
  const Value* tm = metamethod(L, a, TM_EQ);
  if (tm->isNil()) tm = metamethod(L, b, TM_EQ);
  if (tm->isNil()) return false;
  ensureStack(L, 1);
  ptrdiff_t off = saveStack(L, L->top);
  L->top++;
  callMetaResult(L, *tm, a, b, off);
  bool r = restoreStack(L, off)->isTruthy();
  L->top--;
  return r;
}

void lengthMeta(lua_State* L, Value v, ptrdiff_t resultOffset) {
  const Value* tm = metamethod(L, v, TM_LEN);
  if (!tm->isNil()) {
    callMetaResult(L, *tm, v, v, resultOffset);
    return;
  }
  if (v.isTable()) {
    *restoreStack(L, resultOffset) = Value::integer(Integer(tableLength(G(L), v.asTable())));
    return;
  }
  if (v.isString()) {
    *restoreStack(L, resultOffset) = Value::integer(Integer(v.asString()->length()));
    return;
  }
  typeError(L, v, "get length of", kFirstOperand);
}

void concatMeta(lua_State* L, int total) {
  // Works from the top: joins the longest run of strings/numbers ending at the
  // top in one go, or calls __concat for the top two values.
  while (total > 1) {
    StkId top = L->top;
    Value& a = top[-2];
    Value& b = top[-1];
    bool aStr = a.isString() || a.isNumber();
    bool bStr = b.isString() || b.isNumber();
    if (!aStr || !bStr) {
      const Value* tm = metamethod(L, a, TM_CONCAT);
      if (tm->isNil()) tm = metamethod(L, b, TM_CONCAT);
      if (tm->isNil()) {
        // Named by its slot: the values being joined sit in the CONCAT's slots.
        Value* bad = aStr ? &b : &a;
        typeErrorWithInfo(L, *bad, "concatenate", stackValueInfo(L, bad));
      }
      ptrdiff_t off = saveStack(L, top - 2);
      callMetaResult(L, *tm, a, b, off);
      L->top--;
      total--;
      continue;
    }
    if (b.isString() && b.asString()->length() == 0 && a.isString()) {
      L->top--;  // a .. "" == a
      total--;
      continue;
    }
    // Collect as many string-like values as possible (up to a run's limits:
    // the rest is joined by the next round), numbers as text without making
    // strings of them.
    constexpr int kRunPieces = 64, kRunNumbers = 8;
    struct Piece {
      const char* bytes;
      size_t size;
    } pieces[kRunPieces];  // pieces[n - 1] is top[-n]; left uninitialised (a kilobyte to clear at every concatenation)
    char numberTexts[kRunNumbers][kMaxNumberText];
    int n = 0, numbers = 0;
    size_t length = 0;
    while (n < total && n < kRunPieces) {
      const Value& v = L->top[-(n + 1)];
      Piece piece;
      if (v.isString()) {
        piece = {v.asString()->data(), v.asString()->length()};
      } else if (v.isNumber() && numbers < kRunNumbers) {
        char* text = numberTexts[numbers++];
        piece = {text, numberToText(v, text)};
      } else {
        break;
      }
      if (piece.size >= size_t(INT64_MAX) - length) runError(L, msg::kStringLengthOverflow);
      length += piece.size;
      pieces[n++] = piece;
    }
    // A short result is joined on the C stack, then interned; a long one
    // straight into its new string (whose allocation may collect: the
    // pieces' strings are still on the stack).
    char text[kMaxShortLength];
    String* s = length <= kMaxShortLength ? nullptr : newLongString(L, length);
    char* out = s ? s->data() : text;
    for (int i = n - 1; i >= 0; i--) out = std::copy_n(pieces[i].bytes, pieces[i].size, out);
    if (!s) s = newString(L, text, length);
    L->top -= n;
    *L->top++ = Value::string(s);
    total -= n - 1;
  }
}

}  // namespace tycho

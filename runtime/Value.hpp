// Value: the 16-byte tagged value every tier shares.
//
// A Value is an 8-byte payload and a one-byte tag. The low four bits of the tag
// are the Lua type (the LUA_T* numbers of lua.h), bits 4-5 are the variant
// (integer or float, short or long string, Lua closure, light C function or C
// closure, false or true) and bit 6 marks a payload that points to a collectable
// object. Lua 5.4 needs full 64-bit integers, which is why values are not
// NaN-boxed (DESIGN.md decision 1).
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>

struct lua_State;

namespace tycho {

using Integer = int64_t;
using Unsigned = uint64_t;
using Number = double;
using NativeFunction = int (*)(lua_State*);

struct GCObject;
struct String;
struct Table;
struct LuaClosure;
struct NativeClosure;
struct Userdata;
struct Proto;
struct UpVal;

// Basic types, equal to lua.h's LUA_T* constants.
enum BasicType : uint8_t {
  kTypeNil = 0,
  kTypeBoolean = 1,
  kTypeLightUserdata = 2,
  kTypeNumber = 3,
  kTypeString = 4,
  kTypeTable = 5,
  kTypeFunction = 6,
  kTypeUserdata = 7,
  kTypeThread = 8,
  kNumBasicTypes = 9,
  // Internal object kinds that never appear as a Value.
  kTypeUpval = 9,
  kTypeProto = 10,
};

constexpr uint8_t variant(uint8_t type, uint8_t v) { return uint8_t(type | (v << 4)); }
constexpr uint8_t kCollectableBit = 1 << 6;
constexpr uint8_t collectable(uint8_t tag) { return uint8_t(tag | kCollectableBit); }

// Full tags (type + variant + collectable bit).
enum Tag : uint8_t {
  kTagNil = variant(kTypeNil, 0),
  kTagEmpty = variant(kTypeNil, 1),   // an empty table slot
  kTagAbsentKey = variant(kTypeNil, 2),  // result of a failed table lookup
  kTagFalse = variant(kTypeBoolean, 0),
  kTagTrue = variant(kTypeBoolean, 1),
  kTagLightUserdata = variant(kTypeLightUserdata, 0),
  kTagInteger = variant(kTypeNumber, 0),
  kTagFloat = variant(kTypeNumber, 1),
  kTagShortString = collectable(variant(kTypeString, 0)),
  kTagLongString = collectable(variant(kTypeString, 1)),
  kTagTable = collectable(variant(kTypeTable, 0)),
  kTagLuaClosure = collectable(variant(kTypeFunction, 0)),
  kTagLightFunction = variant(kTypeFunction, 1),
  kTagNativeClosure = collectable(variant(kTypeFunction, 2)),
  kTagUserdata = collectable(variant(kTypeUserdata, 0)),
  kTagThread = collectable(variant(kTypeThread, 0)),
  kTagUpval = collectable(variant(kTypeUpval, 0)),
  kTagProto = collectable(variant(kTypeProto, 0)),
  // A table key whose entry the collector emptied: keeps the old payload so
  // that `next` can still step past it, but refers to nothing.
  kTagDeadKey = variant(kTypeUpval, 1),
};

struct Value {
  union {
    GCObject* gc;
    void* p;
    NativeFunction f;
    Integer i;
    Number n;
  } u;
  // The tag is stored in a full word so that every write of a value is two
  // 8-byte stores and every read two 8-byte loads: the interpreter writes a
  // payload and reads the whole value moments later, and mixing a 16-byte
  // load with narrower stores defeats store-to-load forwarding.
  union {
    uint8_t tag;
    uint64_t tagWord;
    // A table node's key keeps its chain link in the upper half of the tag
    // word (runtime/Table.cpp); no other value uses it.
    struct {
      uint32_t tagLow;
      int32_t nodeNext;
    };
  };

  // The copies are written out, which makes a Value not trivially copyable:
  // with defaulted ones GCC copies a value with one 16-byte SSE load and
  // store, and such a load of a value just written as two 8-byte stores
  // waits for them to reach the cache (measured: fib 16 %, queens 17 %,
  // nbody 35 % slower). For the same reason the C++ ABI passes a Value
  // parameter as the address of a copy that the caller makes and the callee
  // may change: the slow-path helpers that take values (vm/Vm.hpp) are
  // pointer-based for machine code too (vm/JitHooks.hpp). A copy by memcpy
  // is still exact: a Value is plain data.
  Value() = default;
  Value(const Value& o) : tagWord(o.tagWord) { u.i = o.u.i; }
  Value& operator=(const Value& o) {
    u.i = o.u.i;
    tagWord = o.tagWord;
    return *this;
  }

  // --- inspection ---
  uint8_t type() const { return tag & 0x0f; }
  bool isNil() const { return type() == kTypeNil; }
  bool isEmpty() const { return isNil(); }
  bool isFalse() const { return tag == kTagFalse; }
  bool isTrue() const { return tag == kTagTrue; }
  bool isFalsy() const { return tag == kTagFalse || isNil(); }
  bool isTruthy() const { return !isFalsy(); }
  bool isBoolean() const { return type() == kTypeBoolean; }
  bool isNumber() const { return type() == kTypeNumber; }
  bool isInteger() const { return tag == kTagInteger; }
  bool isFloat() const { return tag == kTagFloat; }
  bool isString() const { return type() == kTypeString; }
  bool isShortString() const { return tag == kTagShortString; }
  bool isLongString() const { return tag == kTagLongString; }
  bool isTable() const { return tag == kTagTable; }
  bool isFunction() const { return type() == kTypeFunction; }
  bool isLuaClosure() const { return tag == kTagLuaClosure; }
  bool isNativeClosure() const { return tag == kTagNativeClosure; }
  bool isLightFunction() const { return tag == kTagLightFunction; }
  bool isUserdata() const { return tag == kTagUserdata; }
  bool isLightUserdata() const { return tag == kTagLightUserdata; }
  bool isThread() const { return tag == kTagThread; }
  bool isCollectable() const { return (tag & kCollectableBit) != 0; }

  Integer asInteger() const { return u.i; }
  Number asFloat() const { return u.n; }
  Number asNumber() const { return isInteger() ? Number(u.i) : u.n; }
  GCObject* asObject() const { return u.gc; }
  String* asString() const { return reinterpret_cast<String*>(u.gc); }
  Table* asTable() const { return reinterpret_cast<Table*>(u.gc); }
  LuaClosure* asLuaClosure() const { return reinterpret_cast<LuaClosure*>(u.gc); }
  NativeClosure* asNativeClosure() const { return reinterpret_cast<NativeClosure*>(u.gc); }
  Userdata* asUserdata() const { return reinterpret_cast<Userdata*>(u.gc); }
  lua_State* asThread() const { return reinterpret_cast<lua_State*>(u.gc); }
  NativeFunction asLightFunction() const { return u.f; }
  void* asLightUserdata() const { return u.p; }

  // --- construction ---
  static Value nil() { Value v; v.u.i = 0; v.tagWord = kTagNil; return v; }
  static Value empty() { Value v; v.u.i = 0; v.tagWord = kTagEmpty; return v; }
  static Value absentKey() { Value v; v.u.i = 0; v.tagWord = kTagAbsentKey; return v; }
  static Value boolean(bool b) { Value v; v.u.i = 0; v.tagWord = b ? kTagTrue : kTagFalse; return v; }
  static Value integer(Integer i) { Value v; v.u.i = i; v.tagWord = kTagInteger; return v; }
  static Value number(Number n) { Value v; v.u.n = n; v.tagWord = kTagFloat; return v; }
  static Value lightUserdata(void* p) { Value v; v.u.p = p; v.tagWord = kTagLightUserdata; return v; }
  static Value lightFunction(NativeFunction f) { Value v; v.u.f = f; v.tagWord = kTagLightFunction; return v; }
  static Value object(GCObject* o, uint8_t tag) { Value v; v.u.gc = o; v.tagWord = tag; return v; }
  static Value string(String* s);
  static Value table(Table* t) { return object(reinterpret_cast<GCObject*>(t), kTagTable); }
  static Value luaClosure(LuaClosure* c) { return object(reinterpret_cast<GCObject*>(c), kTagLuaClosure); }
  static Value nativeClosure(NativeClosure* c) { return object(reinterpret_cast<GCObject*>(c), kTagNativeClosure); }
  static Value userdata(Userdata* u) { return object(reinterpret_cast<GCObject*>(u), kTagUserdata); }
  static Value thread(lua_State* L) { return object(reinterpret_cast<GCObject*>(L), kTagThread); }

  void setNil() { u.i = 0; tagWord = kTagNil; }
  void setInteger(Integer i) { u.i = i; tagWord = kTagInteger; }
  void setNumber(Number n) { u.n = n; tagWord = kTagFloat; }
  void setBoolean(bool b) { u.i = 0; tagWord = b ? kTagTrue : kTagFalse; }
};

static_assert(sizeof(Value) == 16, "values are 16 bytes");

// Sets `n` values to nil. A nil is all zero bytes (payload and tag word),
// so this is a memset: the C library fills a large run without reading its
// cache lines first, where a loop of stores reads each one (a fresh array
// part of a growing table, filled with nil, is mostly memory not in cache).
static_assert(kTagNil == 0, "a nil value is all zero bytes");
inline void fillNil(Value* v, size_t n) { std::memset(static_cast<void*>(v), 0, n * sizeof(Value)); }
static_assert(!std::is_trivially_copy_constructible_v<Value>, "helpers receive Value parameters by address (see the copy constructor)");

using StackValue = Value;
using StkId = Value*;

// Raw equality (no metamethods): same type and same value; integers and floats
// compare mathematically (§3.4.4).
bool rawEquals(const Value& a, const Value& b);

}  // namespace tycho

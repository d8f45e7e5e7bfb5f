// Table: array part + chained scatter hash part (see Table.hpp).
#include "runtime/Table.hpp"
#include "runtime/Messages.hpp"

#include <cmath>
#include <cstring>

#include "gc/Heap.hpp"
#include "runtime/Error.hpp"
#include "runtime/Number.hpp"
#include "runtime/State.hpp"
#include "runtime/String.hpp"

namespace tycho {

const Value kAbsentValue = Value::absentKey();

namespace {

constexpr int kMaxArrayBits = 31;
constexpr int kMaxNodeBits = 30;

inline uint32_t mixBits(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return uint32_t(x);
}

// Integer keys are placed as Lua 5.4 places them: the key modulo the odd
// number capacity - 1 (1 for parts of one or two nodes). Keys in arithmetic
// progression (ids counting up from some offset, every k-th integer for a k
// with no factor in common with capacity - 1, powers of two included) land
// on distinct nodes, consecutive keys on neighbouring ones; a mixing hash
// would scatter them, with collisions at random and no locality. The key is
// folded to 32 bits (its halves added: a progression stays one), and the
// modulo is a multiplication by a constant of the capacity (Lemire, Kaser
// and Kurz, "Faster remainder by direct computation", 2019): x mod d = high
// 64 bits of ((M * x) mod 2^64) * d, M = ceil(2^64 / d).
constexpr uint32_t intDivisor(int log) { return log <= 1 ? 1u : (1u << log) - 1; }

struct IntHashMagic {
  uint64_t m[kMaxNodeBits + 1];
  constexpr IntHashMagic() : m() {
    for (int log = 0; log <= kMaxNodeBits; log++) m[log] = UINT64_MAX / intDivisor(log) + 1;
  }
};
constexpr IntHashMagic kIntHashMagic;

inline uint32_t intPosition(Unsigned key, uint8_t log) {
  uint32_t x = uint32_t(key) + uint32_t(key >> 32);
  uint64_t low = kIntHashMagic.m[log] * x;
  return uint32_t((static_cast<unsigned __int128>(low) * intDivisor(log)) >> 64);
}

uint32_t hashKey(GlobalState* g, const Value& k) {
  switch (k.tag) {
    case kTagShortString: return k.asString()->hash;
    case kTagLongString: return hashLongString(g, k.asString());
    case kTagFloat: {
      uint64_t bits;
      std::memcpy(&bits, &k.u.n, sizeof bits);
      return mixBits(bits);
    }
    case kTagFalse: return 1;
    case kTagTrue: return 2;
    default: return mixBits(uint64_t(reinterpret_cast<uintptr_t>(k.u.p)));
  }
}

// Keys in the hash part are normalised (no integral floats), so equality is
// tag + payload, except for long strings which compare by content.
inline bool keyEquals(const Value& a, const Value& b) {
  if (a.tag != b.tag) return false;
  if (a.tag == kTagLongString) return stringEquals(a.asString(), b.asString());
  return a.u.i == b.u.i;
}

inline uint32_t mainPosition(GlobalState* g, const Table* t, const Value& key) {
  if (key.tag == kTagInteger) return intPosition(Unsigned(key.u.i), t->logNodeCapacity);
  return hashKey(g, key) & (t->nodeCapacity() - 1);
}

// A node's key as a plain value (without the chain link in its tag word).
inline Value nodeKey(const Node& n) {
  Value k;
  k.u = n.key.u;
  k.tagWord = n.key.tag;
  return k;
}

// Stores a key into a node, keeping the node's chain link.
inline void setNodeKey(Node& n, const Value& key) {
  n.key.u = key.u;
  n.key.tag = key.tag;
}

// Follows the chain from main position `mp` to the node whose key
// `matches`; -1 at the end of the chain. The hash part exists.
template <typename Match>
int probeFrom(const Table* t, int mp, Match matches) {
  for (int i = mp;;) {
    const Node& n = t->nodes[i];
    if (matches(n.key)) return i;
    if (n.key.nodeNext == 0) return -1;
    i += n.key.nodeNext;
  }
}

// probeFrom `key`'s main position; -1 also without a hash part.
template <typename Match>
int probe(GlobalState* g, const Table* t, const Value& key, Match matches) {
  if (!t->nodes) return -1;
  return probeFrom(t, int(mainPosition(g, t, key)), matches);
}

// Index of the node holding `key`, or -1.
int findNode(GlobalState* g, const Table* t, const Value& key) {
  return probe(g, t, key, [&](const Value& k) { return keyEquals(k, key); });
}

// The node of a key whose entry the collector emptied while a traversal was
// at it (a weak table): found by identity, so that `next` can go on.
int findDeadKey(GlobalState* g, const Table* t, const Value& key) {
  return probe(g, t, key, [&](const Value& k) { return k.tag == kTagDeadKey && k.u.gc == key.u.gc; });
}

// A node no key ever used, searched downwards from the last one found; -1
// when there is none left.
int freeNode(Table* t) {
  while (t->lastFree > 0) {
    t->lastFree--;
    if (t->nodes[t->lastFree].key.tag == kTagNil) return int(t->lastFree);
  }
  return -1;
}

// Inserts a key known to be absent; nullptr when the hash part has no room
// (the caller rehashes). Every key is reachable by its chain from its main
// position. When that position holds a live entry: if the entry's own key
// is out of its main position, it moves to a free node and the new key takes
// the place; otherwise the new key goes to a free node chained after it
// (Brent's variation of chained scatter tables, as Lua does). A removed entry
// (nil value) at the main position is simply overwritten, its link kept.
// `mp` is the key's main position.
Value* insertNode(GlobalState* g, Table* t, const Value& key, int mp) {
  Node* nodes = t->nodes;
  if (!nodes[mp].value.isNil()) {
    int f = freeNode(t);
    if (f < 0) return nullptr;
    int other = int(mainPosition(g, t, nodes[mp].key));
    int32_t after = nodes[mp].key.nodeNext == 0 ? 0 : mp + nodes[mp].key.nodeNext - f;
    if (other != mp) {
      while (other + nodes[other].key.nodeNext != mp) other += nodes[other].key.nodeNext;
      nodes[other].key.nodeNext = f - other;
      setNodeKey(nodes[f], nodeKey(nodes[mp]));
      nodes[f].value = nodes[mp].value;
      nodes[f].key.nodeNext = after;
      nodes[mp].key.nodeNext = 0;
      // A traversal in chunks may have passed f but not mp: the moved entry
      // is marked as a newly stored one would be.
      gc::barrierBack(g, t, nodes[f].key);
      gc::barrierBack(g, t, nodes[f].value);
    } else {
      nodes[f].key.nodeNext = after;
      nodes[mp].key.nodeNext = f - mp;
      mp = f;
    }
  }
  setNodeKey(nodes[mp], key);
  nodes[mp].value.setNil();
  return &nodes[mp].value;
}

Value* insertNode(GlobalState* g, Table* t, const Value& key) {
  if (!t->nodes) return nullptr;
  return insertNode(g, t, key, int(mainPosition(g, t, key)));
}

// The slot of `key` (its node found by `matches` on the chain from main
// position `mp`), inserted from the same main position when absent; null
// when the hash part has no room or none (the caller rehashes).
template <typename Match>
Value* slotFrom(GlobalState* g, Table* t, const Value& key, int mp, Match matches) {
  if (!t->nodes) return nullptr;
  int i = probeFrom(t, mp, matches);
  return i >= 0 ? &t->nodes[i].value : insertNode(g, t, key, mp);
}

// Integer keys that fit the array part of size 2^i go in bucket i.
int ceilLog2(Unsigned x) {
  int l = 0;
  x--;
  while (x >= 256) { l += 8; x >>= 8; }
  static const uint8_t kLog2[256] = {
    0,1,2,2,3,3,3,3,4,4,4,4,4,4,4,4,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,
    6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,
    7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,
    7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8};
  return l + kLog2[x];
}

void countIntKey(const Value& k, uint32_t* nums, uint32_t* total) {
  if (k.isInteger() && k.u.i > 0 && Unsigned(k.u.i) <= (Unsigned(1) << kMaxArrayBits)) {
    nums[ceilLog2(Unsigned(k.u.i))]++;
    (*total)++;
  }
}

// Lua's rule: the largest n = 2^i such that more than n/2 of 1..n are in use.
uint32_t computeArraySize(const uint32_t* nums, uint32_t totalIntKeys, uint32_t* inArray) {
  uint32_t a = 0, na = 0, optimal = 0;
  uint64_t twoToI = 1;
  for (int i = 0; i <= kMaxArrayBits && twoToI / 2 < totalIntKeys; i++, twoToI *= 2) {
    a += nums[i];
    if (a > twoToI / 2) {
      optimal = uint32_t(twoToI);
      na = a;
    }
  }
  *inArray = na;
  return optimal;
}

// The hash part for `count` keys: the smallest power of two that holds them.
uint32_t capacityFor(uint32_t count, uint8_t* logOut) {
  uint8_t lg = 0;
  while (lg < kMaxNodeBits && (1u << lg) < count) lg++;
  *logOut = lg;
  return count == 0 ? 0 : 1u << lg;
}

// A hash part of `cap` empty nodes: no key, no chain link, no value, all
// zero bytes.
Node* newNodePart(lua_State* L, uint32_t cap) {
  static_assert(sizeof(Node) == 2 * sizeof(Value), "a node is two values");
  auto* nodes = static_cast<Node*>(gc::allocRaw(L, sizeof(Node) * cap));
  fillNil(&nodes[0].value, 2 * size_t(cap));
  return nodes;
}

// The parts of a new table, at the sizes of its constructor's hints (or
// lua_createtable's): nothing to move, so not resize's work. The table stays
// consistent if an allocation fails (the collector frees what it has).
void presize(lua_State* L, Table* t, uint32_t arraySize, uint32_t hashCount) {
  uint8_t log;
  uint32_t cap = capacityFor(hashCount, &log);
  if (hashCount > cap) runError(L, msg::kTableOverflow);
  if (arraySize > 0) {
    auto* array = static_cast<Value*>(gc::allocRaw(L, sizeof(Value) * arraySize));
    fillNil(array, arraySize);
    t->array = array;
    t->arraySize = arraySize;
  }
  if (cap > 0) {
    t->nodes = newNodePart(L, cap);
    t->logNodeCapacity = log;
    t->lastFree = cap;
  }
}

void resize(lua_State* L, Table* t, uint32_t newArraySize, uint32_t hashCount) {
  GlobalState* g = G(L);
  gc::growthStep(L);
  uint8_t newLog;
  uint32_t newCap = capacityFor(hashCount, &newLog);
  if (hashCount > newCap) runError(L, msg::kTableOverflow);
  // Allocate everything first so that a memory error leaves the table intact.
  // A growing array is reallocated in place when it can be (a large one is
  // remapped, not copied: see gc/Memory.cpp), after the node array, whose
  // failure must find the old array untouched.
  Value* oldArray = t->array;
  uint32_t oldArraySize = t->arraySize;
  bool growArray = oldArray != nullptr && newArraySize > oldArraySize;
  Value* newArray = nullptr;
  if (newArraySize > 0 && !growArray) newArray = static_cast<Value*>(gc::allocRaw(L, sizeof(Value) * newArraySize));
  Node* newNodes = nullptr;
  if (newCap > 0) {
    try {
      newNodes = newNodePart(L, newCap);
    } catch (...) {
      if (newArray) gc::freeRaw(g, newArray, sizeof(Value) * newArraySize);
      throw;
    }
  }
  if (growArray) {
    try {
      newArray = static_cast<Value*>(gc::reallocRaw(L, oldArray, sizeof(Value) * oldArraySize, sizeof(Value) * newArraySize));
    } catch (...) {
      if (newNodes) gc::freeRaw(g, newNodes, sizeof(Node) * newCap);
      throw;
    }
    oldArray = newArray;  // now the same block: its first oldArraySize values stay
  }
  Node* oldNodes = t->nodes;
  uint32_t oldCap = t->nodeCapacity();
  uint32_t keep = oldArraySize < newArraySize ? oldArraySize : newArraySize;
  if (!growArray) {
    for (uint32_t i = 0; i < keep; i++) newArray[i] = oldArray[i];
  }
  if (newArraySize > keep) fillNil(newArray + keep, newArraySize - keep);
  t->array = newArray;
  t->arraySize = newArraySize;
  if (t->lengthHint > newArraySize) t->lengthHint = newArraySize;
  t->nodes = newNodes;
  t->logNodeCapacity = newLog;
  t->lastFree = newCap;
  gc::tableRebuilt(g, t, keep, newArraySize + newCap);
  // The new hash part holds every key reinserted (its capacity was sized for
  // them), so insertNode finds room. An entry moved is stored again, as the
  // collector sees it (see tableRebuilt).
  auto reinsert = [&](const Value& key, const Value& value) {
    if (key.isInteger() && inArrayPart(t, key.u.i)) {
      t->array[key.u.i - 1] = value;
    } else {
      *insertNode(g, t, key) = value;
      gc::barrierBack(g, t, key);
    }
    gc::barrierBack(g, t, value);
  };
  for (uint32_t i = keep; i < oldArraySize; i++) {
    if (!oldArray[i].isNil()) reinsert(Value::integer(Integer(i) + 1), oldArray[i]);
  }
  for (uint32_t i = 0; i < oldCap; i++) {
    const Node& n = oldNodes[i];
    if (n.key.tag != kTagNil && !n.value.isNil()) reinsert(nodeKey(n), n.value);
  }
  if (oldArray && !growArray) gc::freeRaw(g, oldArray, sizeof(Value) * oldArraySize);
  if (oldNodes) gc::freeRaw(g, oldNodes, sizeof(Node) * oldCap);
}

// Makes room for `extraKey`, which is about to be inserted.
void rehash(lua_State* L, Table* t, const Value& extraKey) {
  uint32_t nums[kMaxArrayBits + 1] = {};
  uint32_t intKeys = 0, totalKeys = 0;
  // The array part by slices: keys 2^(b-1)+1 .. 2^b go to bucket b.
  for (uint32_t b = 0, from = 0; from < t->arraySize; b++) {
    uint32_t to = uint32_t(Unsigned(1) << b);  // keys from+1 .. to
    if (to > t->arraySize) to = t->arraySize;
    uint32_t used = 0;
    for (uint32_t i = from; i < to; i++) used += !t->array[i].isNil();
    nums[b] += used;
    intKeys += used;
    from = to;
  }
  totalKeys += intKeys;
  for (uint32_t i = 0, n = t->nodeCapacity(); i < n; i++) {
    const Node& node = t->nodes[i];
    if (node.key.tag != kTagNil && !node.value.isNil()) {
      countIntKey(node.key, nums, &intKeys);
      totalKeys++;
    }
  }
  countIntKey(extraKey, nums, &intKeys);
  totalKeys++;
  uint32_t inArray;
  uint32_t arraySize = computeArraySize(nums, intKeys, &inArray);
  uint32_t hashCount = totalKeys - inArray;
  // A rehash that does not grow the hash part comes from keys removed and
  // others added (a queue, a cache). Sized for its live keys only, the part
  // would be full again after a few more insertions, and rehashed over and
  // over; twice that room makes the next rehash wait for about as many
  // insertions as there are live keys.
  if (hashCount > 0 && hashCount <= t->nodeCapacity()) {
    hashCount = hashCount <= (1u << (kMaxNodeBits - 1)) ? 2 * hashCount : 1u << kMaxNodeBits;
  }
  resize(L, t, arraySize, hashCount);
}

// Normalises a key for lookup; returns false for keys that can never be present (nil, NaN).
inline bool normaliseKey(const Value& key, Value* out) {
  if (key.isFloat()) {
    Integer i;
    if (floatToInteger(key.u.n, &i)) {
      *out = Value::integer(i);
      return true;
    }
    if (std::isnan(key.u.n)) return false;
  } else if (key.isNil()) {
    return false;
  }
  *out = key;
  return true;
}

}  // namespace

Table* newTable(lua_State* L, int arrayHint, int hashHint) {
  auto* t = static_cast<Table*>(gc::newObject(L, kTagTable, sizeof(Table)));
  t->flags = 0xff;
  t->logNodeCapacity = 0;
  t->arraySize = 0;
  t->lastFree = 0;
  t->lengthHint = 0;
  t->array = nullptr;
  t->nodes = nullptr;
  t->metatable = nullptr;
  if (arrayHint > 0 || hashHint > 0) presize(L, t, uint32_t(arrayHint > 0 ? arrayHint : 0), uint32_t(hashHint > 0 ? hashHint : 0));
  return t;
}

void freeTable(GlobalState* g, Table* t) {
  if (t->array) gc::freeRaw(g, t->array, sizeof(Value) * t->arraySize);
  if (t->nodes) gc::freeRaw(g, t->nodes, sizeof(Node) * t->nodeCapacity());
  gc::freeRaw(g, t, sizeof(Table));
}

const Value* tableGetInt(Table* t, Integer key) {
  if (inArrayPart(t, key)) return &t->array[key - 1];
  if (!t->nodes) return &kAbsentValue;
  const Node* n = &t->nodes[intPosition(Unsigned(key), t->logNodeCapacity)];
  for (;;) {
    if (n->key.tag == kTagInteger && n->key.u.i == key) return &n->value;
    if (n->key.nodeNext == 0) return &kAbsentValue;
    n += n->key.nodeNext;
  }
}

const Value* tableGetString(GlobalState* g, Table* t, String* key) {
  if (key->isShort()) return tableGetShortString(t, key);
  int i = findNode(g, t, Value::string(key));
  return i < 0 ? &kAbsentValue : &t->nodes[i].value;
}

const Value* tableGet(GlobalState* g, Table* t, const Value& key) {
  switch (key.tag) {
    case kTagShortString: return tableGetShortString(t, key.asString());
    case kTagInteger: return tableGetInt(t, key.u.i);
    case kTagNil: return &kAbsentValue;
    case kTagFloat: {
      Integer i;
      if (floatToInteger(key.u.n, &i)) return tableGetInt(t, i);
      [[fallthrough]];
    }
    default: {
      int i = findNode(g, t, key);
      return i < 0 ? &kAbsentValue : &t->nodes[i].value;
    }
  }
}

Value* tableSlotForSet(lua_State* L, Table* t, const Value& rawKey) {
  GlobalState* g = G(L);
  Value key;
  if (!normaliseKey(rawKey, &key)) {
    if (rawKey.isNil()) runError(L, msg::kIndexIsNil);
    runError(L, msg::kIndexIsNaN);
  }
  if (key.isInteger() && inArrayPart(t, key.u.i)) return &t->array[key.u.i - 1];
  if (key.isString()) t->flags = 0;
  int mp = t->nodes ? int(mainPosition(g, t, key)) : 0;
  if (Value* slot = slotFrom(g, t, key, mp, [&](const Value& k) { return keyEquals(k, key); })) return slot;
  rehash(L, t, key);
  if (key.isInteger() && inArrayPart(t, key.u.i)) return &t->array[key.u.i - 1];
  return insertNode(g, t, key);  // the new hash part has room for it
}

void tableSet(lua_State* L, Table* t, const Value& key, const Value& value) {
  if (value.isNil()) {
    // Removing never needs a new slot.
    Value k;
    if (!normaliseKey(key, &k)) {
      if (key.isNil()) runError(L, msg::kIndexIsNil);
      runError(L, msg::kIndexIsNaN);
    }
    Value* slot = const_cast<Value*>(tableGet(G(L), t, k));
    if (slot != &kAbsentValue) slot->setNil();
    return;
  }
  *tableSlotForSet(L, t, key) = value;
  gc::barrierBack(G(L), t, value);
  gc::barrierBack(G(L), t, key);  // the key may be new to the table
}

void tableSetShortString(lua_State* L, Table* t, String* key, const Value& value) {
  Value k = Value::string(key);
  if (value.isNil()) {
    tableSet(L, t, k, value);  // a removal: no slot to make
    return;
  }
  GlobalState* g = G(L);
  t->flags = 0;
  int mp = int(key->hash & (t->nodeCapacity() - 1));
  Value* slot = slotFrom(g, t, k, mp, [&](const Value& n) { return n.u.gc == key && n.tag == kTagShortString; });
  if (!slot) {
    rehash(L, t, k);
    slot = insertNode(g, t, k);
  }
  *slot = value;
  gc::barrierBack(g, t, value);
  gc::barrierBack(g, t, k);  // the key may be new to the table
}

void tableSetInt(lua_State* L, Table* t, Integer key, const Value& value) {
  if (inArrayPart(t, key)) {
    t->array[key - 1] = value;
    gc::barrierBack(G(L), t, value);
    return;
  }
  tableSet(L, t, Value::integer(key), value);
}

void tableResizeArray(lua_State* L, Table* t, uint32_t n) {
  if (n <= t->arraySize) return;
  uint32_t hashCount = 0;
  for (uint32_t i = 0, c = t->nodeCapacity(); i < c; i++) {
    if (t->nodes[i].key.tag != kTagNil && !t->nodes[i].value.isNil()) hashCount++;
  }
  resize(L, t, n, hashCount);
}

Unsigned tableLength(GlobalState* g, Table* t) {
  uint32_t n = t->arraySize;
  if (n > 0 && t->array[n - 1].isNil()) {
    // The border is in the array part. j is a border when slot j (1-based)
    // is in use, or j = 0, and slot j + 1 is empty. Most calls find the
    // border where the last one was, or one step from it.
    const Value* a = t->array;
    uint32_t h = t->lengthHint;  // h < n: slot n is empty
    if (h < n && (h == 0 || !a[h - 1].isNil())) {
      if (a[h].isNil()) return h;
      if (h + 1 < n && a[h + 1].isNil()) return t->lengthHint = h + 1;
    } else if (h > 0 && h <= n && (h == 1 || !a[h - 2].isNil())) {
      return t->lengthHint = h - 1;  // slot h is empty, slot h - 1 is not
    }
    uint32_t lo = 0, hi = n;  // array[lo-1] non-nil (or lo == 0), array[hi-1] nil
    while (hi - lo > 1) {
      uint32_t m = lo + (hi - lo) / 2;
      if (a[m - 1].isNil()) hi = m; else lo = m;
    }
    return t->lengthHint = lo;
  }
  if (!t->nodes) return n;
  // The border is past the array part: unbounded search in the hash part.
  Unsigned i = n, j = Unsigned(n) + 1;
  if (tableGetInt(t, Integer(j))->isNil()) return n;
  while (!tableGetInt(t, Integer(j))->isNil()) {
    i = j;
    if (j > Unsigned(INT64_MAX) / 2) {
      // Pathological table: linear search from the start.
      Unsigned k = 1;
      while (!tableGetInt(t, Integer(k))->isNil()) k++;
      return k - 1;
    }
    j *= 2;
  }
  while (j - i > 1) {
    Unsigned m = i + (j - i) / 2;
    if (tableGetInt(t, Integer(m))->isNil()) j = m; else i = m;
  }
  return i;
}

int tableNextStep(GlobalState* g, Table* t, Value* key, Value* value) {
  uint32_t index;  // position to start scanning from: array slots, then nodes
  if (key->isNil()) {
    index = 0;
  } else {
    Value k;
    if (!normaliseKey(*key, &k)) return -1;
    if (k.isInteger() && inArrayPart(t, k.u.i)) {
      index = uint32_t(k.u.i);
    } else {
      // A traversal's key is mostly the one its last step returned: the node
      // that step found is tried before the key's chain (whose main position
      // and, for a string, whose hash are apart from the node, each a cache
      // miss in a large table).
      uint32_t hint = g->nextHintNode;
      bool atHint = g->nextHintTable == t && hint < t->nodeCapacity() && keyEquals(t->nodes[hint].key, k);
      int n = atHint ? int(hint) : findNode(g, t, k);
      if (n < 0 && k.isCollectable()) n = findDeadKey(g, t, k);
      if (n < 0) return -1;
      index = t->arraySize + uint32_t(n) + 1;
    }
  }
  for (; index < t->arraySize; index++) {
    if (!t->array[index].isNil()) {
      *key = Value::integer(Integer(index) + 1);
      *value = t->array[index];
      return 1;
    }
  }
  for (uint32_t i = index - t->arraySize, c = t->nodeCapacity(); i < c; i++) {
    const Node& n = t->nodes[i];
    if (n.key.tag != kTagNil && !n.value.isNil()) {
      *key = nodeKey(n);
      *value = n.value;
      g->nextHintTable = t;
      g->nextHintNode = i;
      return 1;
    }
  }
  return 0;
}

bool tableNext(lua_State* L, Table* t, Value* key, Value* value) {
  int found = tableNextStep(G(L), t, key, value);
  if (found < 0) runError(L, msg::kInvalidNextKey);
  return found != 0;
}

}  // namespace tycho

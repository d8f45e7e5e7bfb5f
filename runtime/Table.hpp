// Table: Lua's associative array, with an array part and a hash part.
//
// The array part holds keys 1..arraySize; every other key lives in the hash
// part, a chained scatter table of key/value nodes (power-of-two capacity,
// filled up to every node): a key's node is reached by following links from
// its main position, the node its hash names, and the link of each node is
// kept in the upper half of its key's tag word. A key whose value is set to
// nil keeps its node (a "dead" entry) until the next rehash, or until a new
// key whose main position that node is takes it over, so `next` can continue
// a traversal past it and re-setting the key reuses the node. Float keys with
// integer values are normalised to integers; nil and NaN are not valid keys.
//
// When a new key finds no free node, the table is rehashed: the array part
// gets the largest power-of-two size n such that more than n/2 of the slots
// 1..n would be in use (Lua's rule), and the hash part the smallest power of
// two that holds the rest, or twice that when it would not grow (keys come
// and go: a queue, a cache), so that it is not full again at once.
//
// `flags` caches the absence of the first tag methods (TM_INDEX .. TM_EQ) when
// this table is a metatable: bit set = known absent. Any store of a string key
// into the hash part clears the cache.
#pragma once

#include "runtime/Object.hpp"

struct lua_State;

namespace tycho {

struct GlobalState;

struct Node {
  Value value;
  Value key;  // nil tag = never used; key.nodeNext: offset of the next node of the chain, 0 at its end
};

struct Table : GCObject {
  uint8_t flags;
  uint8_t logNodeCapacity;  // capacity = 1 << logNodeCapacity when nodes != null
  uint32_t arraySize;
  uint32_t lastFree;        // nodes at and above this index have been used (free node search)
  uint32_t lengthHint;      // the border #t found last (at most arraySize): see tableLength
  Value* array;
  Node* nodes;
  Table* metatable;

  uint32_t nodeCapacity() const { return nodes ? (1u << logNodeCapacity) : 0; }
};

Table* newTable(lua_State* L, int arrayHint = 0, int hashHint = 0);
void freeTable(GlobalState* g, Table* t);

// Raw reads. The returned pointer is to the value slot, or to a static absent
// value (tag kTagAbsentKey) when the key is not present; never null.
const Value* tableGet(GlobalState* g, Table* t, const Value& key);
const Value* tableGetInt(Table* t, Integer key);
inline const Value* tableGetShortString(Table* t, String* key);
const Value* tableGetString(GlobalState* g, Table* t, String* key);

// Raw writes. tableSet raises errors for nil and NaN keys ("table index is nil",
// "table index is NaN"). Setting nil never allocates.
void tableSet(lua_State* L, Table* t, const Value& key, const Value& value);
void tableSetInt(lua_State* L, Table* t, Integer key, const Value& value);
// tableSet for a short-string key (a field: t.name = v, { name = v }),
// without the key's normalisation and with its chain found by its hash.
void tableSetShortString(lua_State* L, Table* t, String* key, const Value& value);
// Slot for key, creating it (with nil value) when absent; key must be valid.
// Whoever stores into the slot calls gc::barrierBack (tableSet does).
Value* tableSlotForSet(lua_State* L, Table* t, const Value& key);

// The border of §3.4.7 (the length without __len). Within the array part
// it starts from the border found last (lengthHint): `t[#t + 1] = v` and
// `table.insert(t, v)` find the new border one step from the old one, so
// appending stays O(1) amortised, as in Lua 5.4.
Unsigned tableLength(GlobalState* g, Table* t);

// Traversal: given the current key in *key (nil to start), writes the next
// key/value pair and returns true, or returns false at the end. Raises
// "invalid key to 'next'" for a key that is not in the table.
bool tableNext(lua_State* L, Table* t, Value* key, Value* value);
// tableNext that does not raise: 1 (a pair written), 0 (the end), or -1
// for a key that is not in the table.
int tableNextStep(GlobalState* g, Table* t, Value* key, Value* value);

// Ensures room for keys 1..n in the array part (table constructors).
void tableResizeArray(lua_State* L, Table* t, uint32_t n);

extern const Value kAbsentValue;

// Inline: whether integer key `key` has a slot in the array part,
// t->array[key - 1] (the interpreter's fast path for t[i] and t[i] = v).
inline bool inArrayPart(const Table* t, Integer key) { return Unsigned(key) - 1 < t->arraySize; }

// Inline: field reads (the interpreter's GETFIELD, the C API's lua_getfield)
// are mostly this one loop.
inline const Value* tableGetShortString(Table* t, String* key) {
  if (!t->nodes) return &kAbsentValue;
  const Node* n = &t->nodes[key->hash & (t->nodeCapacity() - 1)];
  for (;;) {
    if (n->key.tag == kTagShortString && n->key.u.gc == key) return &n->value;
    if (n->key.nodeNext == 0) return &kAbsentValue;
    n += n->key.nodeNext;
  }
}

}  // namespace tycho

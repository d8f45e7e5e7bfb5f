// Tables, strings and values: the runtime objects under the interpreter.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "gc/Heap.hpp"
#include "runtime/Number.hpp"
#include "runtime/State.hpp"
#include "runtime/String.hpp"
#include "runtime/Table.hpp"

using namespace tycho;

namespace {

// A state whose stack roots the objects a test makes.
struct StateFixture {
  lua_State* L = newState();
  ~StateFixture() { closeState(L); }
  Table* table() {
    Table* t = newTable(L);
    *L->top++ = Value::table(t);
    return t;
  }
  String* str(const char* s) {
    String* x = newString(L, s);
    *L->top++ = Value::string(x);
    return x;
  }
  // The string prefix .. i, pushed like str's (built by appending: GCC 12
  // warns, wrongly, on "k" + std::string&&).
  String* numbered(const char* prefix, int i) {
    std::string n(prefix);
    n += std::to_string(i);
    return str(n.c_str());
  }
};

}  // namespace

TEST_CASE_FIXTURE(StateFixture, "short strings are interned, long strings are not") {
  String* a = str("hello");
  String* b = str("hello");
  CHECK(a == b);
  std::string longText(100, 'x');
  String* c = newString(L, longText);
  *L->top++ = Value::string(c);
  String* d = newString(L, longText);
  *L->top++ = Value::string(d);
  CHECK(c != d);
  CHECK(stringEquals(c, d));
  CHECK(rawEquals(Value::string(c), Value::string(d)));
  CHECK(stringCompare(str("a"), str("b")) < 0);
  CHECK(stringCompare(str("ab"), str("a")) > 0);
}

TEST_CASE_FIXTURE(StateFixture, "strings keep embedded zeros") {
  String* s = newString(L, std::string_view("a\0b", 3));
  *L->top++ = Value::string(s);
  CHECK(s->length() == 3);
  CHECK(s->data()[1] == '\0');
  CHECK(s != str("a"));
}

TEST_CASE_FIXTURE(StateFixture, "integer keys fill the array part") {
  Table* t = table();
  for (int i = 1; i <= 100; i++) tableSetInt(L, t, i, Value::integer(i * 10));
  CHECK(t->arraySize >= 100);
  CHECK(tableGetInt(t, 50)->asInteger() == 500);
  CHECK(tableLength(G(L), t) == 100);
  CHECK(tableGetInt(t, 101)->isNil());
}

TEST_CASE_FIXTURE(StateFixture, "float keys with integer values are normalised") {
  Table* t = table();
  tableSet(L, t, Value::number(2.0), Value::integer(7));
  CHECK(tableGetInt(t, 2)->asInteger() == 7);
  CHECK(tableGet(G(L), t, Value::number(2.0))->asInteger() == 7);
  tableSet(L, t, Value::number(2.5), Value::integer(8));
  CHECK(tableGet(G(L), t, Value::number(2.5))->asInteger() == 8);
  CHECK(tableGet(G(L), t, Value::number(NAN))->isNil());
}

TEST_CASE_FIXTURE(StateFixture, "string keys, removal and traversal") {
  Table* t = table();
  const char* names[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
  for (int i = 0; i < 8; i++) tableSet(L, t, Value::string(str(names[i])), Value::integer(i));
  CHECK(tableGetShortString(t, str("e"))->asInteger() == 4);
  tableSet(L, t, Value::string(str("e")), Value::nil());
  CHECK(tableGetShortString(t, str("e"))->isNil());
  int count = 0;
  Value key = Value::nil(), value;
  while (tableNext(L, t, &key, &value)) {
    CHECK(!value.isNil());
    count++;
  }
  CHECK(count == 7);
}

TEST_CASE_FIXTURE(StateFixture, "the hash part fills every node before it grows") {
  Table* t = table();
  const char* names[] = {"k0", "k1", "k2", "k3", "k4"};
  uint32_t capacityAfter[] = {1, 2, 4, 4, 8};
  for (int i = 0; i < 5; i++) {
    tableSet(L, t, Value::string(str(names[i])), Value::integer(i));
    CHECK(t->nodeCapacity() == capacityAfter[i]);
  }
  for (int i = 0; i < 5; i++) CHECK(tableGetShortString(t, str(names[i]))->asInteger() == i);
  // A removed key's node is reused when the key comes back: no growth.
  tableSet(L, t, Value::string(str("k2")), Value::nil());
  tableSet(L, t, Value::string(str("k2")), Value::integer(22));
  CHECK(t->nodeCapacity() == 8);
  CHECK(tableGetShortString(t, str("k2"))->asInteger() == 22);
}

TEST_CASE_FIXTURE(StateFixture, "a hash part whose keys come and go gets room to spare") {
  // A queue of 1000 live keys: rehashed to fit only them (1024 nodes), the
  // part would be full again after some twenty insertions.
  Table* t = table();
  // Sets t["q" .. i], the key on the stack meanwhile (as the VM's are).
  auto set = [&](int i, const Value& v) {
    tableSet(L, t, Value::string(numbered("q", i)), v);
    L->top--;
  };
  auto get = [&](int i) {
    const Value* v = tableGetShortString(t, numbered("q", i));
    L->top--;
    return *v;
  };
  for (int i = 1; i <= 1000; i++) set(i, Value::integer(i));
  CHECK(t->nodeCapacity() == 1024);
  for (int i = 1001; i <= 5000; i++) {
    set(i, Value::integer(i));
    set(i - 1000, Value::nil());
  }
  CHECK(t->nodeCapacity() == 2048);
  for (int i = 4001; i <= 5000; i++) CHECK(get(i).asInteger() == i);
  CHECK(get(4000).isNil());
}

// Integer keys in arithmetic progression outside the array part (ids from an
// offset, every k-th integer for a k prime to the capacity less one, negative
// ones) each find their own node: no chains, so lookups and insertions touch
// one node. Consecutive keys sit on neighbouring nodes.
TEST_CASE_FIXTURE(StateFixture, "integer keys in arithmetic progression do not collide") {
  struct Progression {
    Integer first, step;
  };
  for (Progression p : {Progression{1000001, 1}, Progression{7919, 7919}, Progression{-1, -1}, Progression{-100, -11}, Progression{1 << 20, 1 << 10},
                        Progression{(Integer(1) << 40) + 5, 11}}) {
    CAPTURE(p.first);
    CAPTURE(p.step);
    Table* t = table();
    const int n = 3000;  // 4096 nodes
    for (int i = 0; i < n; i++) tableSet(L, t, Value::integer(p.first + i * p.step), Value::integer(i));
    REQUIRE(t->nodeCapacity() == 4096);
    int chained = 0;
    for (uint32_t i = 0; i < t->nodeCapacity(); i++) chained += t->nodes[i].key.nodeNext != 0;
    CHECK(chained == 0);
    for (int i = 0; i < n; i++) CHECK(tableGetInt(t, p.first + i * p.step)->asInteger() == i);
    L->top--;
  }
  Table* t = table();
  for (Integer k = 5001; k <= 5003; k++) tableSet(L, t, Value::integer(k), Value::integer(k));
  const Node* a = reinterpret_cast<const Node*>(tableGetInt(t, 5001));
  CHECK(reinterpret_cast<const Node*>(tableGetInt(t, 5002)) == a + 1);
  CHECK(reinterpret_cast<const Node*>(tableGetInt(t, 5003)) == a + 2);
}

// Keys of every kind, inserted, removed and re-inserted in a pseudo-random
// order against a model: every key stays reachable by its chain (moved
// nodes, reused dead entries, rehashes that shrink and grow), and
// traversal sees each live entry once.
TEST_CASE_FIXTURE(StateFixture, "hash part operations agree with a model") {
  ensureStack(L, 64);
  Table* t = table();
  Table* objects[8];
  for (Table*& o : objects) o = table();
  std::vector<Value> keys;
  for (int i = 0; i < 40; i++) keys.push_back(Value::string(numbered("s", i)));
  for (int i = 0; i < 40; i++) keys.push_back(Value::integer(i * 7919 - 100));
  for (int i = 0; i < 10; i++) keys.push_back(Value::number(i + 0.5));
  for (Table* o : objects) keys.push_back(Value::table(o));
  keys.push_back(Value::boolean(true));
  keys.push_back(Value::boolean(false));
  std::string longText(60, 'x');
  String* longKey = newString(L, longText);
  *L->top++ = Value::string(longKey);
  keys.push_back(Value::string(longKey));
  std::vector<Integer> model(keys.size(), 0);  // 0 = absent
  uint64_t seed = 12345;
  auto next = [&] { seed = seed * 6364136223846793005ULL + 1442695040888963407ULL; return uint32_t(seed >> 33); };
  for (int step = 0; step < 20000; step++) {
    size_t k = next() % keys.size();
    // Phases that add more than they remove, then the opposite, so the
    // hash part grows and shrinks.
    bool adding = (step / 2000) % 2 == 0 ? next() % 4 != 0 : next() % 4 == 0;
    Integer v = adding ? Integer(step + 1) : 0;
    tableSet(L, t, keys[k], v ? Value::integer(v) : Value::nil());
    model[k] = v;
    if (step % 97 == 0) {
      for (size_t i = 0; i < keys.size(); i++) {
        const Value* got = tableGet(G(L), t, keys[i]);
        if (model[i]) {
          REQUIRE(got->isInteger());
          CHECK(got->asInteger() == model[i]);
        } else {
          CHECK(got->isNil());
        }
      }
      size_t live = 0, seen = 0;
      for (Integer m : model) live += m != 0;
      Value key = Value::nil(), value;
      while (tableNext(L, t, &key, &value)) {
        REQUIRE(value.isInteger());
        CHECK(key.tagWord == key.tag);  // no chain link leaks out with a key
        seen++;
      }
      CHECK(seen == live);
    }
  }
}

TEST_CASE_FIXTURE(StateFixture, "fields stored by their short-string key agree with the generic store") {
  // tableSetShortString (t.name = v, { name = v }) against tableSet on a
  // twin table: new keys (rehashes included), existing ones, removals of
  // present and absent keys, keys that come back.
  Table* a = table();
  Table* b = table();
  Table* keep = table();  // roots the keys (the stack has room for a few only)
  std::vector<String*> keys;
  for (int i = 0; i < 3000; i++) {
    std::string name("f");
    name += std::to_string(i);
    keys.push_back(newString(L, name));
    tableSetInt(L, keep, i + 1, Value::string(keys.back()));
  }
  for (int round = 0; round < 3; round++) {
    for (int i = 0; i < 3000; i++) {
      Value v = (i + round) % 3 == 0 ? Value::nil() : Value::integer(i * 10 + round);
      tableSetShortString(L, a, keys[size_t(i)], v);
      tableSet(L, b, Value::string(keys[size_t(i)]), v);
    }
    for (int i = 0; i < 3000; i++) {
      const Value* x = tableGetShortString(a, keys[size_t(i)]);
      const Value* y = tableGetShortString(b, keys[size_t(i)]);
      REQUIRE(x->isNil() == y->isNil());
      if (!x->isNil()) CHECK(x->asInteger() == y->asInteger());
    }
  }
  a->flags = 0xff;  // as a metatable whose absent events were cached
  tableSetShortString(L, a, str("__index"), Value::boolean(true));
  CHECK(a->flags == 0);
}

TEST_CASE_FIXTURE(StateFixture, "entries removed during a traversal do not stop it") {
  // §6.1 next: fields may be cleared during a traversal.
  Table* t = table();
  for (int i = 0; i < 100; i++) {
    tableSet(L, t, Value::string(numbered("k", i)), Value::integer(i));
    L->top--;  // the table holds the key
  }
  Value* key = L->top++;  // on the stack, as next's argument is
  key->setNil();
  Value value;
  int visited = 0;
  while (tableNext(L, t, key, &value)) {
    visited++;
    tableSet(L, t, *key, Value::nil());
    gc::fullCollect(L);  // the removed keys become dead keys
  }
  CHECK(visited == 100);
  key->setNil();
  CHECK(!tableNext(L, t, key, &value));
}

TEST_CASE_FIXTURE(StateFixture, "the length is a border") {
  Table* t = table();
  CHECK(tableLength(G(L), t) == 0);
  tableSetInt(L, t, 1, Value::integer(1));
  tableSetInt(L, t, 2, Value::integer(2));
  tableSetInt(L, t, 3, Value::integer(3));
  Unsigned n = tableLength(G(L), t);
  CHECK(n == 3);
  tableSetInt(L, t, 3, Value::nil());
  CHECK(tableLength(G(L), t) == 2);
  // Keys far beyond the array part live in the hash part.
  Table* h = table();
  tableSetInt(L, h, 1000000, Value::integer(1));
  CHECK(h->arraySize < 1000000);
  CHECK(tableGetInt(h, 1000000)->asInteger() == 1);
}

TEST_CASE_FIXTURE(StateFixture, "objects reachable from the stack survive a collection") {
  Table* t = table();
  tableSet(L, t, Value::string(str("key")), Value::string(str("value")));
  L->top--;  // the strings pushed by str() are not needed: t holds them
  L->top--;
  gc::fullCollect(L);
  const Value* v = tableGetShortString(t, str("key"));
  REQUIRE(v->isString());
  CHECK(view(v->asString()) == "value");
}

TEST_CASE("raw equality of numbers is mathematical") {
  CHECK(rawEquals(Value::integer(1), Value::number(1.0)));
  CHECK(!rawEquals(Value::integer(1), Value::number(1.5)));
  CHECK(!rawEquals(Value::number(NAN), Value::number(NAN)));
  CHECK(rawEquals(Value::nil(), Value::absentKey()));
  CHECK(sizeof(Value) == 16);
}

// Tables, strings and values: the runtime objects under the interpreter.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

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
  CHECK(s->length == 3);
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

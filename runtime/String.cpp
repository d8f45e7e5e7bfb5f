// String creation and the intern table (see String.hpp).
#include "runtime/String.hpp"

#include <xxhash.h>

#include <cstring>

#include "gc/Heap.hpp"
#include "runtime/State.hpp"

namespace tycho {

uint32_t hashBytes(uint64_t seed, const char* s, size_t len) {
  return uint32_t(XXH3_64bits_withSeed(s, len, seed));
}

uint32_t hashLongString(GlobalState* g, String* s) {
  if (!s->hasHash) {
    s->hash = hashBytes(g->seed, s->data(), s->length);
    s->hasHash = 1;
  }
  return s->hash;
}

bool stringEquals(const String* a, const String* b) {
  if (a == b) return true;
  if (a->tag != b->tag || a->isShort()) return false;
  return a->length == b->length && std::memcmp(a->data(), b->data(), a->length) == 0;
}

int stringCompare(const String* a, const String* b) {
  size_t n = a->length < b->length ? a->length : b->length;
  int c = std::memcmp(a->data(), b->data(), n);
  if (c != 0) return c;
  return a->length < b->length ? -1 : (a->length > b->length ? 1 : 0);
}

static String* allocString(lua_State* L, uint8_t tag, size_t len) {
  if (len >= size_t(INT64_MAX) - sizeof(String)) gc::allocRaw(L, size_t(-1));  // raises a memory error
  auto* s = static_cast<String*>(gc::newObject(L, tag, stringSize(len)));
  s->hasHash = 0;
  s->reserved = 0;
  s->hash = 0;
  s->length = len;
  s->hashNext = nullptr;
  s->bytes[len] = '\0';
  return s;
}

String* newLongString(lua_State* L, size_t len) {
  return allocString(L, kTagLongString, len);
}

namespace {

constexpr int kMinStringTable = 128;  // buckets of the intern table at first, and at least

// Moves the interned strings into `buckets` (newSize of them, all empty).
void rehashStrings(GlobalState* g, String** buckets, int newSize) {
  StringTable& t = g->strings;
  for (int i = 0; i < newSize; i++) buckets[i] = nullptr;
  for (int i = 0; i < t.size; i++) {
    String* s = t.buckets[i];
    while (s) {
      String* next = s->hashNext;
      uint32_t h = s->hash & uint32_t(newSize - 1);
      s->hashNext = buckets[h];
      buckets[h] = s;
      s = next;
    }
  }
  if (t.buckets) gc::freeRaw(g, t.buckets, sizeof(String*) * size_t(t.size));
  t.buckets = buckets;
  t.size = newSize;
}

void resizeStringTable(lua_State* L, int newSize) {
  rehashStrings(G(L), static_cast<String**>(gc::allocRaw(L, sizeof(String*) * size_t(newSize))), newSize);
}

}  // namespace

void shrinkStringTable(GlobalState* g) {
  StringTable& t = g->strings;
  int peak = t.peak;
  t.peak = t.count;
  if (t.size <= kMinStringTable || peak >= t.size / 4) return;
  int newSize = t.size / 2;
  void* buckets = gc::allocRawNoThrow(g, sizeof(String*) * size_t(newSize));
  if (buckets) rehashStrings(g, static_cast<String**>(buckets), newSize);
}

String* newString(lua_State* L, std::string_view str) {
  GlobalState* g = G(L);
  if (str.size() > kMaxShortLength) {
    String* s = allocString(L, kTagLongString, str.size());
    if (!str.empty()) std::memcpy(s->data(), str.data(), str.size());
    return s;
  }
  uint32_t h = hashBytes(g->seed, str.data(), str.size());
  StringTable& t = g->strings;
  if (t.size > 0) {
    for (String* s = t.buckets[h & uint32_t(t.size - 1)]; s; s = s->hashNext) {
      if (s->length == str.size() && (str.empty() || std::memcmp(s->data(), str.data(), str.size()) == 0)) {
        gc::keepAlive(g, s);  // it may be dead but not yet swept
        return s;
      }
    }
  }
  if (t.count >= t.size) resizeStringTable(L, t.size == 0 ? kMinStringTable : t.size * 2);
  String* s = allocString(L, kTagShortString, str.size());
  if (!str.empty()) std::memcpy(s->data(), str.data(), str.size());
  s->hash = h;
  s->hasHash = 1;
  uint32_t b = h & uint32_t(t.size - 1);
  s->hashNext = t.buckets[b];
  t.buckets[b] = s;
  if (++t.count > t.peak) t.peak = t.count;
  return s;
}

void removeInterned(GlobalState* g, String* s) {
  StringTable& t = g->strings;
  String** p = &t.buckets[s->hash & uint32_t(t.size - 1)];
  while (*p != s) p = &(*p)->hashNext;
  *p = s->hashNext;
  t.count--;
}

void freeStringTable(GlobalState* g) {
  if (g->strings.buckets) gc::freeRaw(g, g->strings.buckets, sizeof(String*) * size_t(g->strings.size));
  g->strings = StringTable{};
}

}  // namespace tycho

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
    s->hash = hashBytes(g->seed, s->data(), s->length());
    s->hasHash = 1;
  }
  return s->hash;
}

bool stringEquals(const String* a, const String* b) {
  if (a == b) return true;
  if (a->tag != b->tag || a->isShort()) return false;
  return a->longLength == b->longLength && std::memcmp(a->data(), b->data(), a->longLength) == 0;
}

int stringCompare(const String* a, const String* b) {
  size_t lengthA = a->length(), lengthB = b->length();
  int c = std::memcmp(a->data(), b->data(), lengthA < lengthB ? lengthA : lengthB);
  if (c != 0) return c;
  return lengthA < lengthB ? -1 : (lengthA > lengthB ? 1 : 0);
}

static String* allocString(lua_State* L, uint8_t tag, size_t len) {
  if (len >= size_t(INT64_MAX) - sizeof(String)) gc::allocRaw(L, size_t(-1));  // raises a memory error
  auto* s = static_cast<String*>(gc::newObject(L, tag, stringSize(len)));
  s->hasHash = 0;
  s->hash = 0;
  if (tag == kTagShortString) {
    s->shortLength = uint8_t(len);
    s->hashNext = nullptr;
  } else {
    s->shortLength = 0;
    s->longLength = len;
  }
  s->bytes[len] = '\0';
  return s;
}

String* newLongString(lua_State* L, size_t len) {
  return allocString(L, kTagLongString, len);
}

namespace {

constexpr int kMinStringTable = 128;  // buckets of the intern table at first, and at least

// The intern table changes size in place, as Lua's does (a large table by
// remapping its pages, so that it is never held twice): growing from `half`
// buckets to twice as many splits each chain between bucket i and bucket
// i + half, by the hash's next bit; shrinking to `half` joins bucket i + half
// to bucket i first.
void splitBuckets(StringTable& t, int half) {
  for (int i = half; i < 2 * half; i++) t.buckets[i] = nullptr;
  for (int i = 0; i < half; i++) {
    String** p = &t.buckets[i];
    while (String* s = *p) {
      if (s->hash & uint32_t(half)) {
        *p = s->hashNext;
        s->hashNext = t.buckets[i + half];
        t.buckets[i + half] = s;
      } else {
        p = &s->hashNext;
      }
    }
  }
  t.size = 2 * half;
}

void joinBuckets(StringTable& t, int half) {
  for (int i = 0; i < half; i++) {
    while (String* s = t.buckets[i + half]) {
      t.buckets[i + half] = s->hashNext;
      s->hashNext = t.buckets[i];
      t.buckets[i] = s;
    }
  }
  t.size = half;
}

void growStringTable(lua_State* L) {
  StringTable& t = G(L)->strings;
  if (t.size == 0) {
    t.buckets = static_cast<String**>(gc::allocRaw(L, sizeof(String*) * kMinStringTable));
    for (int i = 0; i < kMinStringTable; i++) t.buckets[i] = nullptr;
    t.size = kMinStringTable;
    return;
  }
  size_t bytes = sizeof(String*) * size_t(t.size);
  t.buckets = static_cast<String**>(gc::reallocRaw(L, t.buckets, bytes, 2 * bytes));
  splitBuckets(t, t.size);
}

}  // namespace

void shrinkStringTable(GlobalState* g) {
  StringTable& t = g->strings;
  int peak = t.peak;
  t.peak = t.count;
  if (t.size <= kMinStringTable || peak >= t.size / 2) return;
  int half = t.size / 2;
  joinBuckets(t, half);
  void* buckets = gc::reallocRawNoThrow(g, t.buckets, sizeof(String*) * size_t(2 * half), sizeof(String*) * size_t(half));
  if (buckets) t.buckets = static_cast<String**>(buckets);
  else splitBuckets(t, half);  // no memory for the smaller block: the table stays as it was
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
      if (s->hash == h && s->shortLength == str.size() && (str.empty() || std::memcmp(s->data(), str.data(), str.size()) == 0)) {
        gc::keepAlive(g, s);  // it may be dead but not yet swept
        return s;
      }
    }
  }
  if (t.count >= 2 * t.size) growStringTable(L);  // two strings per bucket (see String.hpp)
  String* s = allocString(L, kTagShortString, str.size());
  if (!str.empty()) std::memcpy(s->data(), str.data(), str.size());
  s->hash = h;
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

// String: creation and interning of Lua strings.
//
// Short strings (≤ kMaxShortLength bytes) are interned in the global string
// table, a chained hash table keyed by XXH3 of the bytes, with two strings
// per bucket at most (Lua's has one: between collections the table also
// holds the dead strings not yet swept, so its size follows the garbage,
// and a large table raises the heap size at which the next cycle starts,
// letting more garbage pile up): equal short strings are the same object,
// so they compare by pointer. Long strings are created fresh each time and
// hash lazily (hashLongString) when first used as a key.
#pragma once

#include <string_view>

#include "runtime/Object.hpp"

struct lua_State;

namespace tycho {

struct GlobalState;

// A string with these bytes (interned when short). May collect garbage.
String* newString(lua_State* L, std::string_view s);
inline String* newString(lua_State* L, const char* s, size_t len) { return newString(L, std::string_view(s, len)); }
// A long string of `len` bytes, contents left for the caller to fill in.
String* newLongString(lua_State* L, size_t len);

uint32_t hashBytes(uint64_t seed, const char* s, size_t len);
uint32_t hashLongString(GlobalState* g, String* s);
inline uint32_t stringHash(GlobalState* g, String* s) { return s->isShort() || s->hasHash ? s->hash : hashLongString(g, s); }

bool stringEquals(const String* a, const String* b);
// Lua's string comparison (§3.4.4): byte-wise, as strcoll in the C locale.
int stringCompare(const String* a, const String* b);
inline std::string_view view(const String* s) { return std::string_view(s->data(), s->length()); }

// Removes a dying short string from the intern table (called by the collector).
void removeInterned(GlobalState* g, String* s);
// Halves the intern table when at most one string per two buckets was
// there since the last call (the collector calls it when it has freed
// strings), so that a table grown for a burst of strings does not keep that
// size, while one that fills up between collections keeps it (no shrinking
// and growing again at every cycle). Kept as it is if the memory for the smaller one is
// not there.
void shrinkStringTable(GlobalState* g);
void freeStringTable(GlobalState* g);

}  // namespace tycho

// Strings: interning (finding an existing short string, creating a new
// one), long strings (created fresh, hashed lazily when used as a key), and
// string building from Lua code.
#include <cstdio>
#include <string>
#include <vector>

#include "MicroEngine.hpp"

using namespace tycho;
using namespace tycho::micro;

namespace {

constexpr int kStrings = 1024;

std::vector<std::string> words(const char* prefix) {
  std::vector<std::string> out;
  for (int i = 0; i < kStrings; i++) out.push_back(prefix + std::to_string(i * 7919));
  return out;
}

// newString of bytes that are already interned: hash, probe, compare.
void BM_InternExisting(benchmark::State& state) {
  MicroEngine e;
  std::vector<std::string> text = words("name_");
  for (const std::string& s : text) e.pushString(s);
  for (auto _ : state) {
    for (const std::string& s : text) benchmark::DoNotOptimize(newString(e.L, s));
  }
  state.SetItemsProcessed(state.iterations() * kStrings);
}
BENCHMARK(BM_InternExisting);

// newString of bytes never seen before: hash, probe, allocate, insert (and
// the collector frees the unreferenced strings of earlier iterations).
void BM_InternNew(benchmark::State& state) {
  MicroEngine e;
  char buffer[32];
  uint64_t counter = 0;
  for (auto _ : state) {
    for (int i = 0; i < kStrings; i++) {
      int n = std::snprintf(buffer, sizeof buffer, "s%llu", static_cast<unsigned long long>(counter++));
      benchmark::DoNotOptimize(newString(e.L, std::string_view(buffer, n)));
    }
  }
  state.SetItemsProcessed(state.iterations() * kStrings);
}
BENCHMARK(BM_InternNew);

// Long strings are not interned: each newString copies the bytes.
void BM_LongStringCreate(benchmark::State& state) {
  MicroEngine e;
  std::string text(state.range(0), 'x');
  for (auto _ : state) benchmark::DoNotOptimize(newString(e.L, text));
  state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_LongStringCreate)->Arg(64)->Arg(1024);

// Lua-level string work: concatenation, tostring of integers, a short
// string made from two pieces (interned again each time), string.format.
void BM_LuaConcatShort(benchmark::State& state) {
  runLuaLoop(state, "", "local s, a, b = nil, 'key', 'word'", "s = a .. b");
}
BENCHMARK(BM_LuaConcatShort);

void BM_LuaConcatNumber(benchmark::State& state) {
  runLuaLoop(state, "", "local s", "s = 'item' .. i");
}
BENCHMARK(BM_LuaConcatNumber);

void BM_LuaStringFormat(benchmark::State& state) {
  runLuaLoop(state, "", "local s, format = nil, string.format", "s = format('%d:%s', i, 'x')");
}
BENCHMARK(BM_LuaStringFormat);

void BM_LuaStringSub(benchmark::State& state) {
  runLuaLoop(state, "", "local s, text = nil, string.rep('abcdefgh', 8)", "s = text:sub(3, 10)");
}
BENCHMARK(BM_LuaStringSub);

}  // namespace

// A libFuzzer target for binary chunks: the loader and the verifier
// (compiler/Undump.hpp, compiler/Verify.hpp) must refuse or accept any input
// without a crash, and an accepted chunk must dump again to a chunk that
// loads and dumps to the same bytes.
//
// The first input byte chooses what the rest is: 0 a whole chunk; 1 a payload,
// which gets a valid header and checksum first, so that mutations reach the
// reader and the verifier instead of stopping at the checksum. Loaded
// functions are not run: a mutant may loop forever (BytecodeTest runs them in
// child processes with a time limit instead).
//
// Build (clang): cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang
//   -DCMAKE_CXX_COMPILER=clang++ -DTYCHO_FUZZ=ON && cmake --build build-fuzz
//   --target tycho_fuzz_undump
// Seeds: build/cli/tycho tests/fuzz/seed-corpus.lua corpus-dir tests/lua/*.lua
// Run:   build-fuzz/tests/fuzz/tycho_fuzz_undump corpus-dir
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>


#include "compiler/BytecodeFormat.hpp"
#include "compiler/Dump.hpp"
#include "gc/Heap.hpp"
#include "runtime/Error.hpp"
#include "runtime/State.hpp"
#include "vm/Load.hpp"

using namespace tycho;

namespace {

void putLittle(std::string& s, size_t at, uint64_t v, int width) {
  for (int i = 0; i < width; i++) s[at + size_t(i)] = char(uint8_t(v >> (8 * i)));
}

std::string sealed(const char* payload, size_t size) {
  std::string chunk(bytecode::kHeaderSize, '\0');
  std::memcpy(chunk.data(), bytecode::kSignature, bytecode::kSignatureSize);
  chunk[4] = char(bytecode::kLuaVersion);
  chunk[5] = char(bytecode::kFormat);
  std::memcpy(chunk.data() + 6, bytecode::kConversionCheck, bytecode::kConversionCheckSize);
  putLittle(chunk, 10, bytecode::kRevision, 2);
  putLittle(chunk, 14, bytecode::instructionSetFingerprint(), 4);
  putLittle(chunk, bytecode::kSizeOffset, size, 8);
  putLittle(chunk, bytecode::kChecksumOffset, bytecode::chunkChecksum(chunk.data(), std::string_view(payload, size)), 8);
  chunk.append(payload, size);
  return chunk;
}

// One state for the whole run, closed at exit (for the leak checker).
lua_State* state() {
  static struct Holder {
    lua_State* L = newState();
    ~Holder() { closeState(L); }
  } holder;
  return holder.L;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const char* rest = reinterpret_cast<const char*>(data + 1);
  std::string chunk = data[0] & 1 ? sealed(rest, size - 1) : std::string(rest, size - 1);
  if (chunk.empty() || chunk[0] != bytecode::kSignature[0]) return 0;
  lua_State* L = state();
  StkId base = L->top;
  if (loadSource(L, chunk, "=fuzz") == kOk) {
    const Proto* p = L->top[-1].asLuaClosure()->proto;
    for (bool strip : {false, true}) {
      std::string again = dumpFunction(p, strip);
      if (loadSource(L, again, "=again") != kOk) std::abort();  // a dump must load
      if (dumpFunction(L->top[-1].asLuaClosure()->proto, strip) != again) std::abort();
      L->top--;
    }
  }
  L->top = base;
  static unsigned runs = 0;
  if (++runs % 256 == 0) gc::fullCollect(L);
  return 0;
}

// Undump: a binary chunk (BytecodeFormat.hpp) → a verified prototype tree,
// the binary half of `load`.
#pragma once

#include <string>
#include <string_view>

#include "runtime/Object.hpp"

struct lua_State;

namespace tycho {

// Why a binary chunk was refused: lua5.4's reasons where it has one ("truncated
// chunk", "not a binary chunk", "version mismatch", "format mismatch",
// "corrupted chunk"), Tycho's own otherwise (checksum, verifier).
struct BadBinaryChunk {
  std::string reason;
};

// Reads the main function of `chunk`, checking every count, length and
// nesting level against the input, then verifies its code (Verify.hpp).
// Throws BadBinaryChunk; memory errors raise as usual. The caller pauses the
// collector: the prototypes are reachable from nothing until it roots them.
Proto* undumpChunk(lua_State* L, std::string_view chunk);

// The name lua5.4 gives a chunk in "bad binary format" messages: without its
// '@' or '=' prefix, and "binary string" for a chunk named by its own bytes.
std::string binaryChunkName(std::string_view chunkname);

}  // namespace tycho

// Dump: a prototype tree → a binary chunk (string.dump), in the format of
// BytecodeFormat.hpp.
#pragma once

#include <string>

#include "runtime/Object.hpp"

namespace tycho {

// The binary chunk of `p` and its nested functions. `strip` leaves out the
// debug information (line numbers, local and upvalue names, source name).
// Allocates nothing in the Lua heap.
std::string dumpFunction(const Proto* p, bool strip);

}  // namespace tycho

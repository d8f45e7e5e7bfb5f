// Disassembler: a readable listing of bytecode, one instruction per line
// with its source line, operands and a comment naming constants, upvalues
// and jump targets. Lists generated code (FunctionCode: the code
// generator's tests compare listings with expected text) and prototypes,
// compiled or loaded from a binary chunk (`tycho --disasm`, `tycho -c -l`).
#pragma once

#include <string>

#include "compiler/CodeGen.hpp"

namespace tycho {

struct Proto;

// What a listing shows of each function: its header and instructions, or
// also (as `luac -l -l` does for its own format) its constants, locals and
// upvalues.
enum class ListingDetail { kInstructions, kFull };

// Lists `f` and, after it, every nested function.
std::string disassemble(const FunctionCode& f, ListingDetail detail = ListingDetail::kInstructions);
// The same for a prototype. A stripped one (a binary chunk without debug
// information) lists "[-]" for lines and "-" for the names of upvalues.
std::string disassemble(const Proto& p, ListingDetail detail = ListingDetail::kInstructions);
// Only the instructions of `f`, without header or nested functions:
// "OPNAME operands" per line (for compact test expectations).
std::string disassembleBody(const FunctionCode& f);

}  // namespace tycho

// Resolver: binds every name of a syntax tree to a local slot, an upvalue or a
// global (a field of _ENV), following the visibility rules of manual §3.5.
//
// Slots: a local variable's slot is the stack depth at its declaration, which
// between statements is the number of active variables (hidden loop state
// included), so slot numbers are dense and reused after a block ends. The
// resolver marks locals that some inner function captures (the code generator
// closes them when their scope ends) and fills in each function's upvalue list.
// It also rejects assignments to <const> and <close> variables and checks the
// limit on upvalues (the parser checks the one on locals, where Lua does).
//
// Resolving also folds constants, as Lua does while it parses (see
// ConstantFolding.hpp): operators on literals become literals, and a
// compile-time constant (`local K <const> = literal`, the last variable of
// its statement, with as many values as variables) takes no slot: its names
// become its literal, in inner functions too (no upvalue). Chunk::source must
// be the parsed text (messages about a name quote the token after it).
#pragma once

#include <string_view>

#include "compiler/Ast.hpp"

namespace tycho {

constexpr int kMaxLocals = 200;    // MAXVARS
constexpr int kMaxUpvalues = 255;  // MAXUPVAL

// Throws CompileError (message formatted with chunkId(chunkname)).
void resolveChunk(ast::Chunk& chunk, std::string_view chunkname);

}  // namespace tycho

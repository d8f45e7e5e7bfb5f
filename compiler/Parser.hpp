// Parser: Lua source → syntax tree (manual §9), by recursive descent with
// operator-precedence parsing of expressions (§3.4.8).
//
// Nesting (blocks, parentheses, table constructors, unary chains, function
// bodies) is counted; past kMaxSyntaxLevels the parser raises an error instead
// of exhausting the C++ stack.
#pragma once

#include <string_view>

#include "compiler/Ast.hpp"
#include "compiler/Lexer.hpp"

namespace tycho {

constexpr int kMaxSyntaxLevels = 200;  // LUAI_MAXCCALLS

// Parses a whole chunk. Throws CompileError with Lua's message on bad input.
ast::Chunk parseChunk(std::string_view source, std::string_view chunkname);

}  // namespace tycho

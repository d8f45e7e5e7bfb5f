// The compiler's tests' way in: a Lua snippet compiled to the code
// generator's output (FunctionCode), with no Lua state, as chunk "=test".
#pragma once

#include <memory>
#include <string>

#include "compiler/CodeGen.hpp"
#include "compiler/Parser.hpp"
#include "compiler/Resolver.hpp"

namespace tycho {

inline std::unique_ptr<FunctionCode> compileSnippet(const std::string& src) {
  ast::Chunk chunk = parseChunk(src, "=test");
  resolveChunk(chunk, "=test");
  return generateCode(chunk, "=test");
}

}  // namespace tycho

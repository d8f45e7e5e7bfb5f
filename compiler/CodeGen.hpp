// CodeGen: resolved syntax tree → stack bytecode (see Opcodes.hpp).
//
// The generator tracks the static stack depth at every instruction: each
// expression pushes exactly the values it promises, each statement leaves the
// depth equal to the number of active slots. Only calls and `...` in the last
// position of a list produce a dynamic number of values, and the instruction
// that consumes them (CALL, RETURN, SETLIST with a zero count) takes them up to
// the runtime top.
//
// Each instruction gets the line Lua 5.4 gives the instruction it stands for,
// so that line hooks, activelines and error positions are Lua's (FuncGen.hpp
// explains how; CodeGen.cpp holds statements, CodeGenExpr.cpp expressions).
//
// Output is a plain C++ description of each function (FunctionCode); turning it
// into Proto objects is a separate step (materialize) so that the generator
// never holds collectable objects.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/Ast.hpp"
#include "compiler/Opcodes.hpp"

struct lua_State;

namespace tycho {

struct Proto;
struct String;

struct Constant {
  // Nil and the booleans are constants only as the value of a store (t[k] = true).
  enum Kind : uint8_t { Integer, Float, String, Nil, False, True } kind = Integer;
  tycho::Integer i = 0;
  Number n = 0;
  std::string s;
};

struct FunctionCode {
  std::vector<Instruction> code;
  std::vector<int> lines;
  std::vector<Constant> constants;
  std::vector<std::unique_ptr<FunctionCode>> protos;
  struct Upvalue { std::string name; bool inStack; int index; uint8_t kind; };
  std::vector<Upvalue> upvalues;
  struct Local { std::string name; int startPc, endPc, slot; };
  std::vector<Local> locals;
  int numParams = 0;
  bool isVararg = false;
  int maxStack = 0;
  int lineDefined = 0;
  int lastLineDefined = 0;
};

constexpr int kMaxStackSlots = 255;  // MAXREGS: a frame's slots must fit operand A

// Generates code for a resolved chunk. Throws CompileError.
std::unique_ptr<FunctionCode> generateCode(ast::Chunk& chunk, std::string_view chunkname);

// Builds the Proto tree for generated code, one String object per distinct
// string of the chunk (long strings included). The caller pauses the collector.
Proto* materialize(lua_State* L, const FunctionCode& f, String* source);

// Source → main function prototype: lexer, parser, resolver, generator.
// Throws CompileError. The collector is paused during the whole compilation.
Proto* compileChunk(lua_State* L, std::string_view source, std::string_view chunkname);

}  // namespace tycho

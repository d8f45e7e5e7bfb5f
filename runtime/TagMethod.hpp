// TagMethod: the events of metatables (§2.4), as one enumeration and the
// names the metatables hold them under.
//
// The order is Lua 5.4's (its TMS enumeration): the first kTMFastLimit
// events are those whose absence a metatable caches (Table::flags). The
// opcode table (compiler/Opcodes.hpp) names, for each instruction, the
// event whose metamethod it may call, and the messages that name a running
// metamethod ("metamethod 'index'") take the name from here.
#pragma once

#include <cstdint>

namespace tycho {

enum TagMethod : uint8_t {
  TM_INDEX, TM_NEWINDEX, TM_GC, TM_MODE, TM_LEN, TM_EQ,
  TM_ADD, TM_SUB, TM_MUL, TM_MOD, TM_POW, TM_DIV, TM_IDIV,
  TM_BAND, TM_BOR, TM_BXOR, TM_SHL, TM_SHR,
  TM_UNM, TM_BNOT, TM_LT, TM_LE, TM_CONCAT, TM_CALL, TM_CLOSE,
  TM_N
};
constexpr int kTMFastLimit = TM_EQ + 1;

// The key of each event in a metatable ("__index").
inline constexpr const char* kTagMethodNames[TM_N] = {
  "__index", "__newindex", "__gc", "__mode", "__len", "__eq",
  "__add", "__sub", "__mul", "__mod", "__pow", "__div", "__idiv",
  "__band", "__bor", "__bxor", "__shl", "__shr",
  "__unm", "__bnot", "__lt", "__le", "__concat", "__call", "__close",
};

}  // namespace tycho

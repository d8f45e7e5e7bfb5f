// Opcodes: the one table that defines Tycho's bytecode (DESIGN.md decision 4).
//
// Tycho's bytecode is stack-based: a frame is the function slot, then the
// parameters and locals, then an operand stack, all in one contiguous run of
// the thread's value stack. Because the compiler knows the stack depth at every
// instruction, operands can name a slot directly (locals, call bases), which
// keeps the number of dispatches close to a register VM's.
//
// Every instruction is one 32-bit word:
//   bits 0-7   opcode
//   format AB:  A = bits 8-15 (8 bits),  B = bits 16-31 (16 bits)
//   format Ax:  Ax = bits 8-31 (24 bits, unsigned)
//   format sAx: sAx = bits 8-31 (24 bits, signed) — jump offsets, small integers
//   format ABC: A = bits 8-15, B = bits 16-23, C = bits 24-31 (8 bits each;
//               argB8 and argC read B and C)
// Fixed-width words let the interpreter rewrite an instruction in place
// (quickening) later without moving code.
//
// Stack effects: `pops` values are removed from the top, then `pushes` values
// are pushed. kVar marks an effect that depends on operands (see the notes).
// Slots are numbered from the frame base (slot 0 = first parameter). "K[x]" is
// constant x, "U[x]" upvalue x, "top" the value on top of the operand stack.
//
// Suffixes say where an instruction finds operands that are not on the stack:
// L a slot, K a constant, U an upvalue; with two letters, one per operand in
// order, S for one on the stack (ADD_KS: the left operand a constant, the
// right one on the stack; GETTABLE_LS: the table in a slot, the key on the
// stack).
//
//  X(name, format, pops, pushes, description)
#pragma once

#include <cstdint>

namespace tycho {

constexpr int kVar = -1;

// Binary operators come in seven operand forms, so that operands which are
// locals or constants need no push of their own (the commonest sequences,
// GETLOCAL/K followed by an operator, become one instruction), and so that a
// local or a constant on the left is read where it is once the right operand
// is computed, as Lua 5.4 reads it (`a + f()` reads `a` after the call):
//   OP      a b -> r            both operands on the stack
//   OP_L    a -> r              right operand is slot Ax
//   OP_K    a -> r              right operand is K[Ax]
//   OP_LL   -> r                operands are slots A and B
//   OP_LK   -> r                operands are slot A and K[B]
//   OP_LS   b -> r              left operand is slot Ax, right one on the stack
//   OP_KS   b -> r              left operand is K[Ax], right one on the stack
// The forms of one operator are consecutive, in this order (kBinaryForms
// below says where each form finds its operands). An arithmetic result
// followed by SETLOCAL, and a comparison followed by JMPF, are completed by
// the operator's handler without a dispatch of their own.
#define TYCHO_BINARY_FORMS(X, name, sym)                                          \
  X(name,       None, 2, 1, "a b -> a " sym " b")                                   \
  X(name##_L,   Ax,   1, 1, "a -> a " sym " slot Ax")                               \
  X(name##_K,   Ax,   1, 1, "a -> a " sym " K[Ax]")                                 \
  X(name##_LL,  AB,   0, 1, "push slot A " sym " slot B")                           \
  X(name##_LK,  AB,   0, 1, "push slot A " sym " K[B]")                             \
  X(name##_LS,  Ax,   1, 1, "b -> slot Ax " sym " b")                               \
  X(name##_KS,  Ax,   1, 1, "b -> K[Ax] " sym " b")

#define TYCHO_ARITH_OPS(F, X)                                                       \
  F(X, ADD, "+") F(X, SUB, "-") F(X, MUL, "*") F(X, MOD, "%") F(X, POW, "^")        \
  F(X, DIV, "/") F(X, IDIV, "//") F(X, BAND, "&") F(X, BOR, "|") F(X, BXOR, "~")    \
  F(X, SHL, "<<") F(X, SHR, ">>")

// GT and GE are evaluated as b < a and b <= a (§3.4.4).
#define TYCHO_COMPARE_OPS(F, X)                                                     \
  F(X, EQ, "==") F(X, NE, "~=") F(X, LT, "<") F(X, LE, "<=") F(X, GT, ">") F(X, GE, ">=")

// Offsets of the operand forms from the plain operator.
enum BinaryForm : uint8_t { kFormStack, kFormL, kFormK, kFormLL, kFormLK, kFormLS, kFormKS, kNumBinaryForms };

#define TYCHO_OPCODES(X)                                                                        \
  X(NIL,        Ax,  0, kVar, "push Ax nils")                                                   \
  X(TRUE,       None, 0, 1,   "push true")                                                      \
  X(FALSE,      None, 0, 1,   "push false")                                                     \
  X(INT,        sAx, 0, 1,    "push the integer sAx")                                           \
  X(K,          Ax,  0, 1,    "push K[Ax]")                                                     \
  X(GETLOCAL,   Ax,  0, 1,    "push slot Ax")                                                   \
  X(SETLOCAL,   Ax,  1, 0,    "pop into slot Ax")                                               \
  X(GETUPVAL,   Ax,  0, 1,    "push U[Ax]")                                                     \
  X(GETUPVAL_UNDER, Ax, 1, 2,  "k -> U[Ax] k (an upvalue table fetched after its key's code)") \
  X(SETUPVAL,   Ax,  1, 0,    "pop into U[Ax]")                                                 \
  X(GETTABUP,   AB,  0, 1,    "push U[A][K[B]] (K[B] a string; globals through _ENV)")        \
  X(SETTABUP,   AB,  1, 0,    "U[A][K[B]] = pop")                                               \
  X(GETTABLE,   None, 2, 1,   "t k -> t[k]")                                                    \
  X(GETFIELD,   Ax,  1, 1,    "t -> t[K[Ax]] (K[Ax] a string)")                                 \
  X(GETFIELD_L, AB,  0, 1,    "push slot A [K[B]] (K[B] a string)")                             \
  X(GETTABLE_L, Ax,  1, 1,    "t -> t[slot Ax]")                                                \
  X(GETTABLE_LS, Ax, 1, 1,    "k -> slot Ax [k]")                                               \
  X(GETTABLE_US, Ax, 1, 1,    "k -> U[Ax][k]")                                                  \
  X(SETTABLE,   None, 3, 0,   "t k v -> ; t[k] = v")                                            \
  X(SETTABLE_LS, Ax, 2, 0,    "k v -> ; slot Ax [k] = v")                                       \
  X(SETTABLE_SL, Ax, 2, 0,    "t v -> ; t[slot Ax] = v")                                        \
  X(SETFIELD,   Ax,  2, 0,    "t v -> ; t[K[Ax]] = v")                                          \
  X(SETINDEXAT, AB,  1, 0,    "slot A [slot B] = pop")                                          \
  X(SETKEYAT,   Ax,  2, 0,    "k v -> ; slot Ax [k] = v (table constructors)")                  \
  X(SETFIELDAT, AB,  1, 0,    "slot A [K[B]] = pop")                                            \
  X(GETINDEX_LL, AB, 0, 1,    "push slot A [slot B]")                                           \
  X(GETINDEX_LI, AB, 0, 1,    "push slot A [B] (B a non-negative integer)")                     \
  X(SETINDEX_LLL, ABC, 0, 0,  "slot A [slot B] = slot C")                                       \
  X(SETINDEX_LLK, ABC, 0, 0,  "slot A [slot B] = K[C]")                                         \
  X(SETFIELD_LKL, ABC, 0, 0,  "slot A [K[B]] = slot C")                                         \
  X(SETFIELD_LKK, ABC, 0, 0,  "slot A [K[B]] = K[C]")                                           \
  X(POP,        Ax,  kVar, 0, "pop Ax values")                                                  \
  X(SETTOP,     Ax,  kVar, 0, "drop every value above slot Ax-1 (a goto target)")              \
  X(NEWTABLE,   AB,  0, 1,    "push a new table; A = hash size hint, B = array size hint")      \
  X(SETLIST,    AB,  kVar, 0, "slot A [EXTRAARG + i] = slot A+1+i for B values (B = 0: to top)")\
  X(SELF,       Ax,  1, 2,    "o -> o[K[Ax]] o (method lookup)")                                \
  TYCHO_ARITH_OPS(TYCHO_BINARY_FORMS, X)                                                        \
  X(UNM,        None, 1, 1,   "a -> -a")                                                        \
  X(BNOT,       None, 1, 1,   "a -> ~a")                                                        \
  X(NOT,        None, 1, 1,   "a -> not a")                                                     \
  X(LEN,        None, 1, 1,   "a -> #a")                                                        \
  X(CONCAT,     AB,  kVar, 1, "concatenate the B values from slot A up into one, at slot A")   \
  TYCHO_COMPARE_OPS(TYCHO_BINARY_FORMS, X)                                                      \
  X(JMP,        sAx, 0, 0,    "pc += sAx")                                                      \
  X(JMPF,       sAx, 1, 0,    "pop; jump by sAx if it was false or nil")                        \
  X(JMPT,       sAx, 1, 0,    "pop; jump by sAx if it was neither false nor nil")               \
  X(ANDJ,       sAx, kVar, 0, "if top is false or nil jump by sAx keeping it, else pop it")     \
  X(ORJ,        sAx, kVar, 0, "if top is truthy jump by sAx keeping it, else pop it")           \
  X(CALL,       AB,  kVar, kVar, "call slot A with slots A+1..top; keep B-1 results (B = 0: all)") \
  X(TAILCALL,   Ax,  kVar, 0, "return slot Ax (slots Ax+1..top)")                               \
  X(RETURN,     AB,  kVar, 0, "return B-1 values from slot A (B = 0: up to top)")              \
  X(RETURN0,    None, 0, 0,   "return no values")                                               \
  X(RETURN1,    None, 1, 0,   "return the top value")                                           \
  X(CLOSURE,    Ax,  0, 1,    "push a closure of prototype Ax")                                 \
  X(VARARG,     Ax,  0, kVar, "push Ax-1 extra arguments (Ax = 0: all of them)")               \
  X(VARARGPREP, Ax,  0, 0,    "set up a vararg frame with Ax fixed parameters")                \
  X(FORPREP,    AB,  kVar, 1, "numeric for: slots A..A+2 = init, limit, step; push the "       \
                              "control variable (slot A+3); if the loop does not run, jump by B") \
  X(FORLOOP,    AB,  0, 0,    "numeric for: step; if the loop goes on, set slot A+3 and jump back by B") \
  X(TFORPREP,   AB,  0, 0,    "generic for: mark slot A+3 to be closed; jump by B")           \
  X(TFORCALL,   AB,  kVar, kVar, "generic for: slots A+4.. = slot A (slot A+1, slot A+2), B results") \
  X(TFORLOOP,   AB,  0, 0,    "generic for: if slot A+4 ~= nil, slot A+2 = slot A+4, jump back by B") \
  X(CLOSE,      Ax,  0, 0,    "close upvalues and to-be-closed variables at slots >= Ax")     \
  X(TBC,        Ax,  0, 0,    "mark slot Ax as a to-be-closed variable")                      \
  X(EXTRAARG,   Ax,  0, 0,    "extra operand of the previous instruction")                    \
  X(NOP,        None, 0, 0,   "nothing: stands for an instruction Lua has at this line (hooks)")

enum class OpFormat : uint8_t { None, Ax, sAx, AB, ABC };

enum Opcode : uint8_t {
#define TYCHO_OPCODE_ENUM(name, format, pops, pushes, doc) OP_##name,
  TYCHO_OPCODES(TYCHO_OPCODE_ENUM)
#undef TYCHO_OPCODE_ENUM
  kNumOpcodes
};

struct OpInfo {
  const char* name;
  OpFormat format;
  int8_t pops;
  int8_t pushes;
  const char* doc;
};

inline constexpr OpInfo kOpInfo[] = {
#define TYCHO_OPCODE_INFO(name, format, pops, pushes, doc) {#name, OpFormat::format, pops, pushes, doc},
  TYCHO_OPCODES(TYCHO_OPCODE_INFO)
#undef TYCHO_OPCODE_INFO
};

// --- facts that follow from the table's order and the handlers' contract ---

// The operand forms of the arithmetic and bitwise operators.
constexpr bool isArithmeticOp(Opcode op) { return op >= OP_ADD && op <= OP_SHR_KS; }
// The operand forms of the comparisons.
constexpr bool isComparisonOp(Opcode op) { return op >= OP_EQ && op <= OP_GE_KS; }
constexpr bool isBinaryOp(Opcode op) { return isArithmeticOp(op) || isComparisonOp(op); }
// The form of a binary operator's opcode, and its plain (stack) form.
constexpr BinaryForm binaryFormOf(Opcode op) {
  return BinaryForm((int(op) - int(isArithmeticOp(op) ? OP_ADD : OP_EQ)) % kNumBinaryForms);
}
constexpr Opcode plainBinaryOp(Opcode op) { return Opcode(int(op) - int(binaryFormOf(op))); }
constexpr Opcode binaryOpInForm(Opcode plain, BinaryForm form) { return Opcode(int(plain) + int(form)); }

// Where each operand of a binary operator form is: on the stack (the
// operands on the stack are the instruction's `pops` top values, the left
// one below the right one), in a slot or a constant named by an operand
// field of the instruction.
enum class OperandPlace : uint8_t { Stack, Slot, Constant };
enum class OperandField : uint8_t { None, A, B, Ax };
struct BinaryOperand {
  OperandPlace place;
  OperandField field;
};
struct BinaryFormInfo {
  BinaryOperand left, right;
};
inline constexpr BinaryFormInfo kBinaryForms[kNumBinaryForms] = {
  /* stack */ {{OperandPlace::Stack, OperandField::None}, {OperandPlace::Stack, OperandField::None}},
  /* L     */ {{OperandPlace::Stack, OperandField::None}, {OperandPlace::Slot, OperandField::Ax}},
  /* K     */ {{OperandPlace::Stack, OperandField::None}, {OperandPlace::Constant, OperandField::Ax}},
  /* LL    */ {{OperandPlace::Slot, OperandField::A}, {OperandPlace::Slot, OperandField::B}},
  /* LK    */ {{OperandPlace::Slot, OperandField::A}, {OperandPlace::Constant, OperandField::B}},
  /* LS    */ {{OperandPlace::Slot, OperandField::Ax}, {OperandPlace::Stack, OperandField::None}},
  /* KS    */ {{OperandPlace::Constant, OperandField::Ax}, {OperandPlace::Stack, OperandField::None}},
};
// The forms' stack operands are the stack effects the opcode table gives.
constexpr bool binaryFormsAgreeWithTable() {
  for (int f = 0; f < kNumBinaryForms; f++) {
    const BinaryFormInfo& form = kBinaryForms[f];
    int onStack = (form.left.place == OperandPlace::Stack) + (form.right.place == OperandPlace::Stack);
    if (kOpInfo[OP_ADD + f].pops != onStack || kOpInfo[OP_EQ + f].pops != onStack) return false;
  }
  return true;
}
static_assert(binaryFormsAgreeWithTable(), "kBinaryForms and the opcode table disagree");

// The jumps by sAx: JMP and the conditional jumps (Lua's test-and-JMP pairs).
constexpr bool isJumpOp(Opcode op) {
  return op == OP_JMP || op == OP_JMPF || op == OP_JMPT || op == OP_ANDJ || op == OP_ORJ;
}
// An arithmetic result followed by SETLOCAL, and a comparison followed by
// JMPF, are completed by the operator's handler: `next` is not dispatched.
constexpr bool fusesWithNext(Opcode op, Opcode next) {
  return (isArithmeticOp(op) && next == OP_SETLOCAL) || (isComparisonOp(op) && next == OP_JMPF);
}

// --- instruction encoding ---
using Instruction = uint32_t;
static_assert(kNumOpcodes <= 256, "opcodes are 8 bits");
constexpr int kMaxA = 0xff;
constexpr int kMaxB = 0xffff;
constexpr int kMaxAx = 0xffffff;
constexpr int kMaxSAx = 0x7fffff;
constexpr int kMinSAx = -0x800000;

constexpr Instruction makeNone(Opcode op) { return Instruction(op); }
constexpr Instruction makeAx(Opcode op, uint32_t ax) { return Instruction(op) | (ax << 8); }
constexpr Instruction makeSAx(Opcode op, int32_t sax) { return Instruction(op) | (uint32_t(sax) << 8); }
constexpr Instruction makeAB(Opcode op, uint32_t a, uint32_t b) { return Instruction(op) | (a << 8) | (b << 16); }
constexpr Instruction makeABC(Opcode op, uint32_t a, uint32_t b, uint32_t c) {
  return Instruction(op) | (a << 8) | (b << 16) | (c << 24);
}

constexpr Opcode opcodeOf(Instruction i) { return Opcode(i & 0xff); }
constexpr uint32_t argA(Instruction i) { return (i >> 8) & 0xff; }
constexpr uint32_t argB(Instruction i) { return i >> 16; }
constexpr uint32_t argAx(Instruction i) { return i >> 8; }
constexpr uint32_t argB8(Instruction i) { return (i >> 16) & 0xff; }  // format ABC
constexpr uint32_t argC(Instruction i) { return i >> 24; }            // format ABC
constexpr int32_t argSAx(Instruction i) { return int32_t(i) >> 8; }
constexpr uint32_t argField(Instruction i, OperandField f) {
  switch (f) {
    case OperandField::A: return argA(i);
    case OperandField::B: return argB(i);
    case OperandField::Ax: return argAx(i);
    case OperandField::None: break;
  }
  return 0;
}

}  // namespace tycho

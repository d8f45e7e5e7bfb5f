// Opcodes: the one table that defines Tycho's bytecode and every fact about
// each opcode (DESIGN.md decisions 4 and 11).
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
// One line of TYCHO_OPCODES per opcode:
//   X(name, format, (field kinds), pops, pushes, flags, event, doc)
//   - format: the operand layout above; the parenthesised list after it gives
//     the kind of each field in the format's order (Ax or sAx; A B; A B C),
//     one kind per field, so that a list which does not fit the format does
//     not compile. OperandKind below says what each kind means.
//   - pops, pushes: the stack effect. `pops` values are removed from the top,
//     then `pushes` values are pushed. kVar marks an effect that depends on
//     operands; compiler/Analysis.cpp (effectOf) computes those, and is the
//     only other place that knows them.
//   - flags: what running the instruction may do besides its own work (call
//     code, raise, allocate, poll), how control leaves it (branches, jumps,
//     returns), how its neighbours are read (an EXTRAARG word after it, a
//     SETLOCAL or JMPF that its handler completes), and whether it records
//     type feedback. OpFlags below.
//   - event: the metamethod event it may call (TM_INDEX for an index), or
//     kNoEvent.
//   - doc: what it does. Slots are numbered from the frame base (slot 0 = first
//     parameter). "K[x]" is constant x, "U[x]" upvalue x, "top" the value on
//     top of the operand stack.
//
// Suffixes say where an instruction finds operands that are not on the stack:
// L a slot, K a constant, U an upvalue; with two letters, one per operand in
// order, S for one on the stack (ADD_KS: the left operand a constant, the
// right one on the stack; GETTABLE_LS: the table in a slot, the key on the
// stack).
//
// Superinstructions: PUSH_LL, PUSH_UL, CALL_L and RETURN1_L each do what a
// pair of instructions does (GETLOCAL GETLOCAL, GETUPVAL GETLOCAL, GETLOCAL
// CALL, GETLOCAL RETURN1), the pairs that run most often by
// scripts/opcode-pairs.py whose second instruction is not an operator with
// an operand form of its own.
// The code generator merges the pairs once a function's code is final
// (CodeGen.cpp mergePairs).
//
// Who reads the table: the interpreter (its dispatch table, and the handlers
// that complete the next instruction), the code generator (emission), the
// verifier, the analysis (compiler/Analysis.hpp: stack depths, successors,
// basic blocks), the disassembler (operand comments), VarInfo (names in
// messages, metamethod events), coroutine resumption (finishing an
// instruction a yield interrupted), hooks, and the JIT: it switches over the
// same opcodes, takes which helpers may run code, raise or allocate from the
// flags, what an instruction's feedback entry holds from feedbackKind(), and
// the block structure from the analysis.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "runtime/TagMethod.hpp"

namespace tycho {

constexpr int kVar = -1;

// --- operand kinds ---

// What an operand field holds.
enum class OperandKind : uint8_t {
  Unused,       // past the fields of the format
  Slot,         // one frame slot, live below the instruction's stack operands
  Base,         // the first of a run of slots whose extent the doc line gives: a
                // call's function and arguments, a loop's state, the values
                // returned, concatenated or stored by SETLIST
  Level,        // a stack depth at most the current one: the slots from it up
  Constant,     // K[x]
  KString,      // K[x], a string: the name of a field or method (handlers do
                // not rely on the type; names in messages do)
  Upvalue,      // U[x]
  Proto,        // nested prototype x
  Jump,         // sAx: to pc + 1 + sAx (counted from the next instruction)
  JumpForward,  // B: to pc + 1 + B
  JumpBack,     // B: to pc + 1 - B
  Count,        // a number of values
  CountPlus1,   // one more than a number of values; 0: a number known at run
                // time (all the results, all the extra arguments, or the
                // values up to the stack top)
  CountOrTop,   // a number of values; 0: the values up to the stack top
  Immediate,    // an integer used as it is (a value, a size hint, an index)
};

constexpr bool isJumpKind(OperandKind k) {
  return k == OperandKind::Jump || k == OperandKind::JumpForward || k == OperandKind::JumpBack;
}

// The field lists of each format, spelt in the table as `format, (kinds)`.
#define TYCHO_FIELDS_None() {OperandKind::Unused, OperandKind::Unused, OperandKind::Unused}
#define TYCHO_FIELDS_Ax(ax) {OperandKind::ax, OperandKind::Unused, OperandKind::Unused}
#define TYCHO_FIELDS_sAx(sax) {OperandKind::sax, OperandKind::Unused, OperandKind::Unused}
#define TYCHO_FIELDS_AB(a, b) {OperandKind::a, OperandKind::b, OperandKind::Unused}
#define TYCHO_FIELDS_ABC(a, b, c) {OperandKind::a, OperandKind::b, OperandKind::c}

// --- flags ---

using OpFlags = uint16_t;
constexpr OpFlags kCallsCode = 1 << 0;           // may call a function or a metamethod, Lua or
                                                 // native: the stack may move, a yield may
                                                 // interrupt it (Coroutine.cpp finishInstruction)
constexpr OpFlags kRaisesError = 1 << 1;         // may raise an error
constexpr OpFlags kAllocates = 1 << 2;           // may allocate, so may run a collection step
constexpr OpFlags kPollsOnBackJump = 1 << 3;     // a backward jump polls for requested work
                                                 // (Vm.hpp servicePoll: finalizers, "interrupted!")
                                                 // and counts down the loop counter (JitHooks.hpp)
constexpr OpFlags kBranches = 1 << 4;            // goes on to the next instruction or to its jump target
constexpr OpFlags kJumps = 1 << 5;               // always goes to its jump target
constexpr OpFlags kReturns = 1 << 6;             // leaves the function: no successor
constexpr OpFlags kReadsExtraArg = 1 << 7;       // the next word is its EXTRAARG operand, not an instruction
constexpr OpFlags kCompletesSetLocal = 1 << 8;   // the SETLOCAL right after it is done by its handler
constexpr OpFlags kCompletesJmpF = 1 << 9;       // the JMPF right after it is decided by its handler
constexpr OpFlags kStackBookkeeping = 1 << 10;   // only moves the stack top; Lua has no such
                                                 // instruction, and hooks do not see it
constexpr OpFlags kRecordsFeedback = 1 << 11;    // the interpreter writes its Proto::feedback
                                                 // entry (feedbackKind below says what)

// What may happen is cumulative: an allocation may fail with an error, and
// code that the instruction calls may do anything.
constexpr OpFlags kMayAllocate = kAllocates | kRaisesError;
constexpr OpFlags kMayCall = kCallsCode | kMayAllocate;
// A field read or write with a constant key, through the inline cache that
// its feedback entry holds.
constexpr OpFlags kCachedField = kMayCall | kRecordsFeedback;

constexpr TagMethod kNoEvent = TM_N;

// --- the table ---

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
// below says which field holds which operand).
//
// Flavours that complete the next instruction, chosen by the code generator
// (CodeGen.cpp chooseCompletingForms) where that instruction follows, so
// that no handler looks at the next instruction at run time: a comparison
// followed by JMPF has a jump flavour (suffix _J) whose handler decides the
// jump, and the arithmetic operators whose result most often goes into a
// local (ADD and SUB, by the pair frequencies of scripts/opcode-pairs.py)
// have a flavour (suffix _SET) whose handler stores it there. The verifier
// checks that the JMPF or SETLOCAL is there; it stays an instruction of its
// own for everything else (analysis, a jump landing on it, hooks).
#define TYCHO_BINARY_FORMS(X, name, suffix, sym, event, flags, then)                                      \
  X(name##suffix,     None, (),               2, 1, flags, event, "a b -> a " sym " b" then)               \
  X(name##_L##suffix,  Ax,   (Slot),           1, 1, flags, event, "a -> a " sym " slot Ax" then)           \
  X(name##_K##suffix,  Ax,   (Constant),       1, 1, flags, event, "a -> a " sym " K[Ax]" then)             \
  X(name##_LL##suffix, AB,   (Slot, Slot),     0, 1, flags, event, "push slot A " sym " slot B" then)       \
  X(name##_LK##suffix, AB,   (Slot, Constant), 0, 1, flags, event, "push slot A " sym " K[B]" then)         \
  X(name##_LS##suffix, Ax,   (Slot),           1, 1, flags, event, "b -> slot Ax " sym " b" then)           \
  X(name##_KS##suffix, Ax,   (Constant),       1, 1, flags, event, "b -> K[Ax] " sym " b" then)
#define TYCHO_ARITH_FORMS(X, name, sym, event) \
  TYCHO_BINARY_FORMS(X, name, , sym, event, kMayCall | kRecordsFeedback, "")
#define TYCHO_ARITH_SET_FORMS(X, name, sym, event) \
  TYCHO_BINARY_FORMS(X, name, _SET, sym, event, kMayCall | kCompletesSetLocal | kRecordsFeedback, "; the SETLOCAL after it")
#define TYCHO_COMPARE_FORMS(X, name, sym, event) \
  TYCHO_BINARY_FORMS(X, name, , sym, event, kMayCall | kRecordsFeedback, "")
#define TYCHO_COMPARE_JUMP_FORMS(X, name, sym, event) \
  TYCHO_BINARY_FORMS(X, name, _J, sym, event, kMayCall | kCompletesJmpF | kRecordsFeedback, "; the JMPF after it")

#define TYCHO_ARITH_OPS(F, X)                                                                   \
  F(X, ADD, "+", TM_ADD) F(X, SUB, "-", TM_SUB) F(X, MUL, "*", TM_MUL) F(X, MOD, "%", TM_MOD)   \
  F(X, POW, "^", TM_POW) F(X, DIV, "/", TM_DIV) F(X, IDIV, "//", TM_IDIV)                       \
  F(X, BAND, "&", TM_BAND) F(X, BOR, "|", TM_BOR) F(X, BXOR, "~", TM_BXOR)                      \
  F(X, SHL, "<<", TM_SHL) F(X, SHR, ">>", TM_SHR)

// The operators with a _SET flavour (in TYCHO_ARITH_OPS' order).
#define TYCHO_ARITH_SET_OPS(F, X) F(X, ADD, "+", TM_ADD) F(X, SUB, "-", TM_SUB)

// GT and GE are evaluated as b < a and b <= a (§3.4.4), NE as not (a == b).
#define TYCHO_COMPARE_OPS(F, X)                                                                 \
  F(X, EQ, "==", TM_EQ) F(X, NE, "~=", TM_EQ) F(X, LT, "<", TM_LT) F(X, LE, "<=", TM_LE)        \
  F(X, GT, ">", TM_LT) F(X, GE, ">=", TM_LE)

// Offsets of the operand forms from the plain operator.
enum BinaryForm : uint8_t { kFormStack, kFormL, kFormK, kFormLL, kFormLK, kFormLS, kFormKS, kNumBinaryForms };

#define TYCHO_OPCODES(X)                                                                                             \
  X(NIL,          Ax,   (Count),                   0, kVar, 0, kNoEvent,          "push Ax nils")                   \
  X(TRUE,         None, (),                        0, 1,    0, kNoEvent,          "push true")                      \
  X(FALSE,        None, (),                        0, 1,    0, kNoEvent,          "push false")                     \
  X(INT,          sAx,  (Immediate),               0, 1,    0, kNoEvent,          "push the integer sAx")           \
  X(K,            Ax,   (Constant),                0, 1,    0, kNoEvent,          "push K[Ax]")                     \
  X(GETLOCAL,     Ax,   (Slot),                    0, 1,    0, kNoEvent,          "push slot Ax")                   \
  X(PUSH_LL,      AB,   (Slot, Slot),              0, 2,    0, kNoEvent,          "push slot A, then slot B")       \
  X(PUSH_UL,      AB,   (Upvalue, Slot),           0, 2,    0, kNoEvent,          "push U[A], then slot B")         \
  X(SETLOCAL,     Ax,   (Slot),                    1, 0,    0, kNoEvent,          "pop into slot Ax")               \
  X(GETUPVAL,     Ax,   (Upvalue),                 0, 1,    0, kNoEvent,          "push U[Ax]")                     \
  X(GETUPVAL_UNDER, Ax, (Upvalue),                 1, 2,    0, kNoEvent,                                            \
    "k -> U[Ax] k (an upvalue table fetched after its key's code)")                                                 \
  X(SETUPVAL,     Ax,   (Upvalue),                 1, 0,    0, kNoEvent,          "pop into U[Ax]")                 \
  X(GETTABUP,     AB,   (Upvalue, KString),        0, 1,    kCachedField, TM_INDEX,                                 \
    "push U[A][K[B]] (K[B] a string; globals through _ENV)")                                                        \
  X(SETTABUP,     AB,   (Upvalue, KString),        1, 0,    kCachedField, TM_NEWINDEX, "U[A][K[B]] = pop")          \
  X(GETTABLE,     None, (),                        2, 1,    kMayCall, TM_INDEX,    "t k -> t[k]")                   \
  X(GETFIELD,     Ax,   (KString),                 1, 1,    kCachedField, TM_INDEX,                                 \
    "t -> t[K[Ax]] (K[Ax] a string)")                                                                               \
  X(GETFIELD_L,   AB,   (Slot, KString),           0, 1,    kCachedField, TM_INDEX,                                 \
    "push slot A [K[B]] (K[B] a string)")                                                                           \
  X(GETTABLE_L,   Ax,   (Slot),                    1, 1,    kMayCall, TM_INDEX,    "t -> t[slot Ax]")               \
  X(GETTABLE_LS,  Ax,   (Slot),                    1, 1,    kMayCall, TM_INDEX,    "k -> slot Ax [k]")              \
  X(GETTABLE_US,  Ax,   (Upvalue),                 1, 1,    kMayCall, TM_INDEX,    "k -> U[Ax][k]")                 \
  X(SETTABLE,     None, (),                        3, 0,    kMayCall, TM_NEWINDEX, "t k v -> ; t[k] = v")           \
  X(SETTABLE_LS,  Ax,   (Slot),                    2, 0,    kMayCall, TM_NEWINDEX, "k v -> ; slot Ax [k] = v")      \
  X(SETTABLE_SL,  Ax,   (Slot),                    2, 0,    kMayCall, TM_NEWINDEX, "t v -> ; t[slot Ax] = v")       \
  X(SETFIELD,     Ax,   (KString),                 2, 0,    kCachedField, TM_NEWINDEX, "t v -> ; t[K[Ax]] = v")     \
  X(SETINDEXAT,   AB,   (Slot, Slot),              1, 0,    kMayCall, TM_NEWINDEX, "slot A [slot B] = pop")         \
  X(SETKEYAT,     Ax,   (Slot),                    2, 0,    kMayAllocate, kNoEvent,                                 \
    "k v -> ; slot Ax [k] = v (table constructors)")                                                                \
  X(SETFIELDAT,   AB,   (Slot, KString),           1, 0,    kCachedField, TM_NEWINDEX, "slot A [K[B]] = pop")       \
  X(GETINDEX_LL,  AB,   (Slot, Slot),              0, 1,    kMayCall, TM_INDEX,    "push slot A [slot B]")          \
  X(GETINDEX_LI,  AB,   (Slot, Immediate),         0, 1,    kMayCall, TM_INDEX,                                     \
    "push slot A [B] (B a non-negative integer)")                                                                   \
  X(SETINDEX_LLL, ABC,  (Slot, Slot, Slot),        0, 0,    kMayCall, TM_NEWINDEX, "slot A [slot B] = slot C")      \
  X(SETINDEX_LLK, ABC,  (Slot, Slot, Constant),    0, 0,    kMayCall, TM_NEWINDEX, "slot A [slot B] = K[C]")        \
  X(SETFIELD_LKL, ABC,  (Slot, KString, Slot),     0, 0,    kCachedField, TM_NEWINDEX, "slot A [K[B]] = slot C")    \
  X(SETFIELD_LKK, ABC,  (Slot, KString, Constant), 0, 0,    kCachedField, TM_NEWINDEX, "slot A [K[B]] = K[C]")      \
  X(POP,          Ax,   (Count),                   kVar, 0, kStackBookkeeping, kNoEvent, "pop Ax values")           \
  X(SETTOP,       Ax,   (Level),                   kVar, 0, kStackBookkeeping, kNoEvent,                            \
    "drop every value above slot Ax-1 (a goto target)")                                                             \
  X(NEWTABLE,     AB,   (Immediate, Immediate),    0, 1,    kMayAllocate, kNoEvent,                                 \
    "push a new table; A = hash size hint, B = array size hint")                                                    \
  X(SETLIST,      AB,   (Base, CountOrTop),        kVar, 0, kMayAllocate | kReadsExtraArg, kNoEvent,                \
    "slot A [EXTRAARG + i] = slot A+1+i for B values (B = 0: to top)")                                              \
  X(SELF,         Ax,   (KString),                 1, 2,    kCachedField, TM_INDEX, "o -> o[K[Ax]] o (method lookup)") \
  TYCHO_ARITH_OPS(TYCHO_ARITH_FORMS, X)                                                                             \
  X(UNM,          None, (),                        1, 1,    kMayCall, TM_UNM,      "a -> -a")                       \
  X(BNOT,         None, (),                        1, 1,    kMayCall, TM_BNOT,     "a -> ~a")                       \
  X(NOT,          None, (),                        1, 1,    0, kNoEvent,           "a -> not a")                    \
  X(LEN,          None, (),                        1, 1,    kMayCall, TM_LEN,      "a -> #a")                       \
  X(LEN_L,        Ax,   (Slot),                    0, 1,    kMayCall, TM_LEN,      "push #slot Ax")                 \
  X(CONCAT,       AB,   (Base, Count),             kVar, 1, kMayCall, TM_CONCAT,                                    \
    "concatenate the B values from slot A up into one, at slot A")                                                  \
  TYCHO_COMPARE_OPS(TYCHO_COMPARE_FORMS, X)                                                                         \
  TYCHO_COMPARE_OPS(TYCHO_COMPARE_JUMP_FORMS, X)                                                                    \
  TYCHO_ARITH_SET_OPS(TYCHO_ARITH_SET_FORMS, X)                                                                     \
  X(JMP,          sAx,  (Jump),                    0, 0,    kJumps | kPollsOnBackJump, kNoEvent, "pc += sAx")       \
  X(JMPF,         sAx,  (Jump),                    1, 0,    kBranches | kPollsOnBackJump, kNoEvent,                 \
    "pop; jump by sAx if it was false or nil")                                                                      \
  X(JMPT,         sAx,  (Jump),                    1, 0,    kBranches | kPollsOnBackJump, kNoEvent,                 \
    "pop; jump by sAx if it was neither false nor nil")                                                             \
  X(ANDJ,         sAx,  (Jump),                    kVar, 0, kBranches, kNoEvent,                                    \
    "if top is false or nil jump by sAx keeping it, else pop it")                                                   \
  X(ORJ,          sAx,  (Jump),                    kVar, 0, kBranches, kNoEvent,                                    \
    "if top is truthy jump by sAx keeping it, else pop it")                                                         \
  X(CALL,         AB,   (Base, CountPlus1),        kVar, kVar, kMayCall | kRecordsFeedback, TM_CALL,                \
    "call slot A with slots A+1..top; keep B-1 results (B = 0: all)")                                               \
  X(CALL_L,       ABC,  (Base, CountPlus1, Slot),  kVar, kVar, kMayCall | kRecordsFeedback, TM_CALL,                \
    "push slot C, then CALL A B")                                                                                   \
  X(TAILCALL,     Ax,   (Base),                    kVar, 0, kMayCall, TM_CALL,     "return slot Ax (slots Ax+1..top)") \
  X(RETURN,       AB,   (Base, CountPlus1),        kVar, 0, kMayCall | kReturns, TM_CLOSE,                          \
    "return B-1 values from slot A (B = 0: up to top)")                                                             \
  X(RETURN0,      None, (),                        0, 0,    kMayCall | kReturns, TM_CLOSE, "return no values")      \
  X(RETURN1,      None, (),                        1, 0,    kMayCall | kReturns, TM_CLOSE, "return the top value")  \
  X(RETURN1_L,    Ax,   (Slot),                    0, 0,    kMayCall | kReturns, TM_CLOSE, "return slot Ax")        \
  X(CLOSURE,      Ax,   (Proto),                   0, 1,    kMayAllocate, kNoEvent, "push a closure of prototype Ax") \
  X(VARARG,       Ax,   (CountPlus1),              0, kVar, kMayAllocate, kNoEvent,                                 \
    "push Ax-1 extra arguments (Ax = 0: all of them)")                                                              \
  X(VARARGPREP,   Ax,   (Count),                   0, 0,    0, kNoEvent,                                            \
    "set up a vararg frame with Ax fixed parameters")                                                               \
  X(FORPREP,      AB,   (Base, JumpForward),       kVar, 1, kRaisesError | kBranches, kNoEvent,                     \
    "numeric for: slots A..A+2 = init, limit, step; push the control variable (slot A+3); "                        \
    "if the loop does not run, jump by B")                                                                          \
  X(FORLOOP,      AB,   (Base, JumpBack),          kVar, 0, kBranches | kPollsOnBackJump, kNoEvent,              \
    "numeric for: drop the values above slot A+3 (the body's locals); step; if the loop goes on, "                 \
    "set slot A+3 and jump back by B")                                                                              \
  X(TFORPREP,     AB,   (Base, JumpForward),       0, 0,    kMayAllocate | kJumps, kNoEvent,                        \
    "generic for: mark slot A+3 to be closed; jump by B")                                                           \
  X(TFORCALL,     AB,   (Base, Count),             kVar, kVar, kMayCall, TM_CALL,                                   \
    "generic for: slots A+4.. = slot A (slot A+1, slot A+2), B results")                                            \
  X(TFORLOOP,     AB,   (Base, JumpBack),          0, 0,    kBranches | kPollsOnBackJump, kNoEvent,                 \
    "generic for: if slot A+4 ~= nil, slot A+2 = slot A+4, jump back by B")                                         \
  X(CLOSE,        Ax,   (Level),                   0, 0,    kMayCall, TM_CLOSE,                                     \
    "close upvalues and to-be-closed variables at slots >= Ax")                                                     \
  X(TBC,          Ax,   (Slot),                    0, 0,    kMayAllocate, kNoEvent,                                 \
    "mark slot Ax as a to-be-closed variable")                                                                      \
  X(EXTRAARG,     Ax,   (Immediate),               0, 0,    kRaisesError, kNoEvent,                                 \
    "extra operand of the previous instruction")                                                                    \
  X(NOP,          None, (),                        0, 0,    0, kNoEvent,                                            \
    "nothing: stands for an instruction Lua has at this line (hooks)")

enum class OpFormat : uint8_t { None, Ax, sAx, AB, ABC };

enum Opcode : uint8_t {
#define TYCHO_OPCODE_ENUM(name, ...) OP_##name,
  TYCHO_OPCODES(TYCHO_OPCODE_ENUM)
#undef TYCHO_OPCODE_ENUM
  kNumOpcodes
};

struct OpInfo {
  const char* name;
  OpFormat format;
  OperandKind fields[3];  // in the format's order: Ax or sAx; A, B; A, B, C
  int8_t pops;
  int8_t pushes;
  OpFlags flags;
  TagMethod event;        // kNoEvent: none
  const char* doc;
};

inline constexpr OpInfo kOpInfo[] = {
#define TYCHO_OPCODE_INFO(name, format, fields, pops, pushes, flags, event, doc) \
  {#name, OpFormat::format, TYCHO_FIELDS_##format fields, pops, pushes, OpFlags(flags), event, doc},
  TYCHO_OPCODES(TYCHO_OPCODE_INFO)
#undef TYCHO_OPCODE_INFO
};

constexpr bool hasFlag(Opcode op, OpFlags flag) { return (kOpInfo[op].flags & flag) != 0; }
constexpr bool hasFixedEffect(Opcode op) { return kOpInfo[op].pops != kVar && kOpInfo[op].pushes != kVar; }

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

// Whether a return from a function with this code may have open upvalues or
// to-be-closed variables of its frame to close: only a closure it makes
// captures its slots, and only TBC and a generic for's TFORPREP mark one
// to be closed (Proto::returnWork).
inline bool codeMayClose(const Instruction* code, int n) {
  for (int i = 0; i < n; i++) {
    Opcode op = opcodeOf(code[i]);
    if (op == OP_CLOSURE || op == OP_TBC || op == OP_TFORPREP) return true;
  }
  return false;
}

// --- fields by their place in the table ---

constexpr int fieldCount(OpFormat f) {
  switch (f) {
    case OpFormat::None: return 0;
    case OpFormat::Ax: case OpFormat::sAx: return 1;
    case OpFormat::AB: return 2;
    case OpFormat::ABC: return 3;
  }
  return 0;
}

// The value of field `n` of instruction `i` (the order of OpInfo::fields),
// signed for sAx. The opcode must be a valid one.
constexpr int32_t fieldValue(Instruction i, int n) {
  switch (kOpInfo[opcodeOf(i)].format) {
    case OpFormat::Ax: return int32_t(argAx(i));
    case OpFormat::sAx: return argSAx(i);
    case OpFormat::AB: return int32_t(n == 0 ? argA(i) : argB(i));
    case OpFormat::ABC: return int32_t(n == 0 ? argA(i) : n == 1 ? argB8(i) : argC(i));
    case OpFormat::None: break;
  }
  return 0;
}

// The field of each opcode that holds a jump, or -1 (a table, as the
// analysis asks for every instruction).
inline constexpr auto kJumpFields = [] {
  std::array<int8_t, kNumOpcodes> fields{};
  for (int op = 0; op < kNumOpcodes; op++) {
    fields[std::size_t(op)] = -1;
    for (int n = 2; n >= 0; n--) {
      if (isJumpKind(kOpInfo[op].fields[n])) fields[std::size_t(op)] = int8_t(n);
    }
  }
  return fields;
}();
constexpr int jumpFieldOf(Opcode op) { return kJumpFields[op]; }

// The pc that instruction `i` at `pc` may jump to (its opcode has a jump
// field). Malformed code may give a target outside the code: callers check.
constexpr long jumpTarget(Instruction i, int pc) {
  int n = jumpFieldOf(opcodeOf(i));
  long distance = fieldValue(i, n);
  return long(pc) + 1 + (kOpInfo[opcodeOf(i)].fields[n] == OperandKind::JumpBack ? -distance : distance);
}

// Instruction `i` at `pc` (its opcode has a jump field) made to jump to
// `target` instead, which must be in the field's reach.
constexpr Instruction withJumpTarget(Instruction i, int pc, long target) {
  Opcode op = opcodeOf(i);
  int n = jumpFieldOf(op);
  long distance = target - (long(pc) + 1);
  if (kOpInfo[op].fields[n] == OperandKind::JumpBack) distance = -distance;
  return kOpInfo[op].format == OpFormat::sAx ? makeSAx(op, int32_t(distance)) : makeAB(op, argA(i), uint32_t(distance));
}

// --- facts that follow from the table's order ---

// The operand forms of the arithmetic and bitwise operators (with the _SET
// flavours).
constexpr bool isArithmeticSetOp(Opcode op) { return op >= OP_ADD_SET && op <= OP_SUB_KS_SET; }
constexpr bool isArithmeticOp(Opcode op) { return (op >= OP_ADD && op <= OP_SHR_KS) || isArithmeticSetOp(op); }
// The operand forms of the comparisons (with the _J flavours).
constexpr bool isComparisonOp(Opcode op) { return op >= OP_EQ && op <= OP_GE_KS_J; }
constexpr bool isBinaryOp(Opcode op) { return isArithmeticOp(op) || isComparisonOp(op); }
// The form of a binary operator's opcode, and its plain (stack) form in the
// same flavour.
constexpr BinaryForm binaryFormOf(Opcode op) {
  int first = isArithmeticSetOp(op) ? OP_ADD_SET : isArithmeticOp(op) ? OP_ADD : OP_EQ;
  return BinaryForm((int(op) - first) % kNumBinaryForms);
}
constexpr Opcode plainBinaryOp(Opcode op) { return Opcode(int(op) - int(binaryFormOf(op))); }
constexpr Opcode binaryOpInForm(Opcode plain, BinaryForm form) { return Opcode(int(plain) + int(form)); }

// The flavours: the one of a binary operator that pushes its result, and the
// one that completes the next instruction (op itself when it has none).
static_assert(OP_EQ_J - OP_EQ == OP_GE_KS - OP_EQ + 1, "the jump flavours follow the comparisons, in order");
static_assert(OP_SUB_KS_SET - OP_ADD_SET == OP_SUB_KS - OP_ADD && int(OP_SUB) == int(OP_ADD) + int(kNumBinaryForms),
              "the _SET flavours are ADD's and SUB's forms, in order");
constexpr Opcode pushingFlavour(Opcode op) {
  if (op >= OP_EQ_J && op <= OP_GE_KS_J) return Opcode(int(op) - (OP_EQ_J - OP_EQ));
  if (isArithmeticSetOp(op)) return Opcode(int(op) - (OP_ADD_SET - OP_ADD));
  return op;
}
constexpr Opcode completingFlavour(Opcode op) {
  if (op >= OP_EQ && op <= OP_GE_KS) return Opcode(int(op) + (OP_EQ_J - OP_EQ));
  if (op >= OP_ADD && op <= OP_SUB_KS) return Opcode(int(op) + (OP_ADD_SET - OP_ADD));
  return op;
}

// Which field holds each operand of a binary operator form (its kind, Slot
// or Constant, is the table's), or kOnStack: the operands on the stack are
// the instruction's `pops` top values, the left one below the right one.
constexpr int8_t kOnStack = -1;
struct BinaryFormInfo {
  int8_t left, right;
};
inline constexpr BinaryFormInfo kBinaryForms[kNumBinaryForms] = {
  /* stack */ {kOnStack, kOnStack},
  /* L     */ {kOnStack, 0},
  /* K     */ {kOnStack, 0},
  /* LL    */ {0, 1},
  /* LK    */ {0, 1},
  /* LS    */ {0, kOnStack},
  /* KS    */ {0, kOnStack},
};
// Each form names every field of its opcodes once, as a slot or a constant,
// and takes the rest of its operands from the stack, as the table's `pops`.
constexpr bool binaryFormsAgreeWithTable() {
  for (int op = 0; op < kNumOpcodes; op++) {
    if (!isBinaryOp(Opcode(op))) continue;
    const BinaryFormInfo& form = kBinaryForms[binaryFormOf(Opcode(op))];
    const OpInfo& info = kOpInfo[op];
    int onStack = (form.left == kOnStack) + (form.right == kOnStack);
    int fields = fieldCount(info.format);
    if (info.pops != onStack || fields != 2 - onStack) return false;
    if (fields == 2 && (form.left != 0 || form.right != 1)) return false;
    for (int n = 0; n < fields; n++) {
      if (info.fields[n] != OperandKind::Slot && info.fields[n] != OperandKind::Constant) return false;
    }
  }
  return true;
}
static_assert(binaryFormsAgreeWithTable(), "kBinaryForms and the opcode table disagree");

// The jumps by sAx: JMP and the conditional jumps (Lua's test-and-JMP pairs).
constexpr bool isJumpOp(Opcode op) { return kOpInfo[op].fields[0] == OperandKind::Jump; }
// A flavour that completes the next instruction (a _SET or _J flavour): that
// instruction, SETLOCAL or JMPF, is not dispatched. completedOpcode names it
// (the verifier checks that it follows), or is OP_NOP for other opcodes.
constexpr bool completesNext(Opcode op) { return hasFlag(op, kCompletesSetLocal | kCompletesJmpF); }
constexpr Opcode completedOpcode(Opcode op) {
  return hasFlag(op, kCompletesSetLocal) ? OP_SETLOCAL : hasFlag(op, kCompletesJmpF) ? OP_JMPF : OP_NOP;
}

// The calls that keep the caller's frame (CALL, and CALL_L which pushes its
// last argument first): their operands A and B, and their feedback, are the
// same.
constexpr bool isCallOp(Opcode op) { return op == OP_CALL || op == OP_CALL_L; }

// What the feedback entry of an instruction holds (runtime/Object.hpp
// Feedback), by the kind of opcode that records it: the node of a field
// instruction's constant key, the operand kinds of arithmetic and
// comparisons, the prototype a CALL called.
enum class FeedbackKind : uint8_t { None, FieldNode, OperandKinds, Callee };
constexpr FeedbackKind feedbackKind(Opcode op) {
  if (!hasFlag(op, kRecordsFeedback)) return FeedbackKind::None;
  if (isBinaryOp(op)) return FeedbackKind::OperandKinds;
  return isCallOp(op) ? FeedbackKind::Callee : FeedbackKind::FieldNode;
}

// --- the table checks itself ---

// Why the facts of `op` contradict each other or the formats, or nullptr.
// Checked for every opcode below at compile time; tests/unit/AnalysisTest.cpp
// names the opcode when one fails.
constexpr const char* opcodeFactsProblem(Opcode op) {
  const OpInfo& o = kOpInfo[op];
  int jumps = 0;
  for (int n = 0; n < 3; n++) {
    OperandKind k = o.fields[n];
    bool present = n < fieldCount(o.format);
    if (present == (k == OperandKind::Unused)) return "the field kinds do not match the format";
    if (!present) continue;
    bool signedField = o.format == OpFormat::sAx;
    if (signedField && k != OperandKind::Jump && k != OperandKind::Immediate) return "a signed field is neither a jump nor an integer";
    if (k == OperandKind::Jump && !signedField) return "a jump offset (sAx) in an unsigned field";
    if ((k == OperandKind::JumpForward || k == OperandKind::JumpBack) && !(o.format == OpFormat::AB && n == 1))
      return "a jump distance outside field B of format AB";
    // (CALL_L reads its slot before the call, where the depth is known: the
    // verifier checks it against that depth as for a fixed effect.)
    if (k == OperandKind::Slot && !hasFixedEffect(op) && op != OP_CALL_L)
      return "a Slot operand (live below the stack operands) in an opcode of variable stack effect: make it a Base";
    jumps += isJumpKind(k);
  }
  if (jumps > 1) return "more than one jump field";
  bool transfers = o.flags & (kBranches | kJumps);
  if ((jumps == 1) != transfers) return "a jump field without kBranches or kJumps, or the reverse";
  if ((o.flags & kBranches) && (o.flags & kJumps)) return "both kBranches and kJumps";
  if ((o.flags & kReturns) && transfers) return "kReturns with a jump";
  if ((o.flags & kPollsOnBackJump) && !transfers) return "kPollsOnBackJump without a jump";
  if ((o.flags & kCallsCode) && (o.flags & kMayCall) != kMayCall) return "code it calls may raise and allocate";
  if ((o.flags & kAllocates) && !(o.flags & kRaisesError)) return "an allocation may raise an error";
  if (o.event != kNoEvent && !(o.flags & kCallsCode)) return "a metamethod event without kCallsCode";
  // The interpreter's handlers complete the next instruction for exactly
  // these (SET_RESULT and JUMP_IF_FALSE in vm/Interpreter.cpp).
  if (bool(o.flags & kCompletesSetLocal) != isArithmeticSetOp(op)) return "kCompletesSetLocal is the _SET flavours'";
  if (bool(o.flags & kCompletesJmpF) != (isComparisonOp(op) && pushingFlavour(op) != op))
    return "kCompletesJmpF is the _J flavours'";
  if ((o.flags & kStackBookkeeping) && (o.flags != kStackBookkeeping || o.pushes != 0))
    return "stack bookkeeping only drops values";
  if ((o.flags & kRecordsFeedback) && !isBinaryOp(op) && !isCallOp(op)) {
    bool constantKey = false;
    for (OperandKind k : o.fields) constantKey = constantKey || k == OperandKind::KString;
    if (!constantKey) return "feedback is a binary operator's, CALL's, or a field's with a constant key";
  }
  return nullptr;
}
constexpr int firstInconsistentOpcode() {
  for (int op = 0; op < kNumOpcodes; op++) {
    if (opcodeFactsProblem(Opcode(op))) return op;
  }
  return kNumOpcodes;
}
static_assert(firstInconsistentOpcode() == kNumOpcodes, "an opcode's facts contradict each other (the number is its opcode)");

}  // namespace tycho

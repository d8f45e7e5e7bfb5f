// Analysis: what a function's bytecode does where it stands, computed once
// for every consumer (DESIGN.md decision 11).
//
// The opcode table (Opcodes.hpp) says what each opcode is; this file says
// what each instruction does at its place in the code. Two levels:
//
//   effectOf(i, pc, depth before)  one instruction: how many values it takes
//       from the top, the depth after it on each way out (falling through,
//       jumping), where it may jump, and which frame slots it replaces. The
//       table's stack effect (pops, pushes) decides for most opcodes; the
//       effects that depend on operands (NIL Ax, POP Ax, SETTOP, CALL,
//       RETURN, VARARG, FORPREP...) are written in Analysis.cpp, and nowhere
//       else.
//
//   CodeAnalysis(code, numParams)  the whole function: the stack depth
//       before every instruction, and the effect and the successors of each.
//
//   BasicBlocks(analysis)  the jump targets, the basic blocks and the loop
//       headers (apart, as only some consumers need them).
//
// Stack depths count the live slots from the frame base (slot 0 is the first
// parameter; locals, then the operand stack). A depth is one of:
//   Unreached  no path from the entry reaches the instruction: dead code, and
//              the EXTRAARG word that follows a SETLIST (an operand, not an
//              instruction);
//   Static(n)  exactly n slots are live;
//   Dynamic(b) slots below b are live, and from b up to the stack top lie
//              values whose number is known at run time only (the results of
//              a call with B = 0, `...` with Ax = 0); the instruction there
//              takes them (CALL, TAILCALL, or RETURN or SETLIST with B = 0);
//   Unknown    paths that reach the instruction disagree. In verified code
//              only CLOSE, SETTOP (which settles the depth) and JMP stand
//              there: the joins of goto labels.
//
// Trust: the results are exact for code the compiler made or the verifier
// accepted. For other code every index stays in range and the results are
// only bounded: a depth the arithmetic makes negative is Unknown, targets
// outside the code are not followed. The verifier (Verify.cpp) runs effectOf
// inside its own abstract interpretation, which keeps more than depths
// (to-be-closed, captured and table slots) and refuses what does not add up.
//
// Consumers: the verifier (effects, targets), VarInfo (the depths and
// written slots behind the names in error messages), and the JIT, which
// compiles per basic block, keeps a hotness counter per loop header, and
// knows the frame layout at each instruction from its depth.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "compiler/Opcodes.hpp"

namespace tycho {

struct Proto;

// The operand-stack depth before an instruction (see above).
struct StackDepth {
  enum Kind : uint8_t { kUnreached, kStatic, kDynamic, kUnknown };
  Kind kind = kUnreached;
  int slots = 0;  // Static: the live slots; Dynamic: the first slot of the dynamic values

  static constexpr StackDepth exactly(int n) { return {kStatic, n}; }
  static constexpr StackDepth openFrom(int b) { return {kDynamic, b}; }
  static constexpr StackDepth unknown() { return {kUnknown, 0}; }
  constexpr bool isStatic() const { return kind == kStatic; }
  constexpr bool operator==(const StackDepth&) const = default;
};

// The frame slots [lo, hi) whose values an instruction replaces: its pushes,
// stores into locals, a call's frame. hi = kAllSlots: every slot from lo up.
constexpr int kAllSlots = 1 << 30;
struct SlotRange {
  int lo = 0;
  int hi = 0;
  constexpr bool empty() const { return lo >= hi; }
  constexpr bool contains(int slot) const { return slot >= lo && slot < hi; }
};

// What one instruction does, given the depth before it. Static depths are
// the arithmetic's: in malformed code they may be negative or larger than the
// frame (the verifier refuses those; CodeAnalysis counts them Unknown).
struct InstructionEffect {
  int pops = 0;              // values taken from the top of a static stack, which must be
                             // there: the table's pops, POP's count, the value ANDJ/ORJ test
  int nextPc = -1;           // where control falls through: pc + 1, or pc + 2 past an
                             // EXTRAARG word; -1 when it does not (jumps, returns)
  StackDepth next;           // the depth at nextPc
  bool hasTarget = false;    // it may jump (it has a jump field)
  long target = 0;           // where to; malformed code may name a pc outside the code
  StackDepth targetDepth;    // the depth there
  SlotRange writes;          // the slots it replaces
};

InstructionEffect effectOf(Instruction i, int pc, StackDepth before);

// Does `i` take the values up to the stack top, from a slot its operands
// name: CALL and TAILCALL (the arguments), RETURN and SETLIST with B = 0?
// Only such an instruction may stand where the depth is Dynamic.
bool takesValuesToTop(Instruction i);

// The analysis of one function's code: the depth before each instruction,
// and from it each instruction's effect and successors. It reads the code
// it was made for, which must outlive it (as a string_view its string).
class CodeAnalysis {
 public:
  // The code of a function with `numParams` fixed parameters (the depth at
  // its entry).
  CodeAnalysis(std::span<const Instruction> code, int numParams);
  explicit CodeAnalysis(const Proto& p);

  int size() const { return int(code_.size()); }
  std::span<const Instruction> code() const { return code_; }
  StackDepth depthBefore(int pc) const { return depth_[size_t(pc)]; }
  // The depth before pc when it is static, else -1 (also for pc outside the code).
  int staticDepth(int pc) const;
  bool reachable(int pc) const { return depth_[size_t(pc)].kind != StackDepth::kUnreached; }
  // The effect of the instruction at pc from the depth before it (from an
  // Unknown one where it is Unreached).
  InstructionEffect effect(int pc) const { return effectOf(code_[size_t(pc)], pc, depth_[size_t(pc)]); }
  // The slots it writes (its effect's), kept from the pass: names in
  // messages scan them for every instruction before the one that failed.
  SlotRange writes(int pc) const { return writes_[size_t(pc)]; }

  // Where control may go after pc, within the code: the next instruction run
  // when it does not jump, and its jump target; -1 for none.
  struct Successors {
    int fallThrough = -1;
    int target = -1;
  };
  Successors successors(int pc) const;

 private:
  std::span<const Instruction> code_;
  std::vector<StackDepth> depth_;
  std::vector<SlotRange> writes_;  // empty for unreachable instructions
};

// A run of instructions that control enters only at its first and leaves
// only after its last (or by an error): [start, end).
struct BasicBlock {
  int start = 0;
  int end = 0;
  bool reachable = false;
  bool loopHeader = false;  // the target of a backward jump: the first instruction of a loop
};

// The basic blocks of analysed code, cut at the leaders: the entry, every
// jump target of a reachable instruction, and whatever follows a jump or a
// return. They cover the code, in order; unreachable code has blocks of its
// own (the EXTRAARG word of a SETLIST stays in the SETLIST's block).
class BasicBlocks {
 public:
  explicit BasicBlocks(const CodeAnalysis& code);

  const std::vector<BasicBlock>& all() const { return blocks_; }
  // The index in all() of the block that holds pc.
  int blockOf(int pc) const { return blockOf_[size_t(pc)]; }
  // The target of a jump of a reachable instruction.
  bool isJumpTarget(int pc) const { return (marks_[size_t(pc)] & kTargetMark) != 0; }
  // The first instruction of a block.
  bool isLeader(int pc) const { return (marks_[size_t(pc)] & kLeaderMark) != 0; }
  // The target of a backward jump of a reachable instruction.
  bool isLoopHeader(int pc) const { return (marks_[size_t(pc)] & kLoopMark) != 0; }

 private:
  static constexpr uint8_t kTargetMark = 1, kLeaderMark = 2, kLoopMark = 4;

  std::vector<uint8_t> marks_;
  std::vector<BasicBlock> blocks_;
  std::vector<int> blockOf_;
};

}  // namespace tycho

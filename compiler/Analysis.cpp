// Analysis: stack effects, depths, successors and basic blocks (see
// Analysis.hpp).
//
// The depths are a forward pass over the code with a work list: the entry
// has the function's fixed parameters, every instruction passes its effect
// to its successors, the first depth that reaches an instruction is kept and
// a different one makes it Unknown. A depth changes at most twice (from
// Unreached, then to Unknown), so the pass ends after at most two visits per
// instruction. BasicBlocks then cuts the code at the leaders: the entry,
// every jump target, and whatever follows a jump or a return.
#include "compiler/Analysis.hpp"

#include "runtime/Object.hpp"

namespace tycho {

namespace {

// The slots [lo, hi); none when malformed code makes lo negative.
constexpr SlotRange slotsBetween(long lo, long hi) {
  if (lo < 0) return {};
  return {int(lo), int(hi > kAllSlots ? kAllSlots : hi)};
}

// The effects that depend on operands: those of every opcode whose stack
// effect the table gives as kVar, and the slots that some opcodes of fixed
// effect write where their operands say. `e` holds the table's part of the
// effect on entry. Returns false for the other opcodes: the static_assert
// below turns an opcode added with kVar but no case here into a compile
// error rather than a guess.
[[gnu::always_inline]] constexpr bool addOperandEffects(Instruction i, StackDepth before, InstructionEffect& e) {
  bool known = before.isStatic();
  long d = before.slots;
  auto relative = [&](long n) { return known ? StackDepth::exactly(int(d + n)) : StackDepth::unknown(); };
  long a = argA(i), b = argB(i), ax = argAx(i);
  switch (opcodeOf(i)) {
    case OP_NIL:
      e.next = relative(ax);
      if (known) e.writes = slotsBetween(d, d + ax);
      return true;
    case OP_POP:
      e.pops = int(ax);
      e.next = relative(-ax);
      return true;
    case OP_SETTOP: e.next = StackDepth::exactly(int(ax)); return true;
    case OP_SETLIST: e.next = StackDepth::exactly(int(a + 1)); return true;
    case OP_CONCAT:  // the result replaces the first value
      e.next = StackDepth::exactly(int(a + 1));
      e.writes = slotsBetween(a, a + 1);
      return true;
    case OP_ANDJ: case OP_ORJ:  // the jump keeps the tested value, falling through pops it
      e.pops = 1;
      e.next = relative(-1);
      e.targetDepth = relative(0);
      return true;
    case OP_CALL: case OP_CALL_L: {  // the callee's frame, then its results, from the function slot up
      long count = fieldValue(i, 1);  // B: 16 bits in CALL's format, 8 in CALL_L's
      e.next = count > 0 ? StackDepth::exactly(int(a + count - 1)) : StackDepth::openFrom(int(a));
      e.writes = slotsBetween(a, kAllSlots);
      return true;
    }
    case OP_TAILCALL:  // goes on only when a native callee yields: its results on top
      e.next = StackDepth::openFrom(int(ax));
      e.writes = slotsBetween(ax, kAllSlots);
      return true;
    case OP_RETURN: return true;  // control leaves
    case OP_VARARG:
      if (ax > 0) {
        e.next = relative(ax - 1);
        if (known) e.writes = slotsBetween(d, d + ax - 1);
      } else {
        e.next = known ? StackDepth::openFrom(int(d)) : StackDepth::unknown();
        if (known) e.writes = slotsBetween(d, kAllSlots);
      }
      return true;
    case OP_FORPREP:  // both ways push the control variable
      e.next = e.targetDepth = StackDepth::exactly(int(a + 4));
      e.writes = slotsBetween(a, a + 4);
      return true;
    case OP_TFORCALL:  // the iterator's copy and call at A+4.., then B results there
      e.next = StackDepth::exactly(int(a + 4 + b));
      e.writes = slotsBetween(a + 4, kAllSlots);
      return true;
    case OP_SETLOCAL: e.writes = slotsBetween(ax, ax + 1); return true;
    case OP_FORLOOP:  // the body's values dropped; the loop state and the control variable written
      e.pops = known && d > a + 4 ? int(d - a - 4) : 0;
      e.next = e.targetDepth = StackDepth::exactly(int(a + 4));
      e.writes = slotsBetween(a, a + 4);
      return true;
    case OP_TFORLOOP: e.writes = slotsBetween(a + 2, a + 3); return true;  // the control value
    default: return false;
  }
}

constexpr bool coversVariableEffects() {
  for (int op = 0; op < kNumOpcodes; op++) {
    InstructionEffect e;
    if (!hasFixedEffect(Opcode(op)) && !addOperandEffects(makeNone(Opcode(op)), StackDepth::exactly(0), e)) return false;
  }
  return true;
}
static_assert(coversVariableEffects(), "an opcode of variable stack effect (kVar) has no case in addOperandEffects");

// The body of effectOf, inline into the pass over a whole function.
[[gnu::always_inline]] inline InstructionEffect computeEffect(Instruction i, int pc, StackDepth before) {
  InstructionEffect e;
  Opcode op = opcodeOf(i);
  if (op >= kNumOpcodes) return e;  // no successor: the walk of malformed code stops here
  const OpInfo& info = kOpInfo[op];
  bool known = before.isStatic();
  long d = before.slots;
  if (hasFixedEffect(op)) {
    // The results replace the stack operands.
    e.pops = info.pops;
    e.next = known ? StackDepth::exactly(int(d - info.pops + info.pushes)) : StackDepth::unknown();
    if (known && info.pushes > 0) e.writes = slotsBetween(d - info.pops, d - info.pops + info.pushes);
  }
  addOperandEffects(i, before, e);
  if (jumpFieldOf(op) >= 0) {
    e.hasTarget = true;
    e.target = jumpTarget(i, pc);
    // A jump leaves the stack as falling through does, unless said above.
    if (e.targetDepth.kind == StackDepth::kUnreached) e.targetDepth = e.next;
  }
  // A stray EXTRAARG (not a SETLIST's operand) raises an error.
  if (hasFlag(op, kJumps | kReturns) || op == OP_EXTRAARG) {
    e.next = {};
  } else {
    e.nextPc = pc + (hasFlag(op, kReadsExtraArg) ? 2 : 1);
  }
  return e;
}

}  // namespace

InstructionEffect effectOf(Instruction i, int pc, StackDepth before) { return computeEffect(i, pc, before); }

bool takesValuesToTop(Instruction i) {
  switch (opcodeOf(i)) {
    case OP_CALL: case OP_TAILCALL: return true;
    case OP_RETURN: case OP_SETLIST: return argB(i) == 0;
    default: return false;
  }
}

// --- CodeAnalysis ---

CodeAnalysis::CodeAnalysis(std::span<const Instruction> code, int numParams) : code_(code) {
  size_t n = code.size();
  depth_.assign(n, StackDepth{});
  writes_.assign(n, SlotRange{});
  std::vector<int> work;
  auto reach = [&](long pc, StackDepth d) {
    if (pc < 0 || pc >= long(n)) return;
    if (d.kind == StackDepth::kUnreached || (d.isStatic() && d.slots < 0)) d = StackDepth::unknown();
    StackDepth& at = depth_[size_t(pc)];
    if (at == d || at.kind == StackDepth::kUnknown) return;
    at = at.kind == StackDepth::kUnreached ? d : StackDepth::unknown();
    work.push_back(int(pc));
  };
  reach(0, StackDepth::exactly(numParams));
  while (!work.empty()) {
    int pc = work.back();
    work.pop_back();
    // A revisit (the depth became Unknown) replaces what the first one found.
    InstructionEffect e = computeEffect(code[size_t(pc)], pc, depth_[size_t(pc)]);
    writes_[size_t(pc)] = e.writes;
    if (e.nextPc >= 0) reach(e.nextPc, e.next);
    if (e.hasTarget) reach(e.target, e.targetDepth);
  }
}

CodeAnalysis::CodeAnalysis(const Proto& p)
    : CodeAnalysis(std::span<const Instruction>(p.code, size_t(p.codeSize > 0 ? p.codeSize : 0)), p.numParams) {}

int CodeAnalysis::staticDepth(int pc) const {
  if (pc < 0 || pc >= size() || !depth_[size_t(pc)].isStatic()) return -1;
  return depth_[size_t(pc)].slots;
}

CodeAnalysis::Successors CodeAnalysis::successors(int pc) const {
  InstructionEffect e = effect(pc);
  Successors s;
  if (e.nextPc >= 0 && e.nextPc < size()) s.fallThrough = e.nextPc;
  if (e.hasTarget && e.target >= 0 && e.target < size()) s.target = int(e.target);
  return s;
}

// --- BasicBlocks ---

BasicBlocks::BasicBlocks(const CodeAnalysis& code) {
  int n = code.size();
  marks_.assign(size_t(n), 0);
  blockOf_.assign(size_t(n), 0);
  if (n == 0) return;
  marks_[0] |= kLeaderMark;
  for (int pc = 0; pc < n; pc++) {
    if (!code.reachable(pc)) continue;
    InstructionEffect e = code.effect(pc);
    if (e.hasTarget && e.target >= 0 && e.target < n) {
      uint8_t& mark = marks_[size_t(e.target)];
      mark |= kTargetMark | kLeaderMark;
      if (e.target <= pc) mark |= kLoopMark;
    }
    // What follows a jump or a return begins a block (unreachable code too).
    if (e.hasTarget || e.nextPc < 0) {
      int after = e.nextPc >= 0 ? e.nextPc : pc + 1;
      if (after < n) marks_[size_t(after)] |= kLeaderMark;
    }
  }
  for (int pc = 0; pc < n; pc++) {
    if (isLeader(pc)) blocks_.push_back({pc, pc, code.reachable(pc), isLoopHeader(pc)});
    blocks_.back().end = pc + 1;
    blockOf_[size_t(pc)] = int(blocks_.size()) - 1;
  }
}

}  // namespace tycho

// Verify: abstract interpretation of bytecode (see Verify.hpp).
//
// The state before an instruction is the shape of the operand stack and four
// sets of frame slots:
//   Static(d)    exactly d slots are live;
//   Dynamic(b)   slots below b are live, and a dynamic number of values
//                (results of an open call, `...`) lies from b up to the top;
//   Range(l, h)  paths joining here disagree, between l and h slots: only
//                CLOSE, SETTOP (which settles the depth) and JMP may follow
//                (the code generator makes such joins at goto labels);
//   tbc          slots that may hold a pending to-be-closed variable;
//   open         slots that may have an open upvalue;
//   tables       slots that surely hold the table of a NEWTABLE, unchanged;
//   loops        slots A where a FORPREP A surely prepared A..A+2, unchanged.
// At a join, tbc and open are united and tables and loops intersected; the
// walk repeats until nothing changes. Sets only grow or shrink and depths only
// widen, so this terminates after a number of passes bounded by the frame size.
//
// States are kept only at entry points (pc 0 and jump targets); straight-line
// code in between is walked with one running state.
//
// What an instruction does to the depth, where control goes after it and
// which slots it replaces come from the shared analysis (Analysis.hpp
// effectOf); what its operands must satisfy, from their kinds in the opcode
// table (a slot live, a constant that exists...). What is left here, opcode
// by opcode, is what only the richer state above can tell (rules()).
#include "compiler/Verify.hpp"

#include <bitset>
#include <cstdio>
#include <string>
#include <vector>

#include "compiler/Analysis.hpp"
#include "compiler/CodeGen.hpp"
#include "compiler/Opcodes.hpp"
#include "compiler/Parser.hpp"
#include "runtime/State.hpp"

namespace tycho {

namespace {

constexpr int kMaxUpvalueCount = 255;  // LuaClosure::numUpvalues is 8 bits

using SlotSet = std::bitset<kMaxStackSlots + 1>;

enum class Shape : uint8_t { Unreached, Static, Dynamic, Range };

struct State {
  Shape shape = Shape::Unreached;
  int lo = 0;  // Static: the depth; Dynamic: the first dynamic slot; Range: the lowest depth
  int hi = 0;  // Range: the highest depth; otherwise equal to lo
  SlotSet tbc, open, tables, loops;
};

// The slots from `k` up (all of them for k <= 0).
SlotSet slotsFrom(int k) {
  if (k <= 0) return ~SlotSet();
  if (k > kMaxStackSlots) return SlotSet();
  return ~SlotSet() << size_t(k);
}
// The slots in [lo, hi).
SlotSet slotsBetween(int lo, int hi) { return slotsFrom(lo) & ~slotsFrom(hi); }

// The lowest slot in `set` (which is not empty).
int lowest(const SlotSet& set) {
  int i = 0;
  while (!set[size_t(i)]) i++;
  return i;
}

struct VerifyError {
  std::string reason;
};

class FunctionVerifier {
 public:
  explicit FunctionVerifier(const Proto* p) : p_(p), n_(p->codeSize) {}

  void run() {
    checkFields();
    findEntries();
    State start;
    start.shape = Shape::Static;
    start.lo = start.hi = p_->numParams;
    flowTo(0, start);
    while (!work_.empty()) {
      int entry = work_.back();
      work_.pop_back();
      queued_[size_t(entry)] = false;
      walk(entryPc_[size_t(entry)], states_[size_t(entry)]);
    }
  }

 private:
  // --- errors ---

  [[noreturn]] void fail(const std::string& why) const {
    char where[96];
    if (pc_ >= 0 && pc_ < n_) {
      std::snprintf(where, sizeof where, "function at line %d, pc %d (%s): ", p_->lineDefined, pc_,
                    opcodeOf(p_->code[pc_]) < kNumOpcodes ? kOpInfo[opcodeOf(p_->code[pc_])].name : "?");
    } else {
      std::snprintf(where, sizeof where, "function at line %d: ", p_->lineDefined);
    }
    throw VerifyError{where + why};
  }

  // --- the prototype's own fields ---

  void checkFields() {
    if (p_->maxStack > kMaxStackSlots) fail("frame size " + std::to_string(p_->maxStack) + " above the limit");
    if (p_->numParams > p_->maxStack) fail("more parameters than frame slots");
    if (p_->isVararg > 1) fail("bad vararg flag");
    if (p_->numUpvalues > kMaxUpvalueCount) fail("too many upvalues");
    if (n_ <= 0) fail("no code");
    if (p_->isVararg && opcodeOf(p_->code[0]) != OP_VARARGPREP) fail("vararg function does not start with VARARGPREP");
    for (int i = 0; i < p_->numLocals; i++) {
      const LocalVarInfo& l = p_->locals[i];
      // Only compared with pcs, the range may be empty; the slot is read by
      // debug functions, which still check it against the live stack.
      if (!l.name || l.startPc < 0 || l.startPc > n_ || l.endPc < 0 || l.endPc > n_ || l.slot < 0 || l.slot >= p_->maxStack)
        fail("bad local variable information");
    }
    for (int i = 0; i < p_->numProtos; i++) {
      const Proto* child = p_->protos[i];
      if (!child) fail("missing nested function");
      // How the child captures is checked against this frame at each CLOSURE;
      // statically, descriptors must at least fit this function.
      for (int j = 0; j < child->numUpvalues; j++) {
        const UpvalueDesc& u = child->upvalues[j];
        if (u.inStack ? u.index >= p_->maxStack : u.index >= p_->numUpvalues)
          fail("upvalue " + std::to_string(j) + " of nested function " + std::to_string(i) + " out of range");
      }
    }
    for (pc_ = 0; pc_ < n_; pc_++) {
      Opcode op = opcodeOf(p_->code[pc_]);
      if (op >= kNumOpcodes) fail("invalid opcode " + std::to_string(op));
      // A _SET or _J flavour completes the SETLOCAL or JMPF after it, which
      // its handler reads without looking (Opcodes.hpp).
      if (completesNext(op) && (pc_ + 1 >= n_ || opcodeOf(p_->code[pc_ + 1]) != completedOpcode(op)))
        fail(std::string(kOpInfo[op].name) + " without its " + kOpInfo[completedOpcode(op)].name + " after it");
    }
    pc_ = -1;
  }

  // Entry points: pc 0 and every in-range jump target of any instruction.
  void findEntries() {
    entryOf_.assign(size_t(n_), -1);
    auto add = [&](long pc) {
      if (pc < 0 || pc >= n_ || entryOf_[size_t(pc)] >= 0) return;
      entryOf_[size_t(pc)] = int(entryPc_.size());
      entryPc_.push_back(int(pc));
    };
    add(0);
    for (int pc = 0; pc < n_; pc++) {
      if (jumpFieldOf(opcodeOf(p_->code[pc])) >= 0) add(jumpTarget(p_->code[pc], pc));
    }
    states_.resize(entryPc_.size());
    queued_.assign(entryPc_.size(), false);
  }

  // --- joins ---

  // Control reaches `pc` with state `s` (from the current instruction).
  void flowTo(long pc, const State& s) {
    if (pc >= n_) fail("control falls off the end of the code");
    if (pc == 0 && p_->isVararg && pc_ >= 0) fail("jump back to VARARGPREP");
    int entry = entryOf_[size_t(pc)];
    if (entry < 0) {
      pending_ = int(pc);
      pendingState_ = s;
      return;
    }
    if (merge(states_[size_t(entry)], s) && !queued_[size_t(entry)]) {
      queued_[size_t(entry)] = true;
      work_.push_back(entry);
    }
  }

  // Merges `s` into `into`; true when `into` changed.
  bool merge(State& into, const State& s) {
    if (into.shape == Shape::Unreached) {
      into = s;
      return true;
    }
    bool changed = false;
    bool dynamicInto = into.shape == Shape::Dynamic, dynamicS = s.shape == Shape::Dynamic;
    if (dynamicInto || dynamicS) {
      if (!(dynamicInto && dynamicS && into.lo == s.lo)) fail("paths join with different stack shapes");
    } else if (into.lo != s.lo || into.hi != s.hi || into.shape != s.shape) {
      int lo = std::min(into.lo, s.lo), hi = std::max(into.hi, s.hi);
      Shape shape = lo == hi ? Shape::Static : Shape::Range;
      changed = lo != into.lo || hi != into.hi || shape != into.shape;
      into.lo = lo;
      into.hi = hi;
      into.shape = shape;
    }
    auto unite = [&](SlotSet& a, const SlotSet& b) {
      SlotSet u = a | b;
      if (u != a) {
        a = u;
        changed = true;
      }
    };
    auto intersect = [&](SlotSet& a, const SlotSet& b) {
      SlotSet x = a & b;
      if (x != a) {
        a = x;
        changed = true;
      }
    };
    unite(into.tbc, s.tbc);
    unite(into.open, s.open);
    intersect(into.tables, s.tables);
    intersect(into.loops, s.loops);
    return changed;
  }

  // Walks straight-line code from an entry point until control leaves it.
  void walk(int pc, State s) {
    for (;;) {
      pending_ = -1;
      pc_ = pc;
      step(s);
      if (pending_ < 0) return;
      pc = pending_;
      s = pendingState_;
    }
  }

  // --- the checks of one instruction ---

  void needConstant(uint32_t k) const {
    if (k >= uint32_t(p_->numConstants)) fail("constant " + std::to_string(k) + " out of range");
  }
  void needUpvalue(uint32_t u) const {
    if (u >= uint32_t(p_->numUpvalues)) fail("upvalue " + std::to_string(u) + " out of range");
  }
  // Slot `slot` must be below `limit` (the live slots the instruction may read).
  void needSlot(uint32_t slot, int limit) const {
    if (slot >= uint32_t(limit < 0 ? 0 : limit))
      fail("slot " + std::to_string(slot) + " is not live (" + std::to_string(limit) + " live slots)");
  }
  // Slot `slot` must hold the table of a NEWTABLE, unchanged since.
  void needNewTable(const State& s, uint32_t slot) const {
    if (!s.tables[slot]) fail("slot " + std::to_string(slot) + " does not hold a new table");
  }
  void setDepth(State& s, long d) const {
    if (d < 0) fail("stack underflow");
    if (d > p_->maxStack) fail("stack overflow (depth " + std::to_string(d) + ", frame " + std::to_string(p_->maxStack) + ")");
    s.shape = Shape::Static;
    s.lo = s.hi = int(d);
  }

  // The value in slots [lo, hi) was replaced: facts about them are void.
  static void written(State& s, int lo, int hi) {
    s.tables &= ~slotsBetween(lo, hi);
    s.loops &= ~slotsBetween(lo - 2, hi);  // a loop state A covers A..A+2
  }

  // Facts above the live slots are dropped; to-be-closed and captured slots
  // must not leave the stack without a CLOSE.
  void settle(State& s) const {
    s.tables &= ~slotsFrom(s.lo);
    s.loops &= ~slotsFrom(s.lo - 2);
    SlotSet dead = slotsFrom(s.shape == Shape::Range ? s.hi : s.lo);
    if ((s.tbc & dead).any()) fail("to-be-closed slot " + std::to_string(lowest(s.tbc & dead)) + " leaves the stack without CLOSE");
    if ((s.open & dead).any()) fail("captured slot " + std::to_string(lowest(s.open & dead)) + " leaves the stack without CLOSE");
  }

  // Calls take the slots from their function slot up: nothing there may be
  // a to-be-closed or captured variable.
  void needNothingPendingFrom(const State& s, int slot) const {
    if (((s.tbc | s.open) & slotsFrom(slot)).any()) fail("call over a to-be-closed or captured slot");
  }

  // `s` with the depth the analysis gives for one way out. An Unknown depth
  // (from a Range, through CLOSE or JMP) keeps the Range.
  State withDepth(State s, StackDepth d) const {
    if (d.kind == StackDepth::kStatic) {
      setDepth(s, d.slots);
    } else if (d.kind == StackDepth::kDynamic) {
      s.shape = Shape::Dynamic;
      s.lo = s.hi = d.slots;
    }
    return s;
  }

  void flowOn(long pc, State s) {
    settle(s);
    flowTo(pc, s);
  }
  void jumpTo(long target, State s) {
    settle(s);
    if (target < 0 || target >= n_) fail("jump to " + std::to_string(target) + ", out of the code");
    if (opcodeOf(p_->code[target]) == OP_EXTRAARG) fail("jump into an instruction's extra argument");
    flowTo(target, s);
  }

  // One instruction: its stack effect, successors and slot writes come from
  // the analysis (effectOf), the checks of its operands from their kinds in
  // the opcode table; the rules particular to an opcode follow (rules()).
  void step(const State& s) {
    Instruction i = p_->code[pc_];
    Opcode op = opcodeOf(i);

    // Shapes other than Static admit few instructions.
    if (s.shape == Shape::Dynamic) {
      if (!takesValuesToTop(i)) fail("open results not taken up by the next instruction");
    } else if (s.shape == Shape::Range) {
      if (op != OP_CLOSE && op != OP_SETTOP && op != OP_JMP) fail("stack depths differ on the paths that reach this instruction");
    }

    StackDepth before = s.shape == Shape::Static    ? StackDepth::exactly(s.lo)
                        : s.shape == Shape::Dynamic ? StackDepth::openFrom(s.lo)
                                                    : StackDepth::unknown();
    InstructionEffect e = effectOf(i, pc_, before);
    if (s.shape == Shape::Static && e.pops > s.lo) fail("stack underflow");
    checkOperands(i, s.lo - e.pops, s.lo);
    if (hasFlag(op, kReadsExtraArg) && (pc_ + 1 >= n_ || opcodeOf(p_->code[pc_ + 1]) != OP_EXTRAARG))
      fail(std::string(kOpInfo[op].name) + " without EXTRAARG");

    State next = s;
    if (!e.writes.empty()) written(next, e.writes.lo, e.writes.hi);
    rules(s, next, i);
    if (e.hasTarget) jumpTo(e.target, withDepth(next, e.targetDepth));
    // FORPREP falls through into its loop, whose state is then prepared
    // (FORLOOP requires it); its jump skips the loop.
    if (op == OP_FORPREP) next.loops.set(argA(i));
    if (e.nextPc >= 0) flowOn(e.nextPc, withDepth(next, e.next));
  }

  // The checks that an operand's kind implies: a slot live below the
  // instruction's stack operands (`slotLimit` slots), a level at most the
  // depth, constants, upvalues and nested functions that exist.
  void checkOperands(Instruction i, int slotLimit, int depth) const {
    const OpInfo& info = kOpInfo[opcodeOf(i)];
    for (int n = 0; n < fieldCount(info.format); n++) {
      uint32_t v = uint32_t(fieldValue(i, n));
      switch (info.fields[n]) {
        case OperandKind::Slot: needSlot(v, slotLimit); break;
        case OperandKind::Level:
          if (v > uint32_t(depth)) fail(std::string(info.name) + " above the stack top");
          break;
        case OperandKind::Constant: case OperandKind::KString: needConstant(v); break;
        case OperandKind::Upvalue: needUpvalue(v); break;
        case OperandKind::Proto:
          if (v >= uint32_t(p_->numProtos)) fail("nested function " + std::to_string(v) + " out of range");
          break;
        // Bases are checked by each opcode's rules, jumps where control
        // flows; counts and integers need nothing.
        default: break;
      }
    }
  }

  // The rules particular to an opcode: how the slots its Base operand
  // starts relate to the depth, and the facts of the richer state (tables,
  // loop states, to-be-closed and captured slots). `s` is the state before
  // the instruction, `next` the one after it on every way out.
  void rules(const State& s, State& next, Instruction i) {
    int d = s.lo;
    uint32_t a = argA(i), b = argB(i), ax = argAx(i);
    Opcode op = opcodeOf(i);
    switch (op) {
      case OP_SETKEYAT: needNewTable(s, ax); break;
      case OP_NEWTABLE: next.tables.set(size_t(d)); break;
      case OP_SETLIST:
        needSlot(a, s.lo);
        needNewTable(s, a);
        if (b > 0 && long(a) + 1 + long(b) > d) fail("SETLIST of values above the stack top");
        break;
      case OP_CONCAT:
        if (b < 1 || long(a) + long(b) != d) fail("CONCAT operands are not the top of the stack");
        break;
      case OP_CALL:
        needSlot(a, s.lo);
        needNothingPendingFrom(s, int(a));
        break;
      case OP_CALL_L:  // the function may be the slot it pushes
        needSlot(a, s.lo + 1);
        needNothingPendingFrom(s, int(a));
        break;
      case OP_TAILCALL:
        needSlot(ax, s.lo);
        if (s.tbc.any()) fail("tail call with pending to-be-closed variables");
        break;
      case OP_RETURN:
        if (b > 0) {
          if (long(a) + long(b) - 1 > d) fail("RETURN of values above the stack top");
        } else if (a > uint32_t(s.lo)) {
          fail("RETURN from above the stack top");
        }
        break;
      case OP_CLOSURE: {
        const Proto* child = p_->protos[ax];
        for (int j = 0; j < child->numUpvalues; j++) {
          const UpvalueDesc& u = child->upvalues[j];
          if (u.inStack) {
            needSlot(u.index, d + 1);  // d itself: a local function sees itself
            next.open.set(u.index);
          } else {
            needUpvalue(u.index);
          }
        }
        break;
      }
      case OP_VARARG:
        if (!p_->isVararg) fail("VARARG in a function without '...'");
        break;
      case OP_VARARGPREP:
        if (pc_ != 0 || !p_->isVararg || ax != p_->numParams) fail("VARARGPREP out of place");
        break;
      case OP_FORPREP:
        if (long(a) + 3 != d) fail("FORPREP state is not the top of the stack");
        break;
      case OP_FORLOOP:
        if (a > uint32_t(kMaxStackSlots) || !s.loops[a]) fail("FORLOOP without the state of its FORPREP");
        needSlot(a + 3, d);
        // It updates A..A+2 in place, keeping their types: the loop state
        // stays prepared (and no other may overlap it).
        next.loops.set(a);
        break;
      case OP_TFORPREP:
        needSlot(a + 3, d);
        tbc(next, int(a) + 3);
        break;
      case OP_TFORCALL:
        needSlot(a + 3, d);
        needNothingPendingFrom(s, int(a) + 4);
        // The call's copies of the iterator state may use the slack above
        // the frame that every call leaves (kExtraStack).
        if (long(a) + 7 > long(p_->maxStack) + kExtraStack) fail("TFORCALL too close to the frame's end");
        break;
      case OP_TFORLOOP: needSlot(a + 4, d); break;
      case OP_CLOSE:
        next.tbc &= ~slotsFrom(int(ax));
        next.open &= ~slotsFrom(int(ax));
        break;
      case OP_TBC: tbc(next, int(ax)); break;
      case OP_EXTRAARG: fail("EXTRAARG without SETLIST");
      default:
        // An opcode whose operand starts a run of slots needs rules of its
        // own above: one added to the table without them is refused rather
        // than trusted.
        for (OperandKind k : kOpInfo[op].fields) {
          if (k == OperandKind::Base) fail("unhandled opcode");
        }
        break;
    }
  }

  // Marks slot `slot` as a pending to-be-closed variable: above every other
  // one, as the closing code takes them newest first down to a level.
  void tbc(State& s, int slot) const {
    if ((s.tbc & slotsFrom(slot)).any()) fail("to-be-closed variables out of order");
    s.tbc.set(size_t(slot));
  }

  const Proto* p_;
  int n_;
  int pc_ = -1;                    // the instruction being checked (-1: none)
  std::vector<int> entryOf_;       // pc → entry index, or -1
  std::vector<int> entryPc_;       // entry index → pc
  std::vector<State> states_;      // entry index → state before it
  std::vector<bool> queued_;
  std::vector<int> work_;
  int pending_ = -1;               // fall-through to a non-entry pc
  State pendingState_;
};

void verifyTree(const Proto* p, int level) {
  if (level > kMaxSyntaxLevels) throw VerifyError{"functions nested too deeply"};
  FunctionVerifier(p).run();
  for (int i = 0; i < p->numProtos; i++) verifyTree(p->protos[i], level + 1);
}

}  // namespace

std::string verifyFunction(const Proto* p) {
  try {
    verifyTree(p, 1);
  } catch (VerifyError& e) {
    return e.reason;
  }
  return "";
}

}  // namespace tycho

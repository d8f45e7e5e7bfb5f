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
#include "compiler/Verify.hpp"

#include <bitset>
#include <cstdio>
#include <string>
#include <vector>

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
      if (opcodeOf(p_->code[pc_]) >= kNumOpcodes) fail("invalid opcode " + std::to_string(opcodeOf(p_->code[pc_])));
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

  int depth(const State& s) const { return s.lo; }

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
  void needDepth(const State& s, int n) const {
    if (depth(s) < n) fail("stack underflow");
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

  void fallThrough(State s) {
    settle(s);
    flowTo(long(pc_) + 1, s);
  }
  void jumpTo(long target, State s) {
    settle(s);
    if (target < 0 || target >= n_) fail("jump to " + std::to_string(target) + ", out of the code");
    if (opcodeOf(p_->code[target]) == OP_EXTRAARG) fail("jump into an instruction's extra argument");
    flowTo(target, s);
  }

  void step(State s) {
    Instruction i = p_->code[pc_];
    Opcode op = opcodeOf(i);
    const OpInfo& info = kOpInfo[op];

    // Shapes other than Static admit few instructions.
    if (s.shape == Shape::Dynamic) {
      bool takesTop = op == OP_CALL || op == OP_TAILCALL || ((op == OP_RETURN || op == OP_SETLIST) && argB(i) == 0);
      if (!takesTop) fail("open results not taken up by the next instruction");
    } else if (s.shape == Shape::Range) {
      if (op != OP_CLOSE && op != OP_SETTOP && op != OP_JMP) fail("stack depths differ on the paths that reach this instruction");
    }

    int d = depth(s);
    State next = s;
    // Fixed stack effects come from the opcode table.
    if (s.shape == Shape::Static && info.pops != kVar && info.pushes != kVar) {
      needDepth(s, info.pops);
      setDepth(next, long(d) - info.pops + info.pushes);
    }

    if (isBinaryOp(op)) {
      // Operands in slots and constants, as the table's field kinds say; the
      // result replaces the stack operands.
      for (int n = 0; n < fieldCount(info.format); n++) {
        uint32_t v = uint32_t(fieldValue(i, n));
        if (info.fields[n] == OperandKind::Slot) needSlot(v, d);
        else needConstant(v);
      }
      written(next, d - info.pops, d - info.pops + 1);
      fallThrough(next);
      return;
    }

    switch (op) {
      case OP_NIL: setDepth(next, long(d) + long(argAx(i))); break;
      case OP_TRUE: case OP_FALSE: case OP_INT: break;
      case OP_K: needConstant(argAx(i)); break;
      case OP_GETLOCAL: needSlot(argAx(i), d); break;
      case OP_SETLOCAL: needSlot(argAx(i), d - 1); written(next, int(argAx(i)), int(argAx(i)) + 1); break;
      case OP_GETUPVAL: case OP_SETUPVAL: needUpvalue(argAx(i)); break;
      case OP_GETUPVAL_UNDER: needUpvalue(argAx(i)); written(next, d - 1, d + 1); break;
      case OP_GETTABUP: case OP_SETTABUP: needUpvalue(argA(i)); needConstant(argB(i)); break;
      case OP_GETTABLE: written(next, d - 2, d - 1); break;
      case OP_GETFIELD: needConstant(argAx(i)); written(next, d - 1, d); break;
      case OP_GETFIELD_L: needSlot(argA(i), d); needConstant(argB(i)); break;
      case OP_GETTABLE_L: case OP_GETTABLE_LS: needSlot(argAx(i), d); written(next, d - 1, d); break;
      case OP_GETTABLE_US: needUpvalue(argAx(i)); written(next, d - 1, d); break;
      case OP_SETTABLE: break;
      case OP_SETTABLE_LS: case OP_SETTABLE_SL: needSlot(argAx(i), d - 2); break;  // below the stack operands
      case OP_SETFIELD: needConstant(argAx(i)); break;
      case OP_SETINDEXAT: needSlot(argA(i), d - 1); needSlot(argB(i), d - 1); break;  // below the value
      case OP_SETKEYAT:
        needSlot(argAx(i), d - 2);
        if (!s.tables[argAx(i)]) fail("slot " + std::to_string(argAx(i)) + " does not hold a new table");
        break;
      case OP_SETFIELDAT: needSlot(argA(i), d - 1); needConstant(argB(i)); break;
      case OP_GETINDEX_LL: needSlot(argA(i), d); needSlot(argB(i), d); break;
      case OP_GETINDEX_LI: needSlot(argA(i), d); break;
      case OP_SETINDEX_LLL: needSlot(argA(i), d); needSlot(argB8(i), d); needSlot(argC(i), d); break;
      case OP_SETINDEX_LLK: needSlot(argA(i), d); needSlot(argB8(i), d); needConstant(argC(i)); break;
      case OP_SETFIELD_LKL: needSlot(argA(i), d); needConstant(argB8(i)); needSlot(argC(i), d); break;
      case OP_SETFIELD_LKK: needSlot(argA(i), d); needConstant(argB8(i)); needConstant(argC(i)); break;
      case OP_POP: setDepth(next, long(d) - long(argAx(i))); break;
      case OP_SETTOP:
        if (argAx(i) > uint32_t(d)) fail("SETTOP above the stack top");
        setDepth(next, argAx(i));
        break;
      case OP_NEWTABLE: next.tables.set(size_t(d)); break;
      case OP_SETLIST: setList(s, i); return;
      case OP_SELF: needConstant(argAx(i)); written(next, d - 1, d); break;
      case OP_UNM: case OP_BNOT: case OP_NOT: case OP_LEN: written(next, d - 1, d); break;
      case OP_CONCAT: {
        uint32_t a = argA(i), b = argB(i);
        if (b < 1 || long(a) + long(b) != d) fail("CONCAT operands are not the top of the stack");
        setDepth(next, long(a) + 1);
        written(next, int(a), int(a) + 1);
        break;
      }
      case OP_JMP:
        jumpTo(jumpTarget(i, pc_), next);
        return;
      case OP_JMPF: case OP_JMPT:
        jumpTo(jumpTarget(i, pc_), next);
        break;
      case OP_ANDJ: case OP_ORJ: {
        needDepth(s, 1);
        jumpTo(jumpTarget(i, pc_), s);  // the jump keeps the tested value
        setDepth(next, d - 1);
        break;
      }
      case OP_CALL: {
        uint32_t a = argA(i);
        needSlot(a, s.lo);
        needNothingPendingFrom(s, int(a));
        if (argB(i) > 0) {
          setDepth(next, long(a) + long(argB(i)) - 1);
        } else {
          next.shape = Shape::Dynamic;
          next.lo = next.hi = int(a);
        }
        written(next, int(a), kMaxStackSlots + 1);
        break;
      }
      case OP_TAILCALL: {
        uint32_t a = argAx(i);
        needSlot(a, s.lo);
        if (s.tbc.any()) fail("tail call with pending to-be-closed variables");
        // A native callee that yields resumes here with its results on top.
        next.shape = Shape::Dynamic;
        next.lo = next.hi = int(a);
        written(next, int(a), kMaxStackSlots + 1);
        break;
      }
      case OP_RETURN: {
        uint32_t a = argA(i), b = argB(i);
        if (b > 0) {
          if (long(a) + long(b) - 1 > d) fail("RETURN of values above the stack top");
        } else if (a > uint32_t(s.lo)) {
          fail("RETURN from above the stack top");
        }
        return;
      }
      case OP_RETURN0: return;
      case OP_RETURN1: needDepth(s, 1); return;
      case OP_CLOSURE: {
        uint32_t x = argAx(i);
        if (x >= uint32_t(p_->numProtos)) fail("nested function " + std::to_string(x) + " out of range");
        const Proto* child = p_->protos[x];
        for (int j = 0; j < child->numUpvalues; j++) {
          const UpvalueDesc& u = child->upvalues[j];
          if (u.inStack) {
            needSlot(u.index, d + 1);  // d itself: a local function sees itself
            next.open.set(u.index);
          } else {
            needUpvalue(u.index);
          }
        }
        setDepth(next, long(d) + 1);
        break;
      }
      case OP_VARARG: {
        if (!p_->isVararg) fail("VARARG in a function without '...'");
        uint32_t ax = argAx(i);
        if (ax > 0) {
          setDepth(next, long(d) + long(ax) - 1);
        } else {
          next.shape = Shape::Dynamic;
          next.lo = next.hi = d;
        }
        break;
      }
      case OP_VARARGPREP:
        if (pc_ != 0 || !p_->isVararg || argAx(i) != p_->numParams) fail("VARARGPREP out of place");
        break;
      case OP_FORPREP: {
        uint32_t a = argA(i);
        if (long(a) + 3 != d) fail("FORPREP state is not the top of the stack");
        setDepth(next, long(a) + 4);
        written(next, int(a), int(a) + 4);
        jumpTo(jumpTarget(i, pc_), next);  // the loop does not run
        next.loops.set(a);
        break;
      }
      case OP_FORLOOP: {
        uint32_t a = argA(i);
        if (a > uint32_t(kMaxStackSlots) || !s.loops[a]) fail("FORLOOP without the state of its FORPREP");
        needSlot(a + 3, d);
        // It updates A..A+2 in place, keeping their types, and sets A+3;
        // no other loop state may overlap those slots.
        written(next, int(a) + 3, int(a) + 4);
        next.loops &= ~slotsBetween(int(a) - 2, int(a));
        jumpTo(jumpTarget(i, pc_), next);
        break;
      }
      case OP_TFORPREP: {
        uint32_t a = argA(i);
        needSlot(a + 3, d);
        tbc(next, int(a) + 3);
        jumpTo(jumpTarget(i, pc_), next);
        return;
      }
      case OP_TFORCALL: {
        uint32_t a = argA(i);
        needSlot(a + 3, d);
        needNothingPendingFrom(s, int(a) + 4);
        // The call's copies of the iterator state may use the slack above
        // the frame that every call leaves (kExtraStack).
        if (long(a) + 7 > long(p_->maxStack) + kExtraStack) fail("TFORCALL too close to the frame's end");
        setDepth(next, long(a) + 4 + long(argB(i)));
        written(next, int(a) + 4, kMaxStackSlots + 1);
        break;
      }
      case OP_TFORLOOP: {
        uint32_t a = argA(i);
        needSlot(a + 4, d);
        written(next, int(a) + 2, int(a) + 3);
        jumpTo(jumpTarget(i, pc_), next);
        break;
      }
      case OP_CLOSE: {
        uint32_t a = argAx(i);
        if (a > uint32_t(s.lo)) fail("CLOSE above the stack top");
        next.tbc &= ~slotsFrom(int(a));
        next.open &= ~slotsFrom(int(a));
        break;
      }
      case OP_TBC: {
        needSlot(argAx(i), d);
        tbc(next, int(argAx(i)));
        break;
      }
      case OP_EXTRAARG: fail("EXTRAARG without SETLIST");
      case OP_NOP: break;
      // Binary operators were handled above. An opcode added to the table
      // but not here is refused rather than trusted.
      default: fail("unhandled opcode");
    }
    fallThrough(next);
  }

  // Marks slot `slot` as a pending to-be-closed variable: above every other
  // one, as the closing code takes them newest first down to a level.
  void tbc(State& s, int slot) const {
    if ((s.tbc & slotsFrom(slot)).any()) fail("to-be-closed variables out of order");
    s.tbc.set(size_t(slot));
  }

  // SETLIST A B, then its EXTRAARG word (the first index); control goes on
  // after both.
  void setList(const State& s, Instruction i) {
    uint32_t a = argA(i), b = argB(i);
    if (pc_ + 1 >= n_ || opcodeOf(p_->code[pc_ + 1]) != OP_EXTRAARG) fail("SETLIST without EXTRAARG");
    needSlot(a, s.lo);
    if (!s.tables[a]) fail("slot " + std::to_string(a) + " does not hold a new table");
    if (b > 0 && long(a) + 1 + long(b) > depth(s)) fail("SETLIST of values above the stack top");
    State next = s;
    setDepth(next, long(a) + 1);
    settle(next);
    flowTo(long(pc_) + 2, next);
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

// VarInfo: where the values of runtime errors come from (see VarInfo.hpp).
//
// Bytecode may come from a loaded binary chunk, so the analysis trusts no
// operand: every slot, constant, upvalue and jump is bounds-checked, and what
// cannot be decided gives "no name" rather than a guess.
#include "vm/VarInfo.hpp"

#include "compiler/Opcodes.hpp"
#include "runtime/String.hpp"

namespace tycho {

namespace {

constexpr int kUnknown = -1;
// Depths at or above this mark a dynamic number of values (results of a call
// with B = 0 or of VARARG 0) above slot depth - kDynamic, waiting for the
// CALL, RETURN, TAILCALL or SETLIST that takes them up to the runtime top.
constexpr int kDynamic = 1 << 28;
// Names are found by following values back through copies (GETLOCAL of a
// temporary, SETLOCAL) and tables back to their own names (is it _ENV?); this
// bounds the recursion on pathological code.
constexpr int kMaxNameDepth = 32;

constexpr char kEnvName[] = "_ENV";

bool isJump(Opcode op) { return isJumpOp(op); }

// Depth with the dynamic marker removed; kUnknown when not static.
int staticDepth(int d) { return d >= kDynamic ? kUnknown : d; }

// Where control goes after an instruction run at depth `d`.
struct Flow {
  int next = kUnknown;       // depth for the next instruction; kUnknown: none
  int target = -1;           // jump destination, or -1
  int targetDepth = kUnknown;
};

Flow flowOf(Instruction i, int pc, int d) {
  Flow f;
  Opcode op = opcodeOf(i);
  int s = staticDepth(d);
  auto plus = [s](int n) { return s == kUnknown ? kUnknown : s + n; };
  const OpInfo& info = kOpInfo[op];
  bool fixed = info.pops != kVar && info.pushes != kVar;
  if (fixed) f.next = plus(info.pushes - info.pops);  // the opcode table's stack effect
  switch (op) {
    case OP_NIL: f.next = plus(int(argAx(i))); break;
    case OP_POP: f.next = plus(-int(argAx(i))); break;
    case OP_SETTOP: f.next = int(argAx(i)); break;
    case OP_SETLIST: f.next = int(argA(i)) + 1; break;
    case OP_CONCAT: f.next = int(argA(i)) + 1; break;
    case OP_JMP: f.next = kUnknown; f.target = pc + 1 + argSAx(i); f.targetDepth = s; break;
    case OP_JMPF: case OP_JMPT:
      f.target = pc + 1 + argSAx(i);
      f.targetDepth = f.next;
      break;
    case OP_ANDJ: case OP_ORJ:  // the jump keeps the tested value, falling through pops it
      f.next = plus(-1);
      f.target = pc + 1 + argSAx(i);
      f.targetDepth = s;
      break;
    case OP_CALL:
      f.next = argB(i) > 0 ? int(argA(i)) + int(argB(i)) - 1 : kDynamic + int(argA(i));
      break;
    case OP_VARARG:
      if (argAx(i) > 0) f.next = plus(int(argAx(i)) - 1);
      else if (s != kUnknown) f.next = kDynamic + s;
      break;
    case OP_VARARGPREP: f.next = int(argAx(i)); break;
    case OP_FORPREP:  // both ways push the control variable
      f.next = int(argA(i)) + 4;
      f.target = pc + 1 + int(argB(i));
      f.targetDepth = f.next;
      break;
    case OP_FORLOOP: case OP_TFORLOOP:
      f.target = pc + 1 - int(argB(i));
      f.targetDepth = s;
      break;
    case OP_TFORPREP:  // always jumps to the TFORCALL
      f.next = kUnknown;
      f.target = pc + 1 + int(argB(i));
      f.targetDepth = s;
      break;
    case OP_TFORCALL: f.next = int(argA(i)) + 4 + int(argB(i)); break;
    case OP_RETURN0: case OP_RETURN1: f.next = kUnknown; break;  // control leaves
    default: break;
  }
  return f;
}

// The slots [lo, hi) an instruction run at static depth `d` writes; lo < 0 for
// none. Calls write everything from their base up (the callee's frame).
struct SlotRange {
  int lo = -1;
  int hi = -1;
  bool contains(int slot) const { return lo >= 0 && slot >= lo && slot < hi; }
};

SlotRange writtenSlots(Instruction i, int d) {
  constexpr int kAll = 1 << 30;
  Opcode op = opcodeOf(i);
  auto range = [](int lo, int hi) { return lo >= 0 ? SlotRange{lo, hi} : SlotRange{}; };
  switch (op) {
    case OP_SETLOCAL: return range(int(argAx(i)), int(argAx(i)) + 1);
    case OP_CONCAT: return range(int(argA(i)), int(argA(i)) + 1);
    case OP_CALL: return range(int(argA(i)), kAll);
    case OP_FORPREP: case OP_FORLOOP: return range(int(argA(i)), int(argA(i)) + 4);
    case OP_TFORCALL: return range(int(argA(i)) + 4, kAll);
    case OP_TFORLOOP: return range(int(argA(i)) + 2, int(argA(i)) + 3);
    default: break;
  }
  if (d == kUnknown) return {};
  switch (op) {
    case OP_NIL: return range(d, d + int(argAx(i)));
    case OP_VARARG: return range(d, argAx(i) > 0 ? d + int(argAx(i)) - 1 : kAll);
    default: break;
  }
  // The others push their results where their stack operands were (the
  // opcode table's stack effect).
  const OpInfo& info = kOpInfo[op];
  if (info.pops == kVar || info.pushes == kVar || info.pushes == 0) return {};
  return range(d - info.pops, d - info.pops + info.pushes);
}

// Depths before each instruction, with kDynamic marks (see flowOf).
std::vector<int> rawStackDepths(const Proto* p) {
  int n = p->codeSize;
  std::vector<int> depth(size_t(n > 0 ? n : 0), kUnknown);
  std::vector<int> work;
  // Generated code reaches every instruction with one depth; the first path
  // found decides for malformed code.
  auto reach = [&](int pc, int d) {
    if (pc < 0 || pc >= n || d < 0 || depth[size_t(pc)] != kUnknown) return;
    depth[size_t(pc)] = d;
    work.push_back(pc);
  };
  reach(0, p->numParams);
  while (!work.empty()) {
    int pc = work.back();
    work.pop_back();
    Flow f = flowOf(p->code[pc], pc, depth[size_t(pc)]);
    reach(pc + 1, f.next);
    if (f.target >= 0) reach(f.target, f.targetDepth);
  }
  return depth;
}

// The analysis of one prototype for one message.
class Namer {
 public:
  explicit Namer(const Proto* p) : p_(p), depths_(rawStackDepths(p)) {}

  int depth(int pc) const { return pc >= 0 && pc < p_->codeSize ? staticDepth(depths_[size_t(pc)]) : kUnknown; }

  VarName slot(int pc, int slot, int level = 0) const {
    if (slot < 0 || level > kMaxNameDepth) return {};
    if (const String* local = localName(slot, pc)) return {"local", std::string(view(local))};
    int writer = findWriter(pc, slot);
    if (writer < 0) return {};
    return writerName(writer, slot, level + 1);
  }

  VarName upvalue(int index) const { return {"upvalue", upvalueName(index)}; }

  VarName constant(int index) const {
    const Value* k = constantAt(index);
    if (!k || !k->isString()) return {};
    return {"constant", std::string(view(k->asString()))};
  }

 private:
  const String* localName(int slot, int pc) const {
    for (int j = 0; j < p_->numLocals; j++) {
      const LocalVarInfo& lv = p_->locals[j];
      if (lv.slot == slot && lv.startPc <= pc && pc < lv.endPc && lv.name) return lv.name;
    }
    return nullptr;
  }

  std::string upvalueName(int index) const {
    if (index < 0 || index >= p_->numUpvalues || !p_->upvalues[index].name) return "?";
    return std::string(view(p_->upvalues[index].name));
  }

  const Value* constantAt(int index) const {
    return index >= 0 && index < p_->numConstants ? &p_->constants[index] : nullptr;
  }

  std::string keyName(int index) const {
    const Value* k = constantAt(index);
    return k && k->isString() ? std::string(view(k->asString())) : "?";
  }

  // The last instruction before pc that wrote `slot`, as lua5.4 finds the
  // setter of a register: scanning the code in order, a write that an earlier
  // jump (landing at or before pc) may skip leaves the slot's origin unknown.
  int findWriter(int pc, int slot) const {
    int writer = -1;
    int jumpTarget = 0;  // code before this position may have been skipped
    for (int q = 0; q < pc && q < p_->codeSize; q++) {
      Instruction i = p_->code[q];
      Opcode op = opcodeOf(i);
      if (isJump(op)) {
        int dest = q + 1 + argSAx(i);
        if (dest <= pc && dest > jumpTarget) jumpTarget = dest;
        continue;
      }
      if (depths_[size_t(q)] == kUnknown) continue;  // unreachable
      if (writtenSlots(i, depth(q)).contains(slot)) writer = q < jumpTarget ? -1 : q;
    }
    return writer;
  }

  // Is the table described by `table` the environment? Then its fields are
  // globals. Lua 5.4.8 decides by the name "_ENV" of a local or an upvalue:
  // a field or a constant named "_ENV" (`a._ENV.x`, `("_ENV").x`) is no
  // environment.
  static const char* tableKind(const VarName& table) {
    bool variable = table.kind == "local" || table.kind == "upvalue";
    return variable && table.name == kEnvName ? "global" : "field";
  }

  // The name of t[key] read by the instruction at pc, the table described
  // by `table`, the key in slot `keySlot`: a string constant key names the
  // field, small non-negative integer constants read "integer index"
  // (lua5.4's GETI), others "?".
  VarName indexName(int pc, const VarName& table, int keySlot, int level) const {
    if (!localName(keySlot, pc)) {
      int writer = findWriter(pc, keySlot);
      if (writer >= 0 && opcodeOf(p_->code[writer]) == OP_INT) {
        int32_t n = argSAx(p_->code[writer]);
        if (n >= 0 && n <= kMaxA) return {"field", "integer index"};
      }
    }
    VarName key = slot(pc, keySlot, level);
    return {tableKind(table), key.kind == "constant" ? key.name : "?"};
  }

  VarName writerName(int pc, int target, int level) const {
    Instruction i = p_->code[pc];
    int d = depth(pc);
    switch (opcodeOf(i)) {
      case OP_GETLOCAL: return slot(pc, int(argAx(i)), level);
      case OP_SETLOCAL: return d == kUnknown ? VarName{} : slot(pc, d - 1, level);
      case OP_GETUPVAL: return upvalue(int(argAx(i)));
      case OP_GETUPVAL_UNDER:
        if (d == kUnknown) return {};
        if (target == d - 1) return upvalue(int(argAx(i)));
        return slot(pc, d - 1, level);  // the key, moved up
      case OP_K: return constant(int(argAx(i)));
      case OP_GETTABUP: return {upvalueName(int(argA(i))) == kEnvName ? "global" : "field", keyName(int(argB(i)))};
      case OP_GETFIELD:
        if (d == kUnknown) return {};
        return {tableKind(slot(pc, d - 1, level)), keyName(int(argAx(i)))};
      case OP_GETFIELD_L: return {tableKind(slot(pc, int(argA(i)), level)), keyName(int(argB(i)))};
      case OP_GETTABLE: return d == kUnknown ? VarName{} : indexName(pc, slot(pc, d - 2, level), d - 1, level);
      case OP_GETTABLE_L:
        return d == kUnknown ? VarName{} : indexName(pc, slot(pc, d - 1, level), int(argAx(i)), level);
      case OP_GETTABLE_LS:
        return d == kUnknown ? VarName{} : indexName(pc, slot(pc, int(argAx(i)), level), d - 1, level);
      case OP_GETTABLE_US: return d == kUnknown ? VarName{} : indexName(pc, upvalue(int(argAx(i))), d - 1, level);
      case OP_GETINDEX_LL: return indexName(pc, slot(pc, int(argA(i)), level), int(argB(i)), level);
      case OP_GETINDEX_LI:
        // lua5.4's GETI takes integers up to 255; larger ones are keys in a register ("?").
        if (argB(i) <= uint32_t(kMaxA)) return {"field", "integer index"};
        return {tableKind(slot(pc, int(argA(i)), level)), "?"};
      case OP_SELF:
        if (d == kUnknown) return {};
        if (target == d - 1) return {"method", keyName(int(argAx(i)))};
        return slot(pc, d - 1, level);  // the copy of the object
      default: return {};
    }
  }

  const Proto* p_;
  std::vector<int> depths_;
};

// Lua's name of the metamethod that instruction `op` may call ("" if none):
// its event's name without the underscores ("index").
std::string metamethodName(Opcode op) {
  TagMethod event = kOpInfo[op].event;
  return event == kNoEvent ? "" : kTagMethodNames[event] + 2;
}

const Proto* protoOf(const CallInfo* ci) { return ci->func->asLuaClosure()->proto; }

}  // namespace

std::vector<int> stackDepths(const Proto* p) {
  std::vector<int> depth = rawStackDepths(p);
  for (int& d : depth) d = staticDepth(d);
  return depth;
}

VarName slotName(const Proto* p, int pc, int slot) {
  if (pc < 0 || pc >= p->codeSize) return {};
  return Namer(p).slot(pc, slot);
}

VarName operandName(const Proto* p, int pc, Operand operand) {
  if (pc < 0 || pc >= p->codeSize) return {};
  Namer namer(p);
  Instruction i = p->code[pc];
  Opcode op = opcodeOf(i);
  int d = namer.depth(pc);
  // Operands named by the instruction itself.
  auto fromStack = [&](int below) { return d == kUnknown ? VarName{} : namer.slot(pc, d - below); };
  if (isBinaryOp(op)) {
    // The operands on the stack are the instruction's `pops` top values.
    bool first = operand == kFirstOperand;
    const BinaryFormInfo& form = kBinaryForms[binaryFormOf(op)];
    int field = first ? form.left : form.right;
    if (field == kOnStack) return fromStack(first ? kOpInfo[op].pops : 1);
    int value = fieldValue(i, field);
    return kOpInfo[op].fields[field] == OperandKind::Slot ? namer.slot(pc, value) : namer.constant(value);
  }
  if (operand != kFirstOperand) return {};
  switch (op) {
    case OP_GETTABUP: case OP_SETTABUP: return namer.upvalue(int(argA(i)));
    case OP_GETTABLE_US: return namer.upvalue(int(argAx(i)));
    case OP_GETTABLE: case OP_SETFIELD: case OP_SETTABLE_SL: return fromStack(2);
    case OP_SETTABLE: return fromStack(3);
    case OP_GETFIELD: case OP_GETTABLE_L: case OP_SELF: case OP_UNM: case OP_BNOT: case OP_LEN: return fromStack(1);
    case OP_GETFIELD_L: case OP_SETFIELDAT: case OP_SETINDEXAT: case OP_GETINDEX_LL: case OP_GETINDEX_LI:
    case OP_SETINDEX_LLL: case OP_SETINDEX_LLK: case OP_SETFIELD_LKL: case OP_SETFIELD_LKK:
      return namer.slot(pc, int(argA(i)));
    case OP_GETTABLE_LS: case OP_SETTABLE_LS: case OP_SETKEYAT: case OP_TAILCALL: return namer.slot(pc, int(argAx(i)));
    case OP_CALL: return namer.slot(pc, int(argA(i)));
    default: return {};
  }
}

VarName calleeName(const Proto* p, int pc) {
  if (pc < 0 || pc >= p->codeSize) return {};
  Instruction i = p->code[pc];
  switch (opcodeOf(i)) {
    case OP_CALL: return slotName(p, pc, int(argA(i)));
    case OP_TAILCALL: return slotName(p, pc, int(argAx(i)));
    case OP_TFORCALL: return {"for iterator", "for iterator"};
    default: break;
  }
  std::string event = metamethodName(opcodeOf(i));
  if (event.empty()) return {};
  return {"metamethod", event};
}

int currentPc(const CallInfo* ci) {
  if (!ci->isLua()) return -1;
  const Proto* p = protoOf(ci);
  int pc = int(ci->savedPc - p->code) - 1;
  return pc >= 0 && pc < p->codeSize ? pc : -1;
}

VarName callerName(const CallInfo* caller) {
  if (caller->status & CIST_HOOKED) return {"hook", "?"};
  if (caller->status & CIST_FIN) return {"metamethod", "__gc"};
  if (!caller->isLua()) return {};
  return calleeName(protoOf(caller), currentPc(caller));
}

std::string operandInfo(lua_State* L, Operand operand) {
  const CallInfo* ci = L->ci;
  if (!ci->isLua()) return "";
  return operandName(protoOf(ci), currentPc(ci), operand).suffix();
}

std::string stackValueInfo(lua_State* L, const Value* v) {
  const CallInfo* ci = L->ci;
  if (!ci->isLua()) return "";
  const Value* base = ci->func + 1;
  if (v < base || v >= L->top) return "";
  return slotName(protoOf(ci), currentPc(ci), int(v - base)).suffix();
}

std::string calleeInfo(lua_State* L) { return callerName(L->ci).suffix(); }

}  // namespace tycho

// VarInfo: where the values of runtime errors come from (see VarInfo.hpp).
//
// Bytecode may come from a loaded binary chunk, so the naming trusts no
// operand: every slot, constant, upvalue and jump is bounds-checked, and what
// cannot be decided gives "no name" rather than a guess. The depths and the
// slots each instruction writes are the shared analysis's (CodeAnalysis).
#include "vm/VarInfo.hpp"

#include "compiler/Analysis.hpp"
#include "compiler/Opcodes.hpp"
#include "runtime/String.hpp"

namespace tycho {

namespace {

constexpr int kUnknown = -1;
// Names are found by following values back through copies (GETLOCAL of a
// temporary, SETLOCAL) and tables back to their own names (is it _ENV?); this
// bounds the recursion on pathological code.
constexpr int kMaxNameDepth = 32;

constexpr char kEnvName[] = "_ENV";

// The analysis of one prototype for one message.
class Namer {
 public:
  explicit Namer(const Proto* p) : p_(p), code_(*p) {}

  int depth(int pc) const { return code_.staticDepth(pc); }

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
    int landing = 0;  // code before this position may have been skipped
    for (int q = 0; q < pc && q < p_->codeSize; q++) {
      Instruction i = p_->code[q];
      if (isJumpOp(opcodeOf(i))) {
        long dest = jumpTarget(i, q);
        if (dest <= pc && dest > landing) landing = int(dest);
        continue;
      }
      if (code_.writes(q).contains(slot)) writer = q < landing ? -1 : q;
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
      case OP_PUSH_LL:
        if (d == kUnknown) return {};
        return slot(pc, int(target == d ? argA(i) : argB(i)), level);
      case OP_PUSH_UL:
        if (d == kUnknown) return {};
        return target == d ? upvalue(int(argA(i))) : slot(pc, int(argB(i)), level);
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
  CodeAnalysis code_;
};

// The name of the function a CALL_L at pc calls: the slot it pushes when
// that slot is the function (a call without arguments), else slot A.
VarName calledSlotName(const Namer& namer, int pc, Instruction i) {
  int d = namer.depth(pc);
  if (d != kUnknown && int(argA(i)) == d) return namer.slot(pc, int(argC(i)));
  return namer.slot(pc, int(argA(i)));
}

// Lua's name of the metamethod that instruction `op` may call ("" if none):
// its event's name without the underscores ("index").
std::string metamethodName(Opcode op) {
  TagMethod event = kOpInfo[op].event;
  return event == kNoEvent ? "" : kTagMethodNames[event] + 2;
}

const Proto* protoOf(const CallInfo* ci) { return ci->func->asLuaClosure()->proto; }

}  // namespace

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
    case OP_GETTABLE_LS: case OP_SETTABLE_LS: case OP_SETKEYAT: case OP_TAILCALL: case OP_LEN_L:
      return namer.slot(pc, int(argAx(i)));
    case OP_CALL: return namer.slot(pc, int(argA(i)));
    case OP_CALL_L: return calledSlotName(namer, pc, i);
    default: return {};
  }
}

VarName calleeName(const Proto* p, int pc) {
  if (pc < 0 || pc >= p->codeSize) return {};
  Instruction i = p->code[pc];
  switch (opcodeOf(i)) {
    case OP_CALL: return slotName(p, pc, int(argA(i)));
    case OP_CALL_L: return calledSlotName(Namer(p), pc, i);
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

// CodeGenExpr: expressions, calls, table constructors and conditions (see
// FuncGen.hpp for the stack discipline and the lines instructions get).
#include "compiler/CodeGen.hpp"

#include <cmath>

#include "compiler/ConstantFolding.hpp"
#include "compiler/FuncGen.hpp"

namespace tycho {

using namespace ast;

namespace {

constexpr int kFieldsPerFlush = 50;  // LFIELDS_PER_FLUSH

bool isNumeral(const Expr& e) { return e.kind == ExprKind::Integer || e.kind == ExprKind::Float; }

bool isComparison(BinOp op) {
  switch (op) {
    case BinOp::Eq: case BinOp::Ne: case BinOp::Lt: case BinOp::Le: case BinOp::Gt: case BinOp::Ge:
      return true;
    default:
      return false;
  }
}

bool isComparison(const Expr& e) {
  return e.kind == ExprKind::Binary && isComparison(static_cast<const BinaryExpr&>(e).op);
}

// A value that is a jump in Lua's code (a comparison, its negation, an
// and/or whose last operand is one): no instruction tests it, the
// comparison's own jump does.
bool isJumpValue(const Expr& e) {
  if (e.kind == ExprKind::Unary && static_cast<const UnaryExpr&>(e).op == UnOp::Not) {
    return isJumpValue(*static_cast<const UnaryExpr&>(e).operand);
  }
  if (e.kind == ExprKind::Binary) {
    auto& b = static_cast<const BinaryExpr&>(e);
    if (b.op == BinOp::And || b.op == BinOp::Or) return isJumpValue(*b.rhs);
  }
  return isComparison(e);
}

// Does `e` compile to one push of a local or a constant, which emitBinary
// folds into the operator (an _L, _K, _LL or _LK form)?
bool isOperandLeaf(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Integer: case ExprKind::Float: case ExprKind::String: return true;
    case ExprKind::Name: return static_cast<const NameExpr&>(e).ref.kind == VarRef::Local;
    default: return false;
  }
}

// Does `e`, an operand of and/or, leave the and/or when its value is
// `truth` through the jump of a comparison (or of its negation), whose
// value Lua makes where the and/or's value is used? (A left operand leaves
// when it is true for `or`, false for `and`.)
bool exitsWithValue(const Expr& e, bool truth) {
  if (e.kind == ExprKind::Unary && static_cast<const UnaryExpr&>(e).op == UnOp::Not) {
    const Expr& operand = *static_cast<const UnaryExpr&>(e).operand;
    return isJumpValue(operand) && exitsWithValue(operand, !truth);
  }
  if (isComparison(e)) return true;
  if (e.kind != ExprKind::Binary) return false;
  auto& b = static_cast<const BinaryExpr&>(e);
  if (b.op == BinOp::And) return exitsWithValue(*b.rhs, truth) || (!truth && exitsWithValue(*b.lhs, false));
  if (b.op == BinOp::Or) return exitsWithValue(*b.rhs, truth) || (truth && exitsWithValue(*b.lhs, true));
  return false;
}

// Does Lua keep number `c` on the left of `op` in place (it swaps the
// operands of + * and of & | ~ with an integer, and has immediate forms of
// << with a small integer)? Otherwise it loads the number once the right
// operand is done.
bool leftNumeralInPlace(BinOp op, const Constant& c) {
  switch (op) {
    case BinOp::Sub: case BinOp::Div: case BinOp::IDiv: case BinOp::Mod: case BinOp::Pow: case BinOp::Shr:
      return false;
    case BinOp::Shl: return c.kind == Constant::Integer && c.i >= -127 && c.i <= 128;
    case BinOp::BAnd: case BinOp::BOr: case BinOp::BXor: return c.kind == Constant::Integer;
    default:
      return true;
  }
}

// Is `c` a number Lua uses as an immediate operand of an order comparison
// (an integer value from -127 to 128)? Another number on the left of < <=
// > >= is loaded into a register before the right operand, at the operator.
bool isComparisonImmediate(const Constant& c) {
  if (c.kind == Constant::Integer) return c.i >= -127 && c.i <= 128;
  return c.kind == Constant::Float && c.n >= -127 && c.n <= 128 && c.n == std::floor(c.n);
}
bool isOrderComparison(BinOp op) { return isComparison(op) && op != BinOp::Eq && op != BinOp::Ne; }

Constant numeralConstant(const Expr& e) {
  Constant c;
  if (e.kind == ExprKind::Integer) {
    c.kind = Constant::Integer;
    c.i = static_cast<const IntegerExpr&>(e).value;
  } else {
    c.kind = Constant::Float;
    c.n = static_cast<const FloatExpr&>(e).value;
  }
  return c;
}

Opcode binaryOpcode(BinOp op) {
  switch (op) {
    case BinOp::Add: return OP_ADD;
    case BinOp::Sub: return OP_SUB;
    case BinOp::Mul: return OP_MUL;
    case BinOp::Div: return OP_DIV;
    case BinOp::IDiv: return OP_IDIV;
    case BinOp::Mod: return OP_MOD;
    case BinOp::Pow: return OP_POW;
    case BinOp::Eq: return OP_EQ;
    case BinOp::Ne: return OP_NE;
    case BinOp::Lt: return OP_LT;
    case BinOp::Le: return OP_LE;
    case BinOp::Gt: return OP_GT;
    case BinOp::Ge: return OP_GE;
    case BinOp::BAnd: return OP_BAND;
    case BinOp::BOr: return OP_BOR;
    case BinOp::BXor: return OP_BXOR;
    case BinOp::Shl: return OP_SHL;
    case BinOp::Shr: return OP_SHR;
    case BinOp::Concat: case BinOp::And: case BinOp::Or: break;  // compiled by binary()
  }
  return OP_CONCAT;
}

}  // namespace

bool hasOwnRegister(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Call: case ExprKind::MethodCall: case ExprKind::Table: case ExprKind::Function:
      return true;
    case ExprKind::Paren: return static_cast<const ParenExpr&>(e).inner->kind != ExprKind::Vararg;
    case ExprKind::Binary: {
      BinOp op = static_cast<const BinaryExpr&>(e).op;
      return op == BinOp::Concat || op == BinOp::And || op == BinOp::Or || isComparison(op);
    }
    case ExprKind::Unary: return isJumpValue(e);  // `not` of a comparison
    default: return false;
  }
}

// Pushes exactly one value.
void FuncGen::expr(Expr& e, Use use) {
  if (e.parenLine) use.fetch = e.parenLine;  // Lua fetches a variable in parentheses at the ')'
  if (leftChild(e)) {
    int start = leftOperand(e);
    finishLink(e, start, 1, use);
    return;
  }
  int saved = line_;
  line_ = e.line;
  switch (e.kind) {
    case ExprKind::Nil: {
      // Consecutive nils are one instruction, as Lua's LOADNIL.
      const Instruction* last = fusable(pc() - 1);
      if (last && opcodeOf(*last) == OP_NIL) out_.code.back() = makeAx(OP_NIL, argAx(*last) + 1);
      else leaf(makeAx(OP_NIL, 1), use);
      push();
      break;
    }
    case ExprKind::True: leaf(makeNone(OP_TRUE), use); push(); break;
    case ExprKind::False: leaf(makeNone(OP_FALSE), use); push(); break;
    case ExprKind::Integer: integer(static_cast<IntegerExpr&>(e).value, use); break;
    case ExprKind::Float: {
      Constant c;
      c.kind = Constant::Float;
      c.n = static_cast<FloatExpr&>(e).value;
      leaf(makeAx(OP_K, uint32_t(constantIndex(c))), use);
      push();
      break;
    }
    case ExprKind::String:
      leaf(makeAx(OP_K, uint32_t(stringConstant(static_cast<StringExpr&>(e).value))), use);
      push();
      break;
    case ExprKind::Vararg:
      // Lua emits VARARG as soon as it reads '...'.
      line_ = static_cast<SimpleExpr&>(e).beforeLine;
      emitAx(OP_VARARG, 2);
      push();
      break;
    case ExprKind::Function: function(static_cast<FunctionExpr&>(e)); break;
    case ExprKind::Table: table(static_cast<TableExpr&>(e)); break;
    case ExprKind::Unary: unary(static_cast<UnaryExpr&>(e), use); break;
    case ExprKind::Name: nameGet(static_cast<NameExpr&>(e), use); break;
    case ExprKind::Paren: expr(*static_cast<ParenExpr&>(e).inner, use); break;
    case ExprKind::Binary: case ExprKind::Index: case ExprKind::Call: case ExprKind::MethodCall:
      break;  // chain links: see above
  }
  line_ = saved;
}

// A push of a local or a constant: no instruction in Lua when it reads the
// value in place, else Lua's copy at `use.place`.
void FuncGen::leaf(Instruction i, Use use) {
  if (argAx(i) > uint32_t(kMaxAx)) error("function or expression too complex", line_);
  if (use.inPlace) emitPending(i);
  else emitAt(i, use.place);
}

// Evaluates the left operand of chain link `top`, and so the whole left
// chain below it, with a loop (see "left chains" in Ast.hpp). Returns the
// pc where the operand's code starts.
int FuncGen::leftOperand(Expr& top) {
  size_t mark = chain_.size();
  Expr* e = leftChild(top)->get();
  while (ExprPtr* left = leftChild(*e)) {
    chain_.push_back(e);
    e = left->get();
  }
  int start = pc();
  expr(*e, leftUse(chain_.size() > mark ? *chain_.back() : top, *e));
  while (chain_.size() > mark) {
    Expr& link = *chain_.back();
    chain_.pop_back();
    finishLink(link, start, 1, leftUse(chain_.size() > mark ? *chain_.back() : top, link));
  }
  return start;
}

// How chain link `parent` uses its left operand `child` (Lua's point of
// fetching it: before the '.', '[' or '(' that follows it, at a method's
// name, at a binary operator).
Use FuncGen::leftUse(Expr& parent, Expr& child) {
  switch (parent.kind) {
    case ExprKind::Index: {
      Use u = operandAt(lastTokenLine(child));
      u.tableOfField = static_cast<IndexExpr&>(parent).key->kind == ExprKind::String;
      return u;
    }
    case ExprKind::Call: return valueAt(lastTokenLine(child));
    case ExprKind::MethodCall: return operandAt(static_cast<MethodCallExpr&>(parent).nameLine);
    case ExprKind::Binary: {
      auto& b = static_cast<BinaryExpr&>(parent);
      switch (b.op) {
        case BinOp::And: case BinOp::Or: {  // tested in place
          Use u = operandAt(b.line);
          u.testLine = b.line;
          return u;
        }
        case BinOp::Concat: return valueAt(b.line);  // copied to the operands' run
        default: break;
      }
      if (isNumeral(child)) {
        Constant c = numeralConstant(child);
        if (isOrderComparison(b.op) && !isComparisonImmediate(c)) return valueAt(b.line);
        return leftNumeralInPlace(b.op, c) ? operandAt(b.line) : valueAt(b.endLine);
      }
      if (isLiteral(child) && b.op != BinOp::Eq && b.op != BinOp::Ne) return valueAt(b.line);
      return operandAt(b.line);
    }
    default: return operandAt(lastTokenLine(child));
  }
}

// How a binary operator uses its right operand: when the operand is
// complete (Lua's posfix step), in place unless it is a constant Lua cannot
// use as an operand there.
Use FuncGen::rightUse(BinaryExpr& b) {
  const Expr& r = *b.rhs;
  if (isLiteral(r) && !isNumeral(r) && b.op != BinOp::Eq && b.op != BinOp::Ne) return valueAt(b.endLine);
  return operandAt(b.endLine);
}

// Completes chain link `e`, whose left operand is on top of the stack and
// has its code from `start` on; a call leaves `want` results.
void FuncGen::finishLink(Expr& e, int start, int want, Use use) {
  if (e.parenLine) use.fetch = e.parenLine;
  int saved = line_;
  line_ = e.line;
  switch (e.kind) {
    case ExprKind::Index: index(static_cast<IndexExpr&>(e), start, use); break;
    case ExprKind::Binary: binary(static_cast<BinaryExpr&>(e), start, use); break;
    case ExprKind::Call: case ExprKind::MethodCall: finishCall(e, want); break;
    default: break;
  }
  line_ = saved;
}

// Lua fetches the field where the consumer needs it (use.fetch).
void FuncGen::index(IndexExpr& x, int objectStart, Use use) {
  if (x.key->kind == ExprKind::String) {
    line_ = use.fetch;
    uint32_t key = uint32_t(stringConstant(static_cast<StringExpr&>(*x.key).value));
    const Instruction* object = pc() - objectStart == 1 ? fusable(objectStart) : nullptr;
    if (object && opcodeOf(*object) == OP_GETLOCAL && key <= uint32_t(kMaxB)) {
      replaceFrom(objectStart, makeAB(OP_GETFIELD_L, argAx(*object), key));
    } else if (object && opcodeOf(*object) == OP_GETUPVAL && argAx(*object) <= uint32_t(kMaxA) &&
               key <= uint32_t(kMaxB)) {
      replaceFrom(objectStart, makeAB(OP_GETTABUP, argAx(*object), key));  // Lua's GETTABUP
    } else {
      emitAx(OP_GETFIELD, key);
    }
    return;
  }
  const Instruction* object = pc() - objectStart == 1 ? fusable(objectStart) : nullptr;
  Opcode objectOp = object ? opcodeOf(*object) : OP_NOP;
  bool keyLeaf = isOperandLeaf(*x.key);
  if (objectOp == OP_GETUPVAL && !x.object->parenLine) {
    // Lua fetches an upvalue table at the ']', after the key's code and
    // before loading a constant key.
    if (keyLeaf) {
      out_.lines[size_t(objectStart)] = x.endLine;
    } else {
      uint32_t upvalue = argAx(*object);
      takeBack(objectStart);
      expr(*x.key, keyUse(x));
      markLine(x.endLine, use.fetch);
      line_ = use.fetch;
      emitAx(OP_GETTABLE_US, upvalue);  // the key replaced by the value
      return;
    }
  }
  if (objectOp == OP_GETLOCAL && !(keyLeaf && x.key->kind == ExprKind::Name)) {
    // A local table is read in place, after the key's code.
    uint32_t slot = argAx(*object);
    takeBack(objectStart);
    int keyStart = pc();
    expr(*x.key, keyUse(x));
    line_ = use.fetch;
    // t[n] for a small integer n: one instruction, as lua5.4's GETI.
    const Instruction* key = pc() - keyStart == 1 ? mergeable(keyStart) : nullptr;
    if (key && opcodeOf(*key) == OP_INT && argSAx(*key) >= 0 && argSAx(*key) <= kMaxB && slot <= uint32_t(kMaxA)) {
      replaceFrom(keyStart, makeAB(OP_GETINDEX_LI, slot, uint32_t(argSAx(*key))));
    } else {
      emitAx(OP_GETTABLE_LS, slot);
    }
    return;
  }
  int keyStart = pc();
  expr(*x.key, keyUse(x));
  line_ = use.fetch;
  const Instruction* key = pc() - keyStart == 1 ? fusable(keyStart) : nullptr;
  if (key && opcodeOf(*key) == OP_GETLOCAL) {
    // t[i] with both in locals: one instruction (GETLOCAL t was the last
    // one before the key's).
    const Instruction* table = keyStart - objectStart == 1 ? mergeable(objectStart) : nullptr;
    if (table && opcodeOf(*table) == OP_GETLOCAL && argAx(*table) <= uint32_t(kMaxA) && argAx(*key) <= uint32_t(kMaxB) &&
        mergeable(keyStart)) {
      replaceFrom(objectStart, makeAB(OP_GETINDEX_LL, argAx(*table), argAx(*key)));
    } else {
      replaceFrom(keyStart, makeAx(OP_GETTABLE_L, argAx(*key)));
    }
  } else {
    emitNone(OP_GETTABLE);
  }
  pop();
}

// How an index uses its key: a variable is fetched at the key's last token;
// a string or a small integer is used in place; other constants are loaded
// after the ']'.
Use FuncGen::keyUse(IndexExpr& x) {
  const Expr& k = *x.key;
  if (isLiteral(k)) {
    bool inPlace = k.kind == ExprKind::String ||
                   (k.kind == ExprKind::Integer && static_cast<const IntegerExpr&>(k).value >= 0 &&
                    static_cast<const IntegerExpr&>(k).value <= kMaxIndexInPlace);
    if (!inPlace) return valueAt(x.endLine);
  }
  return operandAt(lastTokenLine(k));
}

// The table of an assignment target.
void FuncGen::tableOperand(IndexExpr& x) { expr(*x.object, leftUse(x, *x.object)); }

void FuncGen::integer(Integer v, Use use) {
  if (v >= kMinSAx && v <= kMaxSAx) {
    leaf(makeSAx(OP_INT, int32_t(v)), use);
  } else {
    Constant c;
    c.kind = Constant::Integer;
    c.i = v;
    leaf(makeAx(OP_K, uint32_t(constantIndex(c))), use);
  }
  push();
}

// Pushes `want` values from a possibly multi-valued expression; kMultRet
// pushes all of them (the depth then counts none of them: the consumer
// takes them up to the runtime top).
void FuncGen::exprN(Expr& e, int want, Use use) {
  if (e.kind == ExprKind::Call || e.kind == ExprKind::MethodCall) {
    call(e, want);
  } else if (e.kind == ExprKind::Vararg) {
    line_ = static_cast<SimpleExpr&>(e).beforeLine;
    emitAx(OP_VARARG, uint32_t(want == kMultRet ? 0 : want + 1));
    if (want > 0) push(want);
  } else {
    expr(e, use);
    line_ = use.place;
    if (want == 0) emitPop(1);
    else if (want > 1) nils(want - 1);
  }
}

void FuncGen::nils(int n) {
  if (n <= 0) return;
  const Instruction* last = fusable(pc() - 1);
  if (last && opcodeOf(*last) == OP_NIL) out_.code.back() = makeAx(OP_NIL, argAx(*last) + uint32_t(n));
  else emitAx(OP_NIL, uint32_t(n));
  push(n);
}

// Evaluates the first `count` expressions of a list adjusted to `want`
// values (kMultRet: all values; the result is then "dynamic" and the
// consumer reads up to the runtime top). Returns true when the number of
// values is dynamic. As in Lua, each value but the last is copied to its
// place at the ',' after it, the last (and the nils that pad the list) at
// `lastLine`.
bool FuncGen::exprList(ExprList& list, int want, int lastLine, size_t count) {
  if (count == 0) {
    line_ = lastLine;
    if (want > 0) nils(want);
    return false;
  }
  int n = int(count);
  for (int i = 0; i < n - 1; i++) {
    Expr& e = *list[size_t(i)];
    expr(e, valueAt(e.followLine));
  }
  Expr& last = *list[count - 1];
  if (want == kMultRet) {
    if (last.isMultiValue()) {
      exprN(last, kMultRet, valueAt(lastLine));
      return true;
    }
    expr(last, valueAt(lastLine));
    return false;
  }
  int rest = want - (n - 1);
  if (rest >= 0) {
    exprN(last, rest, valueAt(lastLine));
  } else {
    // Extra expressions are evaluated, in order, then dropped.
    expr(last, valueAt(lastLine));
    emitPop(n - want);
  }
  return false;
}

void FuncGen::nameGet(NameExpr& n, Use use) {
  switch (n.ref.kind) {
    case VarRef::Local: leaf(makeAx(OP_GETLOCAL, uint32_t(n.ref.index)), use); push(); break;
    case VarRef::Upvalue:
      if (use.inPlace && use.tableOfField) emitPending(makeAx(OP_GETUPVAL, uint32_t(n.ref.index)));
      else emitAt(makeAx(OP_GETUPVAL, uint32_t(n.ref.index)), use.fetch);
      push();
      break;
    case VarRef::Global: {
      int k = stringConstant(n.name);
      line_ = use.fetch;
      if (n.ref.envKind == 0 && n.ref.envIndex <= kMaxA && k <= kMaxB) {
        emitAB(OP_GETTABUP, n.ref.envIndex, k);
        push();
      } else {
        emitPending(makeAx(n.ref.envKind == 0 ? OP_GETUPVAL : OP_GETLOCAL, uint32_t(n.ref.envIndex)));
        push();
        emitAx(OP_GETFIELD, uint32_t(k));
      }
      break;
    }
    default: error("unresolved name '" + n.name + "'", n.line);
  }
}

void FuncGen::function(FunctionExpr& f) {
  auto child = std::make_unique<FunctionCode>();
  FuncGen gen(*child, f, chunkId_);
  gen.generate(false);
  out_.protos.push_back(std::move(child));
  // A closure is made where its definition ends, as in Lua.
  line_ = f.endLine;
  emitAx(OP_CLOSURE, uint32_t(out_.protos.size() - 1));
  push();
}

// As in Lua: the table is made before '{' is read (at the line of the token
// before it), a positional value is copied to its place at the separator
// after it (the last at '}', where the values left are stored), a keyed
// field is stored after its value.
void FuncGen::table(TableExpr& t) {
  int positional = 0;
  int hashSize = 0;
  for (auto& item : t.items) {
    if (item.kind == TableItem::Positional) positional++; else hashSize++;
  }
  bool lastMulti = !t.items.empty() && t.items.back().kind == TableItem::Positional && t.items.back().value->isMultiValue();
  int arraySize = lastMulti ? positional - 1 : positional;
  int slot = depth_;
  line_ = t.beforeLine;
  emitAB(OP_NEWTABLE, hashSize > kMaxA ? kMaxA : hashSize, arraySize > kMaxB ? kMaxB : arraySize);
  push();
  int pending = 0;       // positional values on the stack
  long long stored = 0;  // positional values already stored
  auto flush = [&](int count, int line) {
    line_ = line;
    emitAB(OP_SETLIST, slot, count);
    if (stored + 1 > kMaxAx) error("constructor too long", line_);
    emitAx(OP_EXTRAARG, uint32_t(stored + 1));
  };
  for (size_t i = 0; i < t.items.size(); i++) {
    TableItem& item = t.items[i];
    bool last = i + 1 == t.items.size();
    int storeLine = lastTokenLine(*item.value);
    if (item.kind == TableItem::Keyed) {
      // A local key, and a constant key Lua keeps in place, are used where
      // they are.
      int k = constantKeyOf(*item.key);
      int keyLocal = localSlot(*item.key);
      if (k >= 0 || keyLocal >= 0) {
        expr(*item.value, operandAt(storeLine));
        line_ = storeLine;
        if (k >= 0) emitAB(OP_SETFIELDAT, slot, k);
        else emitAB(OP_SETINDEXAT, slot, keyLocal);
        pop();
        continue;
      }
      // Lua loads another constant key at the '='.
      expr(*item.key, isLiteral(*item.key) ? valueAt(item.eqLine) : operandAt(lastTokenLine(*item.key)));
      expr(*item.value, operandAt(storeLine));
      line_ = storeLine;
      emitAx(OP_SETKEYAT, uint32_t(slot));
      pop(2);
      continue;
    }
    int placeLine = last ? t.endLine : item.sepLine;
    if (last && item.value->isMultiValue()) {
      exprN(*item.value, kMultRet, valueAt(placeLine));
      flush(0, t.endLine);
      pop(pending);
      stored += pending;
      pending = 0;
      continue;
    }
    expr(*item.value, valueAt(placeLine));
    pending++;
    if (pending == kFieldsPerFlush) {
      flush(pending, placeLine);
      pop(pending);
      stored += pending;
      pending = 0;
    }
  }
  if (pending > 0) {
    flush(pending, t.endLine);
    pop(pending);
  }
}

// `b` with its left operand on the stack, its code from lhsStart on.
void FuncGen::binary(BinaryExpr& b, int lhsStart, Use use) {
  if (b.op == BinOp::And || b.op == BinOp::Or) {
    // The left operand is tested at the operator; the right one is fetched
    // at its end and copied where the whole value is used.
    // (A comparison's own jump decides: no test of its own in Lua.)
    line_ = isJumpValue(*b.lhs) ? out_.lines.back() : b.line;
    bool isAnd = b.op == BinOp::And;
    ValueJumps inner;
    if (valueJumps_.pc == pc()) std::swap(inner, valueJumps_);
    int j = emitJump(isAnd ? OP_ANDJ : OP_ORJ);
    pop();
    // The jumps of an and/or on the left that land on this one go, as in
    // Lua, where this one sends their value: with it if it would jump too
    // (`a and b and c`), past it if it would drop it (`a and b or c`: a
    // false `a` goes straight to `c`).
    std::vector<int>& same = isAnd ? inner.ands : inner.ors;
    std::vector<int>& other = isAnd ? inner.ors : inner.ands;
    if (!other.empty()) {
      int past = target();
      for (int k : other) {
        out_.code[size_t(k)] = makeSAx(isAnd ? OP_JMPT : OP_JMPF, 0);
        patchJump(k, past);
      }
      other.clear();
    }
    same.push_back(j);
    // The right operand is copied where the value is used (not where
    // parentheses around it end), unless an and/or around it tests it in
    // place.
    Use rhsUse{b.endLine, use.place, false};
    if (use.testLine) rhsUse = Use{b.endLine, use.testLine, true, false, use.testLine};
    rhsUse.condition = use.condition;
    expr(*b.rhs, rhsUse);
    // These jumps land at the next instruction, with those of an and/or
    // that ends the right operand.
    if (valueJumps_.pc == pc()) {
      inner.ands.insert(inner.ands.end(), valueJumps_.ands.begin(), valueJumps_.ands.end());
      inner.ors.insert(inner.ors.end(), valueJumps_.ors.begin(), valueJumps_.ors.end());
    }
    inner.pc = target();
    valueJumps_ = std::move(inner);
    // A comparison before the last operand jumps here with its value, which
    // Lua makes where the whole value is used (as for a comparison alone).
    if (!use.testLine && exitsWithValue(*b.lhs, !isAnd)) markLine(use.place, kNoLine);
    return;
  }
  if (b.op == BinOp::Concat) {
    // a .. b .. c is right-associative: concatenate the whole chain at once,
    // each operand copied to its place at the '..' after it, the last at
    // its end; CONCAT is at the last '..'. Only the right operand chain is
    // flattened: a concatenation on the left can only come from parentheses
    // and was evaluated first, as written.
    int first = depth_ - 1;
    int count = 1;
    BinaryExpr* link = &b;
    while (link->rhs->kind == ExprKind::Binary && static_cast<BinaryExpr&>(*link->rhs).op == BinOp::Concat) {
      link = static_cast<BinaryExpr*>(link->rhs.get());
      expr(*link->lhs, valueAt(link->line));
      count++;
    }
    expr(*link->rhs, valueAt(link->endLine));
    count++;
    line_ = link->line;
    emitAB(OP_CONCAT, first, count);
    pop(count - 1);
    return;
  }
  // Arithmetic is at its operator, a comparison where its right operand ends.
  int opLine = isComparison(b.op) ? b.endLine : b.line;
  Opcode op = binaryOpcode(b.op);
  if (!isOperandLeaf(*b.rhs) && leftInPlace(b, op, lhsStart, opLine)) {
    // done: the right operand, then the operator reading the left one in place
  } else {
    int rhsStart = pc();
    expr(*b.rhs, rightUse(b));
    line_ = opLine;
    emitBinary(op, lhsStart, rhsStart);
    pop();
  }
  // Lua makes the value of a comparison (which is a jump in its code) where
  // the value is used (unless a jump uses it): when that is on a later
  // line, an instruction there.
  if (isComparison(b.op) && !use.testLine && !use.condition) markLine(use.place, kNoLine);
}

// The left operand of arithmetic or a comparison whose right operand is not
// a local or a constant, when its code (from lhsStart) is one push of a
// local or of a constant that Lua reads in place: the push is taken back,
// the right operand is evaluated and the operator reads the left operand
// where it is (an _LS or _KS form), after the right operand's code, as Lua
// does. Returns false (nothing done) for other left operands.
bool FuncGen::leftInPlace(BinaryExpr& b, Opcode op, int lhsStart, int opLine) {
  const Instruction* left = pc() - lhsStart == 1 ? fusable(lhsStart) : nullptr;
  if (!left) return false;
  Instruction leftPush = *left;
  int pushLine = out_.lines[size_t(lhsStart)];
  bool symmetric = b.op == BinOp::Eq || b.op == BinOp::Ne;
  BinaryForm form = kFormLS;
  uint32_t operand = 0;
  switch (opcodeOf(leftPush)) {
    case OP_GETLOCAL: operand = argAx(leftPush); break;
    case OP_INT: case OP_K: {
      Constant c;
      if (opcodeOf(leftPush) == OP_INT) {
        c.kind = Constant::Integer;
        c.i = argSAx(leftPush);
      } else {
        c = out_.constants[argAx(leftPush)];
      }
      // Lua loads a string on the left of other operators, and a number
      // other than an immediate one on the left of < <= > >=, before the
      // right operand (the push has a line of its own).
      if (c.kind == Constant::String && !symmetric) return false;
      if (isOrderComparison(b.op) && !isComparisonImmediate(c)) return false;
      form = kFormKS;
      operand = uint32_t(constantIndex(c));
      break;
    }
    case OP_NIL: case OP_TRUE: case OP_FALSE:
      // nil, true and false are no constants of ours: compared for
      // equality, they are pushed after the right operand instead (== and
      // ~= are symmetric for them, no metamethod applies).
      if (!symmetric || (opcodeOf(leftPush) == OP_NIL && argAx(leftPush) != 1)) return false;
      form = kFormStack;
      break;
    default: return false;
  }
  takeBack(lhsStart);
  expr(*b.rhs, rightUse(b));
  if (pushLine != kPendingLine) {
    // A number Lua loads only once the right operand is done (1 - x), at
    // the expression's end: an instruction there when that line has none.
    markLine(pushLine, opLine);
  }
  line_ = opLine;
  if (form == kFormStack) {
    emitPending(leftPush);
    push();
    emitNone(op);
    pop();
    return true;
  }
  emitAx(binaryOpInForm(op, form), operand);
  return true;
}

// Emits a binary operator, folding operands that are a single GETLOCAL or
// constant push into one of its operand forms (see Opcodes.hpp).
void FuncGen::emitBinary(Opcode op, int lhsStart, int rhsStart) {
  const Instruction* right = pc() - rhsStart == 1 ? fusable(rhsStart) : nullptr;
  const Instruction* left = rhsStart - lhsStart == 1 ? fusable(lhsStart) : nullptr;
  int rightConstant = -1;
  if (right && opcodeOf(*right) == OP_K) {
    rightConstant = int(argAx(*right));
  } else if (right && opcodeOf(*right) == OP_INT) {
    Constant c;
    c.kind = Constant::Integer;
    c.i = argSAx(*right);
    rightConstant = constantIndex(c);
  }
  bool leftLocal = left && opcodeOf(*left) == OP_GETLOCAL;
  if (right && opcodeOf(*right) == OP_GETLOCAL) {
    uint32_t slot = argAx(*right);
    if (leftLocal) replaceFrom(lhsStart, makeAB(Opcode(int(op) + int(kFormLL)), argAx(*left), slot));
    else replaceFrom(rhsStart, makeAx(Opcode(int(op) + int(kFormL)), slot));
  } else if (rightConstant >= 0 && rightConstant <= kMaxB) {
    if (leftLocal) replaceFrom(lhsStart, makeAB(Opcode(int(op) + int(kFormLK)), argAx(*left), uint32_t(rightConstant)));
    else replaceFrom(rhsStart, makeAx(Opcode(int(op) + int(kFormK)), uint32_t(rightConstant)));
  } else {
    emitNone(op);
  }
  pop();  // two operands in, one result out
  push();
}

// `-`, `~` and `#` are at their operator; `not` where its operand ends, or
// at the comparison it negates (which Lua negates without an instruction),
// or at the test Lua folds it into.
void FuncGen::unary(UnaryExpr& u, Use use) {
  // A constant left to run time (`#"abc"`, `-"1"`) is loaded first.
  Use operand = isLiteral(*u.operand) ? valueAt(u.endLine) : operandAt(u.endLine);
  operand.condition = u.op == UnOp::Not;
  expr(*u.operand, operand);
  if (u.op != UnOp::Not) line_ = u.line;
  else if (isJumpValue(*u.operand)) line_ = use.testLine ? out_.lines.back() : use.place;  // where Lua makes the value
  else line_ = use.testLine ? use.testLine : u.endLine;
  static const Opcode kOps[] = {OP_UNM, OP_NOT, OP_LEN, OP_BNOT};
  // #t of a local (t[#t + 1] = v): one instruction that reads the slot.
  const Instruction* last = u.op == UnOp::Len ? mergeable(pc() - 1) : nullptr;
  if (last && opcodeOf(*last) == OP_GETLOCAL) {
    replaceFrom(pc() - 1, makeAx(OP_LEN_L, argAx(*last)));
    return;
  }
  emitNone(kOps[int(u.op)]);
}

// A call leaving `want` results (kMultRet: all, dynamic).
void FuncGen::call(Expr& e, int want) {
  int start = leftOperand(e);
  finishLink(e, start, want, operandAt(e.line));
}

// A call whose function (or method object) is on top of the stack: SELF at
// the method's name, the arguments copied to their places at the ',' after
// each and the last at the call's end, CALL at the arguments' first token.
void FuncGen::finishCall(Expr& e, int want) {
  int base = depth_ - 1;
  ExprList* args;
  if (e.kind == ExprKind::MethodCall) {
    auto& m = static_cast<MethodCallExpr&>(e);
    line_ = m.nameLine;
    emitAx(OP_SELF, uint32_t(stringConstant(m.method)));
    push();
    args = &m.args;
  } else {
    args = &static_cast<CallExpr&>(e).args;
  }
  exprList(*args, kMultRet, e.endLine);
  line_ = e.line;
  emitAB(OP_CALL, base, want == kMultRet ? 0 : want + 1);
  depth_ = base;
  if (want != kMultRet) push(want);
}

// Emits code that jumps (the jumps are added to `jumps`) when `e` is true
// if `jumpIfTrue`, false otherwise, and falls through in the other case.
// Like Lua's conditions: `and`, `or` and `not` become jumps, each operand of
// `and`/`or` is tested at the operator after it and the last at `line`; a
// constant that never jumps makes no code.
void FuncGen::branch(Expr& e, bool jumpIfTrue, int line, std::vector<int>& jumps) {
  if (e.kind == ExprKind::Binary) {
    auto& b = static_cast<BinaryExpr&>(e);
    bool isAnd = b.op == BinOp::And;
    if (isAnd || b.op == BinOp::Or) {
      if (jumpIfTrue != isAnd) {
        // and, jump if false / or, jump if true: both operands may leave.
        branch(*b.lhs, jumpIfTrue, b.line, jumps);
        branch(*b.rhs, jumpIfTrue, line, jumps);
      } else {
        // The left operand decides alone when it is false (and) or true (or).
        std::vector<int> skip;
        branch(*b.lhs, !jumpIfTrue, b.line, skip);
        branch(*b.rhs, jumpIfTrue, line, jumps);
        for (int j : skip) patchHere(j);
      }
      return;
    }
  }
  if (e.kind == ExprKind::Unary && static_cast<UnaryExpr&>(e).op == UnOp::Not) {
    Expr& operand = *static_cast<UnaryExpr&>(e).operand;
    if (!isJumpValue(operand) && operand.kind == ExprKind::Unary && static_cast<UnaryExpr&>(operand).op == UnOp::Not) {
      // Lua folds only the outer `not` into the test: the inner one is a value.
      expr(operand, operandAt(line));
      line_ = line;
      jumps.push_back(emitJump(jumpIfTrue ? OP_JMPF : OP_JMPT));
      pop();
      return;
    }
    branch(operand, !jumpIfTrue, line, jumps);
    return;
  }
  if (isLiteral(e)) {
    bool truthy = e.kind != ExprKind::Nil && e.kind != ExprKind::False;
    if (truthy != jumpIfTrue) return;  // never jumps
  }
  Use condition = operandAt(line);
  condition.condition = true;
  expr(e, condition);
  // A comparison's jump is part of it, at its line.
  line_ = isComparison(e) ? out_.lines.back() : line;
  jumps.push_back(emitJump(jumpIfTrue ? OP_JMPT : OP_JMPF));
  pop();
}

}  // namespace tycho

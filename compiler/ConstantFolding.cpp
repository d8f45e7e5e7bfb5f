// ConstantFolding: Lua's rules for operators on constants (see ConstantFolding.hpp).
#include "compiler/ConstantFolding.hpp"

#include <cmath>

#include "runtime/Number.hpp"

namespace tycho {

using namespace ast;

namespace {

// A number literal's value.
struct Num {
  bool isInt;
  Integer i;
  Number n;
  Number asFloat() const { return isInt ? Number(i) : n; }
};

bool numberOf(const Expr& e, Num& out) {
  if (e.kind == ExprKind::Integer) {
    out = {true, static_cast<const IntegerExpr&>(e).value, 0};
    return true;
  }
  if (e.kind == ExprKind::Float) {
    out = {false, 0, static_cast<const FloatExpr&>(e).value};
    return true;
  }
  return false;
}

// The integer a bitwise operator sees (§3.4.2): integers, and floats with an
// exact integer value.
bool integerOf(const Num& v, Integer* out) {
  if (v.isInt) {
    *out = v.i;
    return true;
  }
  return floatToInteger(v.n, out);
}

Integer wrap(Unsigned u) { return Integer(u); }

// Folds `a op b`; false when Lua leaves the operation to run time.
bool arith(BinOp op, const Num& a, const Num& b, Num& r) {
  bool ints = a.isInt && b.isInt;
  switch (op) {
    case BinOp::Add:
      r = ints ? Num{true, wrap(Unsigned(a.i) + Unsigned(b.i)), 0} : Num{false, 0, a.asFloat() + b.asFloat()};
      break;
    case BinOp::Sub:
      r = ints ? Num{true, wrap(Unsigned(a.i) - Unsigned(b.i)), 0} : Num{false, 0, a.asFloat() - b.asFloat()};
      break;
    case BinOp::Mul:
      r = ints ? Num{true, wrap(Unsigned(a.i) * Unsigned(b.i)), 0} : Num{false, 0, a.asFloat() * b.asFloat()};
      break;
    case BinOp::Div:
      if (b.asFloat() == 0) return false;
      r = {false, 0, a.asFloat() / b.asFloat()};
      break;
    case BinOp::Pow:
      r = {false, 0, std::pow(a.asFloat(), b.asFloat())};
      break;
    case BinOp::IDiv:
      if (b.asFloat() == 0) return false;
      r = ints ? Num{true, integerFloorDiv(a.i, b.i), 0} : Num{false, 0, std::floor(a.asFloat() / b.asFloat())};
      break;
    case BinOp::Mod:
      if (b.asFloat() == 0) return false;
      r = ints ? Num{true, integerMod(a.i, b.i), 0} : Num{false, 0, floatMod(a.asFloat(), b.asFloat())};
      break;
    case BinOp::BAnd: case BinOp::BOr: case BinOp::BXor: case BinOp::Shl: case BinOp::Shr: {
      Integer x, y;
      if (!integerOf(a, &x) || !integerOf(b, &y)) return false;
      Integer v = 0;
      switch (op) {
        case BinOp::BAnd: v = x & y; break;
        case BinOp::BOr: v = x | y; break;
        case BinOp::BXor: v = x ^ y; break;
        case BinOp::Shl: v = shiftLeft(x, y); break;
        default: v = shiftLeft(x, wrap(0u - Unsigned(y))); break;
      }
      r = {true, v, 0};
      break;
    }
    default:
      return false;  // comparisons, concatenation, and/or
  }
  // A float NaN or zero is left to run time (a folded -0.0 would lose its sign).
  return r.isInt || (!std::isnan(r.n) && r.n != 0);
}

ExprPtr numberLiteral(const Num& v, const Expr& at) {
  ExprPtr e;
  if (v.isInt) e = std::make_unique<IntegerExpr>(v.i, at.line);
  else e = std::make_unique<FloatExpr>(v.n, at.line);
  e->endLine = at.endLine;
  e->followLine = at.followLine;
  e->parenLine = at.parenLine;
  return e;
}

ExprPtr booleanLiteral(bool b, const Expr& at) {
  ExprPtr e = std::make_unique<SimpleExpr>(b ? ExprKind::True : ExprKind::False, at.line);
  e->endLine = at.endLine;
  e->followLine = at.followLine;
  e->parenLine = at.parenLine;
  return e;
}

bool isFalsy(const Expr& e) { return e.kind == ExprKind::Nil || e.kind == ExprKind::False; }

}  // namespace

bool isLiteral(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Nil: case ExprKind::True: case ExprKind::False:
    case ExprKind::Integer: case ExprKind::Float: case ExprKind::String:
      return true;
    default:
      return false;
  }
}

ExprPtr copyLiteral(const Expr& e, const Expr& at) {
  ExprPtr copy;
  switch (e.kind) {
    case ExprKind::Integer: copy = std::make_unique<IntegerExpr>(static_cast<const IntegerExpr&>(e).value, at.line); break;
    case ExprKind::Float: copy = std::make_unique<FloatExpr>(static_cast<const FloatExpr&>(e).value, at.line); break;
    case ExprKind::String: copy = std::make_unique<StringExpr>(static_cast<const StringExpr&>(e).value, at.line); break;
    default: copy = std::make_unique<SimpleExpr>(e.kind, at.line); break;
  }
  copy->endLine = at.endLine;
  copy->followLine = at.followLine;
  copy->parenLine = at.parenLine;
  return copy;
}

ExprPtr foldUnary(UnaryExpr& e) {
  const Expr& x = *e.operand;
  if (e.op == UnOp::Not) return isLiteral(x) ? booleanLiteral(isFalsy(x), e) : nullptr;
  Num v;
  if (!numberOf(x, v)) return nullptr;
  if (e.op == UnOp::Neg) {
    Num r = v.isInt ? Num{true, wrap(0u - Unsigned(v.i)), 0} : Num{false, 0, -v.n};
    if (!r.isInt && r.n == 0) return nullptr;  // -0.0
    return numberLiteral(r, e);
  }
  if (e.op == UnOp::BNot) {
    Integer i;
    if (!integerOf(v, &i)) return nullptr;
    return numberLiteral(Num{true, ~i, 0}, e);
  }
  return nullptr;  // # is never folded
}

ExprPtr foldBinary(BinaryExpr& e) {
  if (e.op == BinOp::And || e.op == BinOp::Or) {
    // `K and x` with K true, `K or x` with K false: the value is x's, cut to one.
    if (!isLiteral(*e.lhs) || isFalsy(*e.lhs) != (e.op == BinOp::Or)) return nullptr;
    ExprPtr rhs = std::move(e.rhs);
    if (!rhs->parenLine) rhs->parenLine = e.parenLine;
    if (!rhs->isMultiValue()) return rhs;
    auto paren = std::make_unique<ParenExpr>(std::move(rhs), e.line);
    paren->endLine = e.endLine;
    paren->followLine = e.followLine;
    return paren;
  }
  Num a, b, r;
  if (!numberOf(*e.lhs, a) || !numberOf(*e.rhs, b) || !arith(e.op, a, b, r)) return nullptr;
  return numberLiteral(r, e);
}

}  // namespace tycho

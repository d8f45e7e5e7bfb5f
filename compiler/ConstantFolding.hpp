// ConstantFolding: operators applied to constants, evaluated while compiling
// as Lua evaluates them, so that the code (and with it the lines that hooks
// see, the registers that debug.getlocal sees and the names in messages) is
// the code Lua makes.
//
// A literal is a node for nil, false, true, a number or a string. Lua folds:
//   - arithmetic and bitwise operators on numbers (§3.4.1, §3.4.2), unless
//     the operation would raise an error (a zero divisor of /, // or %, a
//     bitwise operand without an integer representation) or give a float NaN
//     or zero (whose sign a folded constant could lose);
//   - unary minus and ~ on numbers, `not` on any literal;
//   - `K and e` with K a true literal, and `K or e` with K nil or false: they
//     are just e (cut to one value);
//   - names of compile-time constants (`local K <const> = literal`, see
//     Resolver.hpp), which the resolver replaces by their literal.
// Strings are never coerced, and comparisons and concatenation are never
// folded.
#pragma once

#include "compiler/Ast.hpp"

namespace tycho {

// Is `e` a literal node?
bool isLiteral(const ast::Expr& e);

// A copy of literal `e`, placed where `at` is (its lines).
ast::ExprPtr copyLiteral(const ast::Expr& e, const ast::Expr& at);

// The expression that replaces `e` (whose operands are already folded), or
// null when it stays as it is. Moves what it keeps out of `e`.
ast::ExprPtr foldUnary(ast::UnaryExpr& e);
ast::ExprPtr foldBinary(ast::BinaryExpr& e);

}  // namespace tycho

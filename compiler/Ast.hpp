// Ast: the syntax tree the parser builds (manual §9) and the resolver annotates.
//
// Nodes are owned by unique_ptr from their parent; each node records the line
// where it starts (for debug info and error messages). The parser desugars only
// what carries no meaning of its own:
//   - `function a.b.c:m(...)` becomes an Assign to Index(Index(Index(a,"b"),"c"),"m")
//     of a Function whose params start with "self" (isMethod = true);
//   - `local function f` stays a LocalFunction (f is in scope inside its body);
//   - `a.name` is Index with a String key, `a:m(args)` is MethodCall.
// Names are resolved later, by the resolver, which fills in Name::ref and the
// scope information of blocks and functions.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/Value.hpp"

namespace tycho::ast {

enum class ExprKind : uint8_t {
  Nil, True, False, Vararg, Integer, Float, String,
  Function, Table, Binary, Unary, Name, Index, Call, MethodCall, Paren,
};

enum class BinOp : uint8_t {
  Add, Sub, Mul, Div, IDiv, Mod, Pow, Concat,
  Eq, Ne, Lt, Le, Gt, Ge, And, Or,
  BAnd, BOr, BXor, Shl, Shr,
};

enum class UnOp : uint8_t { Neg, Not, Len, BNot };

struct Expr;
struct Stmt;
struct FunctionExpr;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using ExprList = std::vector<ExprPtr>;

struct Block {
  std::vector<StmtPtr> stmts;
  int line = 0;          // line of the first token of the block
  int endLine = 0;       // line of the token that closes it
  int lastLine = 0;      // line of the last token before that one
};

// How a Name resolves (filled in by the resolver).
struct VarRef {
  // Constant: a compile-time constant (the resolver replaces such names by
  // their literal, except as assignment targets, which are errors).
  enum Kind : uint8_t { Unresolved, Local, Upvalue, Global, Constant } kind = Unresolved;
  int index = -1;        // Local: stack slot; Upvalue: upvalue index
  int envKind = 0;       // Global: 0 = _ENV is an upvalue, 1 = _ENV is a local
  int envIndex = -1;     // Global: slot or upvalue index of _ENV
  bool isConst = false;  // refers to a <const> or <close> variable, or a compile-time constant
  const Expr* constant = nullptr;  // Constant: the literal
};

// Lines. Lua gives each instruction the line of the last token consumed when
// it is emitted (calls, operators, loops excepted), and emits much of the code
// of an expression only where the expression is used, so the code generator
// needs more than the line where an expression starts: `endLine` is the line
// of its last token, `followLine` the line of the token after it (a ',' or a
// 'then' that is consumed before the value is used), and `parenLine`, for an
// expression written in parentheses, the line of the ')', where Lua fetches
// a variable in parentheses.
struct Expr {
  ExprKind kind;
  int line;
  int endLine = 0;
  int followLine = 0;
  int parenLine = 0;
  Expr(ExprKind k, int l) : kind(k), line(l) {}
  virtual ~Expr() = default;
  // Calls and `...` can produce several values.
  bool isMultiValue() const {
    return kind == ExprKind::Call || kind == ExprKind::MethodCall || kind == ExprKind::Vararg;
  }
};

struct SimpleExpr : Expr {  // Nil, True, False, Vararg
  using Expr::Expr;
  int beforeLine = 0;       // Vararg: line of the token before '...' (VARARG's line)
};

struct IntegerExpr : Expr {
  Integer value;
  IntegerExpr(Integer v, int l) : Expr(ExprKind::Integer, l), value(v) {}
};

struct FloatExpr : Expr {
  Number value;
  FloatExpr(Number v, int l) : Expr(ExprKind::Float, l), value(v) {}
};

struct StringExpr : Expr {
  std::string value;
  StringExpr(std::string v, int l) : Expr(ExprKind::String, l), value(std::move(v)) {}
};

struct NameExpr : Expr {
  std::string name;
  VarRef ref;
  size_t end = 0;  // source offset just past the name (messages "near" the next token)
  NameExpr(std::string n, int l, size_t e) : Expr(ExprKind::Name, l), name(std::move(n)), end(e) {}
};

struct IndexExpr : Expr {   // object[key]; also object.name (key is a StringExpr)
  ExprPtr object;
  ExprPtr key;
  IndexExpr(ExprPtr o, ExprPtr k, int l) : Expr(ExprKind::Index, l), object(std::move(o)), key(std::move(k)) {}
  ~IndexExpr() override;
};

// Calls carry the line of their arguments' first token ('(', a string, '{').
struct CallExpr : Expr {    // fn(args)
  ExprPtr fn;
  ExprList args;
  CallExpr(ExprPtr f, ExprList a, int l) : Expr(ExprKind::Call, l), fn(std::move(f)), args(std::move(a)) {}
  ~CallExpr() override;
};

struct MethodCallExpr : Expr {  // object:method(args)
  ExprPtr object;
  std::string method;
  ExprList args;
  int nameLine = 0;             // line of the method's name
  MethodCallExpr(ExprPtr o, std::string m, ExprList a, int l)
      : Expr(ExprKind::MethodCall, l), object(std::move(o)), method(std::move(m)), args(std::move(a)) {}
  ~MethodCallExpr() override;
};

struct ParenExpr : Expr {   // (e): truncates e to one value
  ExprPtr inner;
  ParenExpr(ExprPtr e, int l) : Expr(ExprKind::Paren, l), inner(std::move(e)) {}
};

struct BinaryExpr : Expr {
  BinOp op;
  ExprPtr lhs, rhs;
  BinaryExpr(BinOp o, ExprPtr a, ExprPtr b, int l)
      : Expr(ExprKind::Binary, l), op(o), lhs(std::move(a)), rhs(std::move(b)) {}
  ~BinaryExpr() override;
};

struct UnaryExpr : Expr {
  UnOp op;
  ExprPtr operand;
  UnaryExpr(UnOp o, ExprPtr e, int l) : Expr(ExprKind::Unary, l), op(o), operand(std::move(e)) {}
};

struct TableItem {
  enum Kind : uint8_t { Positional, Keyed } kind;  // `a.b = v` form becomes Keyed with a StringExpr key
  ExprPtr key;      // Keyed only
  ExprPtr value;
  int line;
  int sepLine = 0;  // line of the token after the item (',', ';' or '}')
  int eqLine = 0;   // Keyed: line of the '=' (Lua loads a key it does not keep in place there)
};

struct TableExpr : Expr {
  std::vector<TableItem> items;
  int beforeLine = 0;       // line of the token before '{' (NEWTABLE's line)
  explicit TableExpr(int l) : Expr(ExprKind::Table, l) {}
};

// Scope facts the resolver records for a function.
struct FunctionInfo {
  std::vector<std::string> upvalueNames;
  struct Upvalue { bool inStack; int index; uint8_t kind; };
  std::vector<Upvalue> upvalues;
  int maxLocals = 0;   // highest local slot count used at once
};

struct FunctionExpr : Expr {
  std::vector<std::string> params;   // includes "self" first when isMethod
  bool isVararg = false;
  bool isMethod = false;
  Block body;                        // (endLine: the closing `end`, or the main chunk's last token)
  std::string name;                  // for messages only, may be empty
  FunctionInfo info;                 // filled in by the resolver
  explicit FunctionExpr(int l) : Expr(ExprKind::Function, l) {}
};

// --- statements ---

enum class StmtKind : uint8_t {
  Local, Assign, Call, Do, While, Repeat, If, NumericFor, GenericFor,
  LocalFunction, Return, Break, Goto, Label,
};

enum class Attrib : uint8_t { None, Const, Close };

// A local variable declared by a statement (resolver fills slot).
struct LocalVar {
  std::string name;
  Attrib attrib = Attrib::None;
  int slot = -1;
  bool captured = false;   // some closure refers to it as an upvalue
  // `local K <const> = literal` (the last variable of its statement, with as
  // many values as variables): no slot, no debug information, no code.
  bool isCompileTimeConstant = false;
};

struct Stmt {
  StmtKind kind;
  int line;
  int endLine = 0;  // line of the statement's last token (a return's ';' excluded)
  Stmt(StmtKind k, int l) : kind(k), line(l) {}
  virtual ~Stmt() = default;
};

struct LocalStmt : Stmt {         // local a <const>, b = e1, e2
  std::vector<LocalVar> vars;
  ExprList values;
  explicit LocalStmt(int l) : Stmt(StmtKind::Local, l) {}
};

struct AssignStmt : Stmt {        // t1, t2 = e1, e2 (targets are Name or Index)
  ExprList targets;
  ExprList values;
  bool isFunctionStatement = false;  // `function a.b() end`: the store is at the first line
  explicit AssignStmt(int l) : Stmt(StmtKind::Assign, l) {}
};

struct CallStmt : Stmt {          // a call used as a statement
  ExprPtr call;                   // CallExpr or MethodCallExpr
  CallStmt(ExprPtr c, int l) : Stmt(StmtKind::Call, l), call(std::move(c)) {}
};

struct DoStmt : Stmt {
  Block body;
  explicit DoStmt(int l) : Stmt(StmtKind::Do, l) {}
};

struct WhileStmt : Stmt {
  ExprPtr cond;
  Block body;
  explicit WhileStmt(int l) : Stmt(StmtKind::While, l) {}
};

struct RepeatStmt : Stmt {        // the condition sees the body's locals (§3.3.4)
  Block body;
  ExprPtr cond;
  explicit RepeatStmt(int l) : Stmt(StmtKind::Repeat, l) {}
};

struct IfStmt : Stmt {            // if c1 then b1 elseif c2 then b2 ... else be end
  ExprList conds;
  std::vector<Block> blocks;      // same size as conds
  bool hasElse = false;
  Block elseBlock;
  explicit IfStmt(int l) : Stmt(StmtKind::If, l) {}
};

struct NumericForStmt : Stmt {    // for v = start, limit [, step] do body end
  LocalVar var;
  ExprPtr start, limit, step;     // step may be null
  Block body;
  int doLine = 0;
  int baseSlot = -1;              // resolver: first of the loop's hidden slots
  explicit NumericForStmt(int l) : Stmt(StmtKind::NumericFor, l) {}
};

struct GenericForStmt : Stmt {    // for v1, v2 in explist do body end
  std::vector<LocalVar> vars;
  ExprList exprs;
  int iteratorLine = 0;           // line of the first token after `in`: the line of the iterator's calls
  Block body;
  int doLine = 0;
  int baseSlot = -1;              // resolver: first of the loop's hidden slots
  explicit GenericForStmt(int l) : Stmt(StmtKind::GenericFor, l) {}
};

struct LocalFunctionStmt : Stmt { // local function name body
  LocalVar var;
  std::unique_ptr<FunctionExpr> func;
  explicit LocalFunctionStmt(int l) : Stmt(StmtKind::LocalFunction, l) {}
};

struct ReturnStmt : Stmt {
  ExprList values;
  explicit ReturnStmt(int l) : Stmt(StmtKind::Return, l) {}
};

struct BreakStmt : Stmt {
  explicit BreakStmt(int l) : Stmt(StmtKind::Break, l) {}
};

struct GotoStmt : Stmt {
  std::string label;
  explicit GotoStmt(std::string n, int l) : Stmt(StmtKind::Goto, l), label(std::move(n)) {}
};

struct LabelStmt : Stmt {
  std::string label;
  explicit LabelStmt(std::string n, int l) : Stmt(StmtKind::Label, l), label(std::move(n)) {}
};

// --- left chains ---
//
// Left-associative operators and suffixes nest to the left, one node per
// operator or suffix: `a+b+c` is Binary(Binary(a, b), c), `f()()` is
// Call(Call(f)), `a.b:c()` is MethodCall(Index(a, "b")). Lua accepts such
// chains of any length, so nothing may recurse along them: the resolver and
// the code generator walk a chain with a loop (leftChild), and these nodes'
// destructors take their left chain apart with one (dismantleLeftChain).
// Every other child (right operands, keys, arguments) is real nesting, which
// the parser limits.

// The slot holding e's left operand (object, called function, left-hand
// side), or null for a node that is not a link of a left chain.
inline ExprPtr* leftChild(Expr& e) {
  switch (e.kind) {
    case ExprKind::Binary: return &static_cast<BinaryExpr&>(e).lhs;
    case ExprKind::Index: return &static_cast<IndexExpr&>(e).object;
    case ExprKind::Call: return &static_cast<CallExpr&>(e).fn;
    case ExprKind::MethodCall: return &static_cast<MethodCallExpr&>(e).object;
    default: return nullptr;
  }
}

// Destroys the chain in `slot` link by link: each link is destroyed with its
// left child already taken out, so its destructor does not recurse into it.
inline void dismantleLeftChain(ExprPtr& slot) {
  ExprPtr link = std::move(slot);
  while (link) {
    ExprPtr* left = leftChild(*link);
    if (!left) break;
    ExprPtr next = std::move(*left);
    link = std::move(next);
  }
}

inline IndexExpr::~IndexExpr() { dismantleLeftChain(object); }
inline CallExpr::~CallExpr() { dismantleLeftChain(fn); }
inline MethodCallExpr::~MethodCallExpr() { dismantleLeftChain(object); }
inline BinaryExpr::~BinaryExpr() { dismantleLeftChain(lhs); }

// The main chunk is a vararg function with no parameters (§3.3.2).
struct Chunk {
  std::unique_ptr<FunctionExpr> main;
  // The parsed text, which must outlive the chunk's resolution: an error found
  // by the resolver names the token after a name, as Lua's parser does.
  std::string_view source;
};

}  // namespace tycho::ast

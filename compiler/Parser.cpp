// Parser: recursive descent over the grammar of manual §9, building the tree of
// Ast.hpp. Expressions use precedence climbing with Lua's table of left and
// right priorities (§3.4.8), so left-associative chains are built in a loop and
// only right operands, unary operators and brackets recurse.
//
// The parser follows the structure of Lua's own parser closely, because its
// error messages (which token is "near", which line is reported, when the
// "(to close 'x' at line n)" form appears) depend on exactly when each token is
// consumed. Nesting is limited the way Lua limits it: every statement, every
// subexpression and every extra assignment target takes one level, and the
// parser gives up with "C stack overflow" at Lua's limit instead of exhausting
// the C++ stack (an error without a position, as Lua's, see CompileError).
//
// Loops build trees too: `a+b+c+...` and `a.b.c...` nest to the left one node
// per operator or suffix. Lua accepts such chains of any length, and so does
// Tycho: no consumer of the tree recurses along them (see "left chains" in
// Ast.hpp), so they take no nesting level.
//
// The parser checks syntax only. Scoping rules (goto/label visibility, `break`
// outside a loop, assignment to <const> variables) belong to the resolver.
#include "compiler/Parser.hpp"
#include "compiler/Resolver.hpp"
#include "runtime/Messages.hpp"

#include <utility>

namespace tycho {

namespace {

using namespace ast;

// Lua counts nesting in "C calls"; when the parser starts, the caller of `load`
// and `load` itself already use two of them. Counting them too makes the limit
// fall where lua5.4 puts it.
constexpr int kCallerLevels = 2;

struct Priority {
  uint8_t left, right;
};
// Indexed by BinOp. A left priority above the right one makes an operator
// right associative ('^' and '..').
constexpr Priority kPriority[] = {
    {10, 10}, {10, 10},            // Add Sub
    {11, 11}, {11, 11}, {11, 11},  // Mul Div IDiv
    {11, 11},                      // Mod
    {14, 13},                      // Pow
    {9, 8},                        // Concat
    {3, 3}, {3, 3}, {3, 3},        // Eq Ne Lt
    {3, 3}, {3, 3}, {3, 3},        // Le Gt Ge
    {2, 2}, {1, 1},                // And Or
    {6, 6}, {4, 4}, {5, 5},        // BAnd BOr BXor
    {7, 7}, {7, 7},                // Shl Shr
};
constexpr int kUnaryPriority = 12;  // binds tighter than all binary operators but '^'

// A token kind to expect, with the character for single-character symbols.
struct TokenId {
  Tok kind;
  int ch = 0;
};
constexpr TokenId charToken(int c) { return {Tok::Char, c}; }

bool matches(const Token& t, TokenId id) {
  return t.kind == id.kind && (id.kind != Tok::Char || t.ch == id.ch);
}

// How Lua names a token kind in "x expected" messages: symbols and reserved
// words quoted, <eof>/<name>/... bare.
std::string describe(TokenId id) {
  if (id.kind == Tok::Char) return std::string("'") + char(id.ch) + "'";
  if (id.kind < Tok::Eos) return std::string("'") + Lexer::tokenName(id.kind) + "'";
  return Lexer::tokenName(id.kind);
}

// What a suffixed expression turned out to be; decides whether it may be
// assigned to or used as a statement.
enum class ExprShape { Variable, Call, Other };

class Parser {
 public:
  Parser(std::string_view source, std::string_view chunkname) : lx_(source, chunkname), source_(source) {}

  Chunk parseMain() {
    auto main = std::make_unique<FunctionExpr>(0);
    main->isVararg = true;
    main->name = "main chunk";
    fn_ = main.get();
    main->body.line = lx_.line();
    statementList(main->body);
    main->body.endLine = lx_.line();
    main->body.lastLine = lx_.lastLine();
    main->endLine = lx_.lastLine();  // the line of its last token
    check(TokenId{Tok::Eos});
    Chunk chunk;
    chunk.main = std::move(main);
    chunk.source = source_;
    return chunk;
  }

 private:
  Lexer lx_;
  std::string_view source_;
  int depth_ = 0;
  FunctionExpr* fn_ = nullptr;  // the function whose body is being parsed
  int locals_ = 0;              // local variables of fn_ in scope (hidden loop state included)

  // Counts a new local variable of the current function; past the limit this
  // is Lua's syntax error, near the token after the variable's name.
  void declareLocal() {
    if (locals_ + 1 > kMaxLocals) {
      std::string where = fn_->name == "main chunk" ? "main function" : "function at line " + std::to_string(fn_->line);
      lx_.syntaxError("too many local variables (limit is " + std::to_string(kMaxLocals) + ") in " + where);
    }
    locals_++;
  }

  // Holds one nesting level for as long as it lives.
  class Level {
   public:
    explicit Level(Parser& p) : p_(p) { p_.enterLevel(); }
    ~Level() { --p_.depth_; }
    Level(const Level&) = delete;
    Level& operator=(const Level&) = delete;

   private:
    Parser& p_;
  };

  void enterLevel() {
    if (++depth_ + kCallerLevels >= kMaxSyntaxLevels) throw CompileError{msg::kCStackOverflow, true};
  }

  // Records where expression `e` ends: the line of its last token and of
  // the token after it (the code generator gives instructions the lines Lua
  // gives them, which depend on when each token is consumed).
  void ended(Expr& e) {
    e.endLine = lx_.lastLine();
    e.followLine = lx_.line();
  }

  // --- token helpers ---

  const Token& cur() const { return lx_.current(); }
  bool is(Tok kind) const { return cur().kind == kind; }
  bool isChar(int c) const { return cur().kind == Tok::Char && cur().ch == c; }
  bool testNext(TokenId id) {
    if (!matches(cur(), id)) return false;
    lx_.next();
    return true;
  }
  bool testNextChar(int c) { return testNext(charToken(c)); }
  [[noreturn]] void errorExpected(TokenId id) { lx_.syntaxError(describe(id) + " expected"); }
  void check(TokenId id) {
    if (!matches(cur(), id)) errorExpected(id);
  }
  void checkNext(TokenId id) {
    check(id);
    lx_.next();
  }
  void checkNextChar(int c) { checkNext(charToken(c)); }
  // Expects the token closing `who` (opened at line `where`).
  void checkMatch(TokenId what, TokenId who, int where) {
    if (testNext(what)) return;
    if (where == lx_.line()) errorExpected(what);
    lx_.syntaxError(describe(what) + " expected (to close " + describe(who) + " at line " +
                    std::to_string(where) + ")");
  }
  std::string checkName() {
    check(TokenId{Tok::Name});
    std::string name = cur().text;
    lx_.next();
    return name;
  }
  // An error about meaning rather than form: Lua reports it without "near".
  [[noreturn]] void semanticError(const std::string& msg) { lx_.errorAt(msg, lx_.line()); }

  // --- blocks and statements ---

  bool blockFollows(bool withUntil) const {
    switch (cur().kind) {
      case Tok::Else: case Tok::Elseif: case Tok::End: case Tok::Eos:
        return true;
      case Tok::Until:
        return withUntil;
      default:
        return false;
    }
  }

  void statementList(Block& block) {
    while (!blockFollows(true)) {
      bool isReturn = is(Tok::Return);
      if (StmtPtr s = statement()) block.stmts.push_back(std::move(s));
      if (isReturn) return;  // 'return' must be the last statement
    }
  }

  Block block() {
    Block b;
    b.line = lx_.line();
    int outerLocals = locals_;
    statementList(b);
    locals_ = outerLocals;
    b.endLine = lx_.line();
    b.lastLine = lx_.lastLine();
    return b;
  }

  // Returns null for an empty statement.
  StmtPtr statement() {
    StmtPtr s = statementBody();
    if (s && !s->endLine) s->endLine = lx_.lastLine();
    return s;
  }

  StmtPtr statementBody() {
    int line = lx_.line();
    Level level(*this);
    switch (cur().kind) {
      case Tok::Char:
        if (cur().ch == ';') {
          lx_.next();
          return nullptr;
        }
        break;
      case Tok::If:
        return ifStatement(line);
      case Tok::While:
        return whileStatement(line);
      case Tok::Do: {
        lx_.next();
        auto s = std::make_unique<DoStmt>(line);
        s->body = block();
        checkMatch(TokenId{Tok::End}, TokenId{Tok::Do}, line);
        return s;
      }
      case Tok::For:
        return forStatement(line);
      case Tok::Repeat:
        return repeatStatement(line);
      case Tok::Function:
        return functionStatement(line);
      case Tok::Local:
        lx_.next();
        if (testNext(TokenId{Tok::Function})) return localFunction(line);
        return localStatement(line);
      case Tok::DbColon: {
        lx_.next();
        std::string name = checkName();
        checkNext(TokenId{Tok::DbColon});
        return std::make_unique<LabelStmt>(std::move(name), line);
      }
      case Tok::Return:
        lx_.next();
        return returnStatement(line);
      case Tok::Break:
        lx_.next();
        return std::make_unique<BreakStmt>(line);
      case Tok::Goto: {
        lx_.next();
        std::string name = checkName();
        return std::make_unique<GotoStmt>(std::move(name), line);
      }
      default:
        break;
    }
    return expressionStatement(line);
  }

  // One `if cond then block` or `elseif cond then block` part.
  void conditionalBlock(IfStmt& s) {
    lx_.next();  // 'if' or 'elseif'
    s.conds.push_back(expression());
    checkNext(TokenId{Tok::Then});
    s.blocks.push_back(block());
  }

  StmtPtr ifStatement(int line) {
    auto s = std::make_unique<IfStmt>(line);
    conditionalBlock(*s);
    while (is(Tok::Elseif)) conditionalBlock(*s);
    if (testNext(TokenId{Tok::Else})) {
      s->hasElse = true;
      s->elseBlock = block();
    }
    checkMatch(TokenId{Tok::End}, TokenId{Tok::If}, line);
    return s;
  }

  StmtPtr whileStatement(int line) {
    lx_.next();
    auto s = std::make_unique<WhileStmt>(line);
    s->cond = expression();
    checkNext(TokenId{Tok::Do});
    s->body = block();
    checkMatch(TokenId{Tok::End}, TokenId{Tok::While}, line);
    return s;
  }

  StmtPtr repeatStatement(int line) {
    lx_.next();
    auto s = std::make_unique<RepeatStmt>(line);
    s->body = block();
    checkMatch(TokenId{Tok::Until}, TokenId{Tok::Repeat}, line);
    s->cond = expression();
    return s;
  }

  StmtPtr forStatement(int line) {
    lx_.next();
    LocalVar first;
    first.name = checkName();
    StmtPtr result;
    int outerLocals = locals_;
    if (isChar('=')) {
      for (int i = 0; i < 4; i++) declareLocal();  // three hidden slots and the variable
      lx_.next();
      auto s = std::make_unique<NumericForStmt>(line);
      s->var = std::move(first);
      s->start = expression();
      checkNextChar(',');
      s->limit = expression();
      if (testNextChar(',')) s->step = expression();
      s->doLine = lx_.line();
      checkNext(TokenId{Tok::Do});
      s->body = block();
      result = std::move(s);
    } else if (isChar(',') || is(Tok::In)) {
      auto s = std::make_unique<GenericForStmt>(line);
      s->vars.push_back(std::move(first));
      for (int i = 0; i < 5; i++) declareLocal();  // four hidden slots and the first variable
      while (testNextChar(',')) {
        LocalVar v;
        v.name = checkName();
        declareLocal();
        s->vars.push_back(std::move(v));
      }
      checkNext(TokenId{Tok::In});
      s->iteratorLine = lx_.line();
      s->exprs = expressionList();
      s->doLine = lx_.line();
      checkNext(TokenId{Tok::Do});
      s->body = block();
      result = std::move(s);
    } else {
      lx_.syntaxError("'=' or 'in' expected");
    }
    checkMatch(TokenId{Tok::End}, TokenId{Tok::For}, line);
    locals_ = outerLocals;
    return result;
  }

  // function a.b.c:m(params) body end  →  a.b.c.m = function(self, params) ... end
  StmtPtr functionStatement(int line) {
    lx_.next();
    int nameLine = lx_.line();
    size_t nameEnd = cur().end;
    std::string name = checkName();
    std::string fullName = name;
    ExprPtr target = std::make_unique<NameExpr>(std::move(name), nameLine, nameEnd);
    bool isMethod = false;
    while (isChar('.') || isChar(':')) {
      isMethod = isChar(':');
      int keyLine = lx_.line();
      lx_.next();
      std::string key = checkName();
      fullName += isMethod ? ':' : '.';
      fullName += key;
      auto keyExpr = std::make_unique<StringExpr>(std::move(key), keyLine);
      target = std::make_unique<IndexExpr>(std::move(target), std::move(keyExpr), keyLine);
      if (isMethod) break;  // the method name ends the function name
    }
    auto fn = functionBody(isMethod, line);
    fn->name = std::move(fullName);
    auto s = std::make_unique<AssignStmt>(line);
    s->isFunctionStatement = true;
    s->targets.push_back(std::move(target));
    s->values.push_back(std::move(fn));
    return s;
  }

  StmtPtr localFunction(int line) {
    auto s = std::make_unique<LocalFunctionStmt>(line);
    s->var.name = checkName();
    declareLocal();
    s->func = functionBody(false, lx_.line());
    s->func->name = s->var.name;
    return s;
  }

  Attrib attribute() {
    if (!testNextChar('<')) return Attrib::None;
    std::string name = checkName();
    checkNextChar('>');
    if (name == "const") return Attrib::Const;
    if (name == "close") return Attrib::Close;
    semanticError("unknown attribute '" + name + "'");
  }

  StmtPtr localStatement(int line) {
    auto s = std::make_unique<LocalStmt>(line);
    bool hasClose = false;
    do {
      LocalVar v;
      v.name = checkName();
      declareLocal();
      v.attrib = attribute();
      if (v.attrib == Attrib::Close) {
        if (hasClose) semanticError("multiple to-be-closed variables in local list");
        hasClose = true;
      }
      s->vars.push_back(std::move(v));
    } while (testNextChar(','));
    if (testNextChar('=')) s->values = expressionList();
    return s;
  }

  StmtPtr returnStatement(int line) {
    auto s = std::make_unique<ReturnStmt>(line);
    if (!blockFollows(true) && !isChar(';')) s->values = expressionList();
    s->endLine = lx_.lastLine();  // a ';' after the values is not part of it
    testNextChar(';');
    return s;
  }

  StmtPtr expressionStatement(int line) {
    ExprShape shape;
    ExprPtr first = suffixedExpression(shape);
    if (isChar('=') || isChar(',')) {
      auto s = std::make_unique<AssignStmt>(line);
      if (shape != ExprShape::Variable) lx_.syntaxError("syntax error");
      s->targets.push_back(std::move(first));
      // Lua reads further targets recursively, one nesting level each.
      int extraLevels = 0;
      while (testNextChar(',')) {
        ExprPtr target = suffixedExpression(shape);
        enterLevel();
        ++extraLevels;
        if (shape != ExprShape::Variable) lx_.syntaxError("syntax error");
        s->targets.push_back(std::move(target));
      }
      checkNextChar('=');
      s->values = expressionList();
      depth_ -= extraLevels;
      return s;
    }
    if (shape != ExprShape::Call) lx_.syntaxError("syntax error");
    return std::make_unique<CallStmt>(std::move(first), line);
  }

  // --- functions ---

  std::unique_ptr<FunctionExpr> functionBody(bool isMethod, int line) {
    auto fn = std::make_unique<FunctionExpr>(line);
    fn->isMethod = isMethod;
    FunctionExpr* enclosing = fn_;
    int enclosingLocals = locals_;
    fn_ = fn.get();
    locals_ = 0;
    if (isMethod) {
      fn->params.push_back("self");
      declareLocal();
    }
    checkNextChar('(');
    if (!isChar(')')) {
      do {
        if (is(Tok::Name)) {
          fn->params.push_back(checkName());
          declareLocal();
        } else if (is(Tok::Dots)) {
          lx_.next();
          fn->isVararg = true;
        } else {
          lx_.syntaxError("<name> or '...' expected");
        }
      } while (!fn->isVararg && testNextChar(','));
    }
    checkNextChar(')');
    fn->body.line = lx_.line();
    statementList(fn->body);
    fn->body.endLine = lx_.line();
    fn->body.lastLine = lx_.lastLine();
    fn->endLine = lx_.line();
    checkMatch(TokenId{Tok::End}, TokenId{Tok::Function}, line);
    fn_ = enclosing;
    locals_ = enclosingLocals;
    return fn;
  }

  // --- expressions ---

  ExprPtr expression() { return subexpression(0); }

  ExprList expressionList() {
    ExprList list;
    list.push_back(expression());
    while (testNextChar(',')) list.push_back(expression());
    return list;
  }

  static int unaryOperator(const Token& t) {
    if (t.kind == Tok::Not) return int(UnOp::Not);
    if (t.kind != Tok::Char) return -1;
    switch (t.ch) {
      case '-': return int(UnOp::Neg);
      case '#': return int(UnOp::Len);
      case '~': return int(UnOp::BNot);
      default: return -1;
    }
  }

  static int binaryOperator(const Token& t) {
    switch (t.kind) {
      case Tok::Char:
        switch (t.ch) {
          case '+': return int(BinOp::Add);
          case '-': return int(BinOp::Sub);
          case '*': return int(BinOp::Mul);
          case '/': return int(BinOp::Div);
          case '%': return int(BinOp::Mod);
          case '^': return int(BinOp::Pow);
          case '&': return int(BinOp::BAnd);
          case '|': return int(BinOp::BOr);
          case '~': return int(BinOp::BXor);
          case '<': return int(BinOp::Lt);
          case '>': return int(BinOp::Gt);
          default: return -1;
        }
      case Tok::IDiv: return int(BinOp::IDiv);
      case Tok::Concat: return int(BinOp::Concat);
      case Tok::Eq: return int(BinOp::Eq);
      case Tok::Ne: return int(BinOp::Ne);
      case Tok::Le: return int(BinOp::Le);
      case Tok::Ge: return int(BinOp::Ge);
      case Tok::Shl: return int(BinOp::Shl);
      case Tok::Shr: return int(BinOp::Shr);
      case Tok::And: return int(BinOp::And);
      case Tok::Or: return int(BinOp::Or);
      default: return -1;
    }
  }

  // Parses operators whose left priority is above `limit`.
  ExprPtr subexpression(int limit) {
    Level level(*this);
    ExprPtr e;
    int unary = unaryOperator(cur());
    if (unary >= 0) {
      int line = lx_.line();
      lx_.next();
      ExprPtr operand = subexpression(kUnaryPriority);
      e = std::make_unique<UnaryExpr>(UnOp(unary), std::move(operand), line);
      ended(*e);
    } else {
      e = simpleExpression();
    }
    for (int op = binaryOperator(cur()); op >= 0 && kPriority[op].left > limit;
         op = binaryOperator(cur())) {
      int line = lx_.line();
      lx_.next();
      ExprPtr rhs = subexpression(kPriority[op].right);
      e = std::make_unique<BinaryExpr>(BinOp(op), std::move(e), std::move(rhs), line);
      ended(*e);
    }
    return e;
  }

  ExprPtr simpleExpression() {
    int line = lx_.line();
    ExprPtr e;
    switch (cur().kind) {
      case Tok::Float: e = std::make_unique<FloatExpr>(cur().number, line); break;
      case Tok::Int: e = std::make_unique<IntegerExpr>(cur().integer, line); break;
      case Tok::String: e = std::make_unique<StringExpr>(cur().text, line); break;
      case Tok::Nil: e = std::make_unique<SimpleExpr>(ExprKind::Nil, line); break;
      case Tok::True: e = std::make_unique<SimpleExpr>(ExprKind::True, line); break;
      case Tok::False: e = std::make_unique<SimpleExpr>(ExprKind::False, line); break;
      case Tok::Dots: {
        if (!fn_->isVararg) lx_.syntaxError("cannot use '...' outside a vararg function");
        auto dots = std::make_unique<SimpleExpr>(ExprKind::Vararg, line);
        dots->beforeLine = lx_.lastLine();
        e = std::move(dots);
        break;
      }
      case Tok::Function: {
        lx_.next();
        auto fn = functionBody(false, lx_.line());
        ended(*fn);
        return fn;
      }
      default: {
        if (isChar('{')) return tableConstructor();
        ExprShape shape;
        return suffixedExpression(shape);
      }
    }
    lx_.next();
    ended(*e);
    return e;
  }

  ExprPtr primaryExpression(ExprShape& shape) {
    int line = lx_.line();
    if (isChar('(')) {
      lx_.next();
      ExprPtr inner = expression();
      checkMatch(charToken(')'), charToken('('), line);
      shape = ExprShape::Other;
      // Only calls and '...' change meaning inside parentheses (they are cut to
      // one value); other expressions are kept as they are, with the line
      // where Lua fetches a variable in parentheses (see Expr::parenLine).
      if (inner->isMultiValue()) {
        auto paren = std::make_unique<ParenExpr>(std::move(inner), line);
        ended(*paren);
        return paren;
      }
      inner->parenLine = lx_.lastLine();
      inner->followLine = lx_.line();
      return inner;
    }
    if (is(Tok::Name)) {
      shape = ExprShape::Variable;
      auto name = std::make_unique<NameExpr>(cur().text, line, cur().end);
      lx_.next();
      ended(*name);
      return name;
    }
    lx_.syntaxError("unexpected symbol");
  }

  ExprPtr suffixedExpression(ExprShape& shape) {
    ExprPtr e = primaryExpression(shape);
    for (;;) {
      if (is(Tok::String) || isChar('(') || isChar('{')) {
        // A call takes the line of its arguments' first token, as in Lua 5.4.8
        // (runtime errors in the call and line hooks report it).
        int line = lx_.line();
        ExprList args = callArguments(line);
        e = std::make_unique<CallExpr>(std::move(e), std::move(args), line);
        ended(*e);
        shape = ExprShape::Call;
        continue;
      }
      if (cur().kind != Tok::Char) return e;
      int keyLine = lx_.line();
      switch (cur().ch) {
        case '.': {
          lx_.next();
          auto key = std::make_unique<StringExpr>(checkName(), keyLine);
          e = std::make_unique<IndexExpr>(std::move(e), std::move(key), keyLine);
          ended(*e);
          shape = ExprShape::Variable;
          break;
        }
        case '[': {
          lx_.next();
          ExprPtr key = expression();
          checkNextChar(']');
          e = std::make_unique<IndexExpr>(std::move(e), std::move(key), keyLine);
          ended(*e);
          shape = ExprShape::Variable;
          break;
        }
        case ':': {
          lx_.next();
          std::string method = checkName();
          int nameLine = lx_.lastLine();
          int line = lx_.line();
          ExprList args = callArguments(line);
          e = std::make_unique<MethodCallExpr>(std::move(e), std::move(method), std::move(args), line);
          static_cast<MethodCallExpr&>(*e).nameLine = nameLine;
          ended(*e);
          shape = ExprShape::Call;
          break;
        }
        default:
          return e;
      }
    }
  }

  ExprList callArguments(int line) {
    ExprList args;
    if (is(Tok::String)) {
      args.push_back(std::make_unique<StringExpr>(cur().text, lx_.line()));
      lx_.next();
      ended(*args.back());
    } else if (isChar('{')) {
      args.push_back(tableConstructor());
    } else if (isChar('(')) {
      lx_.next();
      if (!isChar(')')) args = expressionList();
      checkMatch(charToken(')'), charToken('('), line);
    } else {
      lx_.syntaxError("function arguments expected");
    }
    return args;
  }

  ExprPtr tableConstructor() {
    int line = lx_.line();
    auto table = std::make_unique<TableExpr>(line);
    table->beforeLine = lx_.lastLine();
    checkNextChar('{');
    do {
      if (isChar('}')) break;
      table->items.push_back(tableField());
      table->items.back().sepLine = lx_.line();
    } while (testNextChar(',') || testNextChar(';'));
    checkMatch(charToken('}'), charToken('{'), line);
    ended(*table);
    return table;
  }

  TableItem tableField() {
    int line = lx_.line();
    if (is(Tok::Name) && matches(lx_.peek(), charToken('='))) {
      auto key = std::make_unique<StringExpr>(checkName(), line);
      lx_.next();  // '='
      ExprPtr value = expression();
      return TableItem{TableItem::Keyed, std::move(key), std::move(value), line};
    }
    if (isChar('[')) {
      lx_.next();
      ExprPtr key = expression();
      checkNextChar(']');
      checkNextChar('=');
      int eqLine = lx_.lastLine();
      ExprPtr value = expression();
      TableItem item{TableItem::Keyed, std::move(key), std::move(value), line};
      item.eqLine = eqLine;
      return item;
    }
    return TableItem{TableItem::Positional, nullptr, expression(), line};
  }
};

}  // namespace

ast::Chunk parseChunk(std::string_view source, std::string_view chunkname) {
  Parser parser(source, chunkname);
  return parser.parseMain();
}

}  // namespace tycho

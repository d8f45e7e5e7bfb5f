// Tests for the parser: tree shapes (precedence, associativity, desugaring),
// every statement kind, syntax error messages compared with lua5.4, and the
// nesting limit that keeps hostile input from exhausting the C++ stack.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "compiler/Parser.hpp"
#include "runtime/Number.hpp"

using namespace tycho;
using namespace tycho::ast;
using namespace std::literals;

namespace {

const char* opName(BinOp op) {
  static const char* const names[] = {"+", "-", "*", "/", "//", "%", "^", "..", "==", "~=", "<",
                                      "<=", ">", ">=", "and", "or", "&", "|", "~", "<<", ">>"};
  return names[int(op)];
}
const char* opName(UnOp op) {
  static const char* const names[] = {"neg", "not", "len", "bnot"};
  return names[int(op)];
}

std::string show(const Expr& e);

std::string showList(const ExprList& list) {
  std::string out;
  for (auto& e : list) {
    out += ' ';
    out += show(*e);
  }
  return out;
}

// The expression as an S-expression, so that tests can check tree shapes.
std::string show(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Nil: return "nil";
    case ExprKind::True: return "true";
    case ExprKind::False: return "false";
    case ExprKind::Vararg: return "...";
    case ExprKind::Integer: return std::to_string(static_cast<const IntegerExpr&>(e).value);
    case ExprKind::Float: {
      char buf[kMaxNumberText];
      size_t n = numberToText(Value::number(static_cast<const FloatExpr&>(e).value), buf);
      return std::string(buf, n);
    }
    case ExprKind::String: return "\"" + static_cast<const StringExpr&>(e).value + "\"";
    case ExprKind::Name: return static_cast<const NameExpr&>(e).name;
    case ExprKind::Index: {
      auto& x = static_cast<const IndexExpr&>(e);
      return "(index " + show(*x.object) + " " + show(*x.key) + ")";
    }
    case ExprKind::Call: {
      auto& x = static_cast<const CallExpr&>(e);
      return "(call " + show(*x.fn) + showList(x.args) + ")";
    }
    case ExprKind::MethodCall: {
      auto& x = static_cast<const MethodCallExpr&>(e);
      return "(method " + show(*x.object) + " " + x.method + showList(x.args) + ")";
    }
    case ExprKind::Paren: return "(paren " + show(*static_cast<const ParenExpr&>(e).inner) + ")";
    case ExprKind::Binary: {
      auto& x = static_cast<const BinaryExpr&>(e);
      return std::string("(") + opName(x.op) + " " + show(*x.lhs) + " " + show(*x.rhs) + ")";
    }
    case ExprKind::Unary: {
      auto& x = static_cast<const UnaryExpr&>(e);
      return std::string("(") + opName(x.op) + " " + show(*x.operand) + ")";
    }
    case ExprKind::Function: {
      auto& x = static_cast<const FunctionExpr&>(e);
      std::string out = "(function";
      for (auto& p : x.params) out += " " + p;
      if (x.isVararg) out += " ...";
      return out + ")";
    }
    case ExprKind::Table: {
      auto& x = static_cast<const TableExpr&>(e);
      std::string out = "(table";
      for (auto& item : x.items) {
        out += ' ';
        if (item.kind == TableItem::Keyed) out += '[' + show(*item.key) + "]=";
        out += show(*item.value);
      }
      return out + ")";
    }
  }
  return "?";
}

// The expression `source` returns.
std::string expr(std::string_view source) {
  Chunk chunk = parseChunk("return " + std::string(source), "=test");
  auto& stmts = chunk.main->body.stmts;
  REQUIRE(stmts.size() == 1);
  REQUIRE(stmts[0]->kind == StmtKind::Return);
  auto& ret = static_cast<ReturnStmt&>(*stmts[0]);
  REQUIRE(ret.values.size() == 1);
  return show(*ret.values[0]);
}

// The statements of a chunk.
Chunk parse(std::string_view source) { return parseChunk(source, "=test"); }

template <typename T>
T& only(Chunk& chunk) {
  auto& stmts = chunk.main->body.stmts;
  REQUIRE(stmts.size() == 1);
  REQUIRE(dynamic_cast<T*>(stmts[0].get()) != nullptr);
  return static_cast<T&>(*stmts[0]);
}

// The message `source` fails with (chunk name = source, as load uses), or "ok".
std::string parseError(std::string_view source) {
  try {
    parseChunk(source, source);
  } catch (const CompileError& e) {
    return e.message;
  }
  return "ok";
}

}  // namespace

TEST_CASE("the main chunk is a vararg function") {
  Chunk chunk = parse("");
  REQUIRE(chunk.main);
  CHECK(chunk.main->isVararg);
  CHECK(chunk.main->params.empty());
  CHECK(chunk.main->name == "main chunk");
  CHECK(chunk.main->body.stmts.empty());
  CHECK(parse("return ...").main->body.stmts.size() == 1);
}

TEST_CASE("simple expressions") {
  CHECK(expr("nil") == "nil");
  CHECK(expr("true") == "true");
  CHECK(expr("false") == "false");
  CHECK(expr("...") == "...");
  CHECK(expr("42") == "42");
  CHECK(expr("0x10") == "16");
  CHECK(expr("1.5") == "1.5");
  CHECK(expr("1e2") == "100.0");
  CHECK(expr("'s'") == "\"s\"");
  CHECK(expr("[[long]]") == "\"long\"");
  CHECK(expr("x") == "x");
  CHECK(expr("function(a, b, ...) end") == "(function a b ...)");
  CHECK(expr("function() end") == "(function)");
}

TEST_CASE("binary operator precedence") {
  CHECK(expr("1 + 2 * 3") == "(+ 1 (* 2 3))");
  CHECK(expr("1 * 2 + 3") == "(+ (* 1 2) 3)");
  CHECK(expr("a or b and c") == "(or a (and b c))");
  CHECK(expr("a and b or c") == "(or (and a b) c)");
  CHECK(expr("a < b and c") == "(and (< a b) c)");
  CHECK(expr("a | b < c") == "(< (| a b) c)");
  CHECK(expr("a ~ b | c") == "(| (~ a b) c)");
  CHECK(expr("a & b ~ c") == "(~ (& a b) c)");
  CHECK(expr("a << b & c") == "(& (<< a b) c)");
  CHECK(expr("a .. b << c") == "(<< (.. a b) c)");
  CHECK(expr("a + b .. c") == "(.. (+ a b) c)");
  CHECK(expr("a * b + c") == "(+ (* a b) c)");
  CHECK(expr("a | b ~ c & d << e .. f + g * h") == "(| a (~ b (& c (<< d (.. e (+ f (* g h)))))))");
  CHECK(expr("a * b / c // d % e") == "(% (// (/ (* a b) c) d) e)");
  CHECK(expr("1 < 2 == true") == "(== (< 1 2) true)");
  CHECK(expr("a ~= b >= c <= d > e") == "(> (<= (>= (~= a b) c) d) e)");
}

TEST_CASE("associativity") {
  CHECK(expr("1 - 2 - 3") == "(- (- 1 2) 3)");
  CHECK(expr("a / b / c") == "(/ (/ a b) c)");
  CHECK(expr("a << b >> c") == "(>> (<< a b) c)");
  CHECK(expr("a or b or c") == "(or (or a b) c)");
  CHECK(expr("a and b and c") == "(and (and a b) c)");
  CHECK(expr("2 ^ 3 ^ 2") == "(^ 2 (^ 3 2))");
  CHECK(expr("a .. b .. c") == "(.. a (.. b c))");
  CHECK(expr("a .. b + c .. d") == "(.. a (.. (+ b c) d))");
}

TEST_CASE("unary operators") {
  CHECK(expr("-x ^ 2") == "(neg (^ x 2))");
  CHECK(expr("2 ^ -3") == "(^ 2 (neg 3))");
  CHECK(expr("2 ^ -3 ^ 2") == "(^ 2 (neg (^ 3 2)))");
  CHECK(expr("-2 ^ -3") == "(neg (^ 2 (neg 3)))");
  CHECK(expr("not a == b") == "(== (not a) b)");
  CHECK(expr("#t + 1") == "(+ (len t) 1)");
  CHECK(expr("~a ~ b") == "(~ (bnot a) b)");
  CHECK(expr("- - x") == "(neg (neg x))");
  CHECK(expr("not not x") == "(not (not x))");
  CHECK(expr("-a .. b") == "(.. (neg a) b)");
  CHECK(expr("-a * b") == "(* (neg a) b)");
}

TEST_CASE("parentheses") {
  CHECK(expr("(1 + 2) * 3") == "(* (+ 1 2) 3)");
  CHECK(expr("2 ^ (3 ^ 2)") == "(^ 2 (^ 3 2))");
  CHECK(expr("(2 ^ 3) ^ 2") == "(^ (^ 2 3) 2)");
  // Calls and '...' in parentheses are cut to one value.
  CHECK(expr("(f())") == "(paren (call f))");
  CHECK(expr("(...)") == "(paren ...)");
  CHECK(expr("(a:m())") == "(paren (method a m))");
  CHECK(expr("(a)") == "a");
  CHECK(expr("((f()))") == "(paren (call f))");
  CHECK(expr("(f)()") == "(call f)");
  CHECK(expr("(f())()") == "(call (paren (call f)))");
}

TEST_CASE("suffixed expressions") {
  CHECK(expr("a.b.c") == "(index (index a \"b\") \"c\")");
  CHECK(expr("a[b][1]") == "(index (index a b) 1)");
  CHECK(expr("f(1, 2)") == "(call f 1 2)");
  CHECK(expr("f()") == "(call f)");
  CHECK(expr("f 'x'") == "(call f \"x\")");
  CHECK(expr("f [[x]]") == "(call f \"x\")");
  CHECK(expr("f {1}") == "(call f (table 1))");
  CHECK(expr("a:m(1)") == "(method a m 1)");
  CHECK(expr("a:m 's'") == "(method a m \"s\")");
  CHECK(expr("a:m {}") == "(method a m (table))");
  CHECK(expr("a.b:c(d).e[f]()") == "(call (index (index (method (index a \"b\") c d) \"e\") f))");
  CHECK(expr("f()()") == "(call (call f))");
  CHECK(expr("('x'):rep(3)") == "(method \"x\" rep 3)");
  CHECK(expr("f(...)") == "(call f ...)");
}

TEST_CASE("table constructors") {
  CHECK(expr("{}") == "(table)");
  CHECK(expr("{1, 2; 3}") == "(table 1 2 3)");
  CHECK(expr("{1, 2,}") == "(table 1 2)");
  CHECK(expr("{1;}") == "(table 1)");
  CHECK(expr("{x = 1, ['y'] = 2, [3] = 4, z}") == "(table [\"x\"]=1 [\"y\"]=2 [3]=4 z)");
  CHECK(expr("{x == 1}") == "(table (== x 1))");
  CHECK(expr("{f(), ...}") == "(table (call f) ...)");
  CHECK(expr("{{}, {a = {}}}") == "(table (table) (table [\"a\"]=(table)))");
}

TEST_CASE("local statements and attributes") {
  Chunk c = parse("local a, b <const>, c <close> = 1, 2");
  auto& s = only<LocalStmt>(c);
  REQUIRE(s.vars.size() == 3);
  CHECK(s.vars[0].name == "a");
  CHECK(s.vars[0].attrib == Attrib::None);
  CHECK(s.vars[1].attrib == Attrib::Const);
  CHECK(s.vars[2].attrib == Attrib::Close);
  CHECK(showList(s.values) == " 1 2");
  Chunk d = parse("local x");
  CHECK(only<LocalStmt>(d).values.empty());
  Chunk e = parse("local x < const > = 5");
  CHECK(only<LocalStmt>(e).vars[0].attrib == Attrib::Const);
}

TEST_CASE("assignments and call statements") {
  Chunk c = parse("a, b.c, d[1] = 1, f()");
  auto& s = only<AssignStmt>(c);
  CHECK(showList(s.targets) == " a (index b \"c\") (index d 1)");
  CHECK(showList(s.values) == " 1 (call f)");
  Chunk d = parse("f(1)");
  CHECK(show(*only<CallStmt>(d).call) == "(call f 1)");
  Chunk e = parse("a.b:c 'x'");
  CHECK(show(*only<CallStmt>(e).call) == "(method (index a \"b\") c \"x\")");
  Chunk f = parse("(a).b = 1");
  CHECK(showList(only<AssignStmt>(f).targets) == " (index a \"b\")");
}

TEST_CASE("control statements") {
  {
    Chunk c = parse("do local x end");
    CHECK(only<DoStmt>(c).body.stmts.size() == 1);
  }
  {
    Chunk c = parse("while a do b() end");
    auto& s = only<WhileStmt>(c);
    CHECK(show(*s.cond) == "a");
    CHECK(s.body.stmts.size() == 1);
  }
  {
    Chunk c = parse("repeat local x = 1 until x");
    auto& s = only<RepeatStmt>(c);
    CHECK(show(*s.cond) == "x");
    CHECK(s.body.stmts.size() == 1);
  }
  {
    Chunk c = parse("if a then x() elseif b then y() elseif c then else z() end");
    auto& s = only<IfStmt>(c);
    CHECK(showList(s.conds) == " a b c");
    REQUIRE(s.blocks.size() == 3);
    CHECK(s.blocks[0].stmts.size() == 1);
    CHECK(s.blocks[2].stmts.empty());
    CHECK(s.hasElse);
    CHECK(s.elseBlock.stmts.size() == 1);
    Chunk d = parse("if a then end");
    CHECK_FALSE(only<IfStmt>(d).hasElse);
  }
  {
    Chunk c = parse("for i = 1, 10 do end");
    auto& s = only<NumericForStmt>(c);
    CHECK(s.var.name == "i");
    CHECK(show(*s.start) == "1");
    CHECK(show(*s.limit) == "10");
    CHECK(s.step == nullptr);
    Chunk d = parse("for i = a, b, -1 do end");
    CHECK(show(*only<NumericForStmt>(d).step) == "(neg 1)");
  }
  {
    Chunk c = parse("for k, v in pairs(t), 1 do end");
    auto& s = only<GenericForStmt>(c);
    REQUIRE(s.vars.size() == 2);
    CHECK(s.vars[0].name == "k");
    CHECK(s.vars[1].name == "v");
    CHECK(showList(s.exprs) == " (call pairs t) 1");
    Chunk d = parse("for k in next, t do end");
    CHECK(only<GenericForStmt>(d).vars.size() == 1);
  }
  {
    Chunk c = parse("while true do break end");
    CHECK(only<WhileStmt>(c).body.stmts[0]->kind == StmtKind::Break);
  }
  {
    Chunk c = parse("goto done; ::done::");
    auto& stmts = c.main->body.stmts;
    REQUIRE(stmts.size() == 2);
    CHECK(static_cast<GotoStmt&>(*stmts[0]).label == "done");
    CHECK(static_cast<LabelStmt&>(*stmts[1]).label == "done");
  }
  // Goto and label rules are the resolver's, not the parser's.
  CHECK(parseError("goto nowhere") == "ok");
  CHECK(parseError("break") == "ok");
  CHECK(parseError("::a:: ::a::") == "ok");
}

TEST_CASE("return statements") {
  {
    Chunk c = parse("return");
    CHECK(only<ReturnStmt>(c).values.empty());
  }
  {
    Chunk c = parse("return 1, 2;");
    CHECK(showList(only<ReturnStmt>(c).values) == " 1 2");
  }
  {
    Chunk c = parse("do return end");
    CHECK(only<DoStmt>(c).body.stmts[0]->kind == StmtKind::Return);
  }
  CHECK(parseError("return return") == "[string \"return return\"]:1: unexpected symbol near 'return'");
  CHECK(parseError("return 1 return") == "[string \"return 1 return\"]:1: <eof> expected near 'return'");
  CHECK(parseError(";;; x = 1 ;;") == "ok");
}

TEST_CASE("function statements are desugared into assignments") {
  {
    Chunk c = parse("function f(a) end");
    auto& s = only<AssignStmt>(c);
    CHECK(showList(s.targets) == " f");
    auto& fn = static_cast<FunctionExpr&>(*s.values[0]);
    CHECK(fn.name == "f");
    CHECK(fn.params == std::vector<std::string>{"a"});
    CHECK_FALSE(fn.isMethod);
    CHECK_FALSE(fn.isVararg);
  }
  {
    Chunk c = parse("function a.b.c:m(x, ...) end");
    auto& s = only<AssignStmt>(c);
    CHECK(showList(s.targets) == " (index (index (index a \"b\") \"c\") \"m\")");
    auto& fn = static_cast<FunctionExpr&>(*s.values[0]);
    CHECK(fn.name == "a.b.c:m");
    CHECK(fn.params == std::vector<std::string>{"self", "x"});
    CHECK(fn.isMethod);
    CHECK(fn.isVararg);
  }
  {
    Chunk c = parse("function a.b() end");
    auto& fn = static_cast<FunctionExpr&>(*only<AssignStmt>(c).values[0]);
    CHECK(fn.name == "a.b");
    CHECK_FALSE(fn.isMethod);
  }
  {
    Chunk c = parse("local function g(...) return ... end");
    auto& s = only<LocalFunctionStmt>(c);
    CHECK(s.var.name == "g");
    CHECK(s.func->name == "g");
    CHECK(s.func->isVararg);
    CHECK(s.func->body.stmts.size() == 1);
  }
}

TEST_CASE("'...' is only allowed in vararg functions") {
  CHECK(parseError("return ...") == "ok");
  CHECK(parseError("function f(...) return function(...) return ... end end") == "ok");
  CHECK(parseError("function f(...) return function() return ... end end") ==
        "[string \"function f(...) return function() return ... ...\"]:1: "
        "cannot use '...' outside a vararg function near '...'");
}

TEST_CASE("lines") {
  Chunk c = parse("local x = 1\n\nfunction f()\n  return g(\n1)\nend\nh\n.i()");
  auto& stmts = c.main->body.stmts;
  REQUIRE(stmts.size() == 3);
  CHECK(stmts[0]->line == 1);
  CHECK(stmts[1]->line == 3);
  auto& fn = static_cast<FunctionExpr&>(*static_cast<AssignStmt&>(*stmts[1]).values[0]);
  CHECK(fn.line == 3);
  CHECK(fn.endLine == 6);
  auto& ret = static_cast<ReturnStmt&>(*fn.body.stmts[0]);
  CHECK(ret.line == 4);
  CHECK(ret.values[0]->line == 4);
  // A call takes the line of its arguments (Lua 5.4.8; 5.4.4 took the line
  // where the called expression starts).
  auto& call = static_cast<CallStmt&>(*stmts[2]);
  CHECK(call.line == 7);
  CHECK(call.call->line == 8);
  CHECK(c.main->endLine == 8);
  // Operators take the line of the operator.
  Chunk d = parse("return a\n+\nb");
  CHECK(static_cast<ReturnStmt&>(*d.main->body.stmts[0]).values[0]->line == 2);
}

TEST_CASE("syntax errors match lua5.4") {
  struct {
    std::string_view source;
    std::string_view message;
  } cases[] = {
      {"local 1"sv, "[string \"local 1\"]:1: <name> expected near '1'"},
      {"x"sv, "[string \"x\"]:1: syntax error near <eof>"},
      {"x y"sv, "[string \"x y\"]:1: syntax error near 'y'"},
      {"f() = 1"sv, "[string \"f() = 1\"]:1: syntax error near '='"},
      {"x.y"sv, "[string \"x.y\"]:1: syntax error near <eof>"},
      {"local x <foo> = 1"sv, "[string \"local x <foo> = 1\"]:1: unknown attribute 'foo'"},
      {"local x <close>, y <close> = 1"sv, "[string \"local x <close>, y <close> = 1\"]:1: multiple to-be-closed variables in local list"},
      {"function f(\n\n"sv, "[string \"function f(...\"]:3: <name> or '...' expected near <eof>"},
      {"function f()\n\nx=1"sv, "[string \"function f()...\"]:3: 'end' expected (to close 'function' at line 1) near <eof>"},
      {"if x then"sv, "[string \"if x then\"]:1: 'end' expected near <eof>"},
      {"if x then\n"sv, "[string \"if x then...\"]:2: 'end' expected (to close 'if' at line 1) near <eof>"},
      {"while x do\n end end"sv, "[string \"while x do...\"]:2: <eof> expected near 'end'"},
      {"for x do end"sv, "[string \"for x do end\"]:1: '=' or 'in' expected near 'do'"},
      {"for x,y = 1 do end"sv, "[string \"for x,y = 1 do end\"]:1: 'in' expected near '='"},
      {"for 1"sv, "[string \"for 1\"]:1: <name> expected near '1'"},
      {"x = (1"sv, "[string \"x = (1\"]:1: ')' expected near <eof>"},
      {"x = (1\n"sv, "[string \"x = (1...\"]:2: ')' expected (to close '(' at line 1) near <eof>"},
      {"x = {1,2"sv, "[string \"x = {1,2\"]:1: '}' expected near <eof>"},
      {"x = {1,2\n"sv, "[string \"x = {1,2...\"]:2: '}' expected (to close '{' at line 1) near <eof>"},
      {"return 1 x = 2"sv, "[string \"return 1 x = 2\"]:1: <eof> expected near 'x'"},
      {"return;;"sv, "[string \"return;;\"]:1: <eof> expected near ';'"},
      {"function f() return ... end"sv, "[string \"function f() return ... end\"]:1: cannot use '...' outside a vararg function near '...'"},
      {"x = f("sv, "[string \"x = f(\"]:1: unexpected symbol near <eof>"},
      {"x = a:b"sv, "[string \"x = a:b\"]:1: function arguments expected near <eof>"},
      {"x = a:1()"sv, "[string \"x = a:1()\"]:1: <name> expected near '1'"},
      {"goto 1"sv, "[string \"goto 1\"]:1: <name> expected near '1'"},
      {"::a"sv, "[string \"::a\"]:1: '::' expected near <eof>"},
      {"::a:"sv, "[string \"::a:\"]:1: '::' expected near ':'"},
      {"repeat x=1"sv, "[string \"repeat x=1\"]:1: 'until' expected near <eof>"},
      {"repeat\n x=1"sv, "[string \"repeat...\"]:2: 'until' expected (to close 'repeat' at line 1) near <eof>"},
      {"x = function"sv, "[string \"x = function\"]:1: '(' expected near <eof>"},
      {"local function f"sv, "[string \"local function f\"]:1: '(' expected near <eof>"},
      {"x = -"sv, "[string \"x = -\"]:1: unexpected symbol near <eof>"},
      {"x = 1 + + 2"sv, "[string \"x = 1 + + 2\"]:1: unexpected symbol near '+'"},
      {"a.b:c = 1"sv, "[string \"a.b:c = 1\"]:1: function arguments expected near '='"},
      {"a, f() = 1"sv, "[string \"a, f() = 1\"]:1: syntax error near '='"},
      {"(a) = 1"sv, "[string \"(a) = 1\"]:1: syntax error near '='"},
      {"x = {[1] 2}"sv, "[string \"x = {[1] 2}\"]:1: '=' expected near '2'"},
      {"x = {a = }"sv, "[string \"x = {a = }\"]:1: unexpected symbol near '}'"},
      {"local x <const"sv, "[string \"local x <const\"]:1: '>' expected near <eof>"},
      {"x ==  1"sv, "[string \"x ==  1\"]:1: syntax error near '=='"},
      {"do"sv, "[string \"do\"]:1: 'end' expected near <eof>"},
      {"for i=1,2 do\n"sv, "[string \"for i=1,2 do...\"]:2: 'end' expected (to close 'for' at line 1) near <eof>"},
      {"x = a.1"sv, "[string \"x = a.1\"]:1: unexpected symbol near '.1'"},
      {"x = a[1"sv, "[string \"x = a[1\"]:1: ']' expected near <eof>"},
      {"elseif"sv, "[string \"elseif\"]:1: <eof> expected near 'elseif'"},
      {"end"sv, "[string \"end\"]:1: <eof> expected near 'end'"},
      {"x = \"a\" \"b\""sv, "[string \"x = \"a\" \"b\"\"]:1: unexpected symbol near '\"b\"'"},
      {"local x, = 1"sv, "[string \"local x, = 1\"]:1: <name> expected near '='"},
      {"function a.b:c.d() end"sv, "[string \"function a.b:c.d() end\"]:1: '(' expected near '.'"},
      {"function a:b:c() end"sv, "[string \"function a:b:c() end\"]:1: '(' expected near ':'"},
      {"f = function(a, ..., b) end"sv, "[string \"f = function(a, ..., b) end\"]:1: ')' expected near ','"},
      {"f = function(1) end"sv, "[string \"f = function(1) end\"]:1: <name> or '...' expected near '1'"},
      {"x, y z"sv, "[string \"x, y z\"]:1: '=' expected near 'z'"},
      {"f(\n1"sv, "[string \"f(...\"]:2: ')' expected (to close '(' at line 1) near <eof>"},
      {"a\n.b(1"sv, "[string \"a...\"]:2: ')' expected near <eof>"},  // 5.4.8: the line of '('
      {"a.b\n(\n1"sv, "[string \"a.b...\"]:3: ')' expected (to close '(' at line 2) near <eof>"},
      {"x = { a = 1 b = 2 }"sv, "[string \"x = { a = 1 b = 2 }\"]:1: '}' expected near 'b'"},
      {"x = {,}"sv, "[string \"x = {,}\"]:1: unexpected symbol near ','"},
      {"x = 1 \"a\\65\\tb\""sv, "[string \"x = 1 \"a\\65\\tb\"\"]:1: unexpected symbol near '\"aA\tb\"'"},
      {"x = 1 [==[\nab\r\ncd]==]"sv, "[string \"x = 1 [==[...\"]:3: unexpected symbol near '[==[ab\ncd]==]'"},
      {"x = 1 \"a\\0b\""sv, "[string \"x = 1 \"a\\0b\"\"]:1: unexpected symbol near '\"a'"},
      {"x = 1 0x1p4"sv, "[string \"x = 1 0x1p4\"]:1: unexpected symbol near '0x1p4'"},
      {"x = 1 ..."sv, "[string \"x = 1 ...\"]:1: unexpected symbol near '...'"},
      {"x = 1 ::"sv, "[string \"x = 1 ::\"]:1: <name> expected near <eof>"},
      {"while x"sv, "[string \"while x\"]:1: 'do' expected near <eof>"},
      {"if x y"sv, "[string \"if x y\"]:1: 'then' expected near 'y'"},
      {"for a, b in x"sv, "[string \"for a, b in x\"]:1: 'do' expected near <eof>"},
      {"local a <close"sv, "[string \"local a <close\"]:1: '>' expected near <eof>"},
      {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx +"sv, "[string \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\"]:1: syntax error near '+'"},
  };
  for (auto& c : cases) {
    CAPTURE(c.source);
    CHECK(parseError(c.source) == c.message);
  }
}

TEST_CASE("deep nesting is an error, not a crash") {
  auto nested = [](std::string prefix, std::string open, std::string middle, std::string close, int n) {
    std::string s = prefix;
    for (int i = 0; i < n; ++i) s += open;
    s += middle;
    for (int i = 0; i < n; ++i) s += close;
    return s;
  };
  // Lua's message has no position (it is raised as a runtime error).
  auto failsWithOverflow = [](const std::string& source) { return parseError(source) == "C stack overflow"; };
  for (int n : {100000, 1000}) {
    CAPTURE(n);
    CHECK(failsWithOverflow(nested("x = ", "(", "1", ")", n)));
    CHECK(failsWithOverflow(nested("", "do ", "", " end", n)));
    CHECK(failsWithOverflow(nested("x = ", "- ", "1", "", n)));
    CHECK(failsWithOverflow(nested("x = ", "not ", "1", "", n)));
    CHECK(failsWithOverflow(nested("x = ", "{", "", "}", n)));
    CHECK(failsWithOverflow(nested("x = ", "{a=", "1", "}", n)));
    CHECK(failsWithOverflow(nested("x = ", "f(", "1", ")", n)));
    CHECK(failsWithOverflow(nested("x = ", "a[", "1", "]", n)));
    CHECK(failsWithOverflow(nested("x = ", "a..", "1", "", n)));
    CHECK(failsWithOverflow(nested("x = ", "2^", "1", "", n)));
    CHECK(failsWithOverflow(nested("x = ", "function() return ", "1", " end", n)));
    CHECK(failsWithOverflow(nested("", "if x then ", "", " end", n)));
    CHECK(failsWithOverflow(nested("", "while x do ", "", " end", n)));
    CHECK(failsWithOverflow(nested("", "repeat ", "", " until x", n)));
    CHECK(failsWithOverflow(nested("", "a,", "a = 1", "", n)));
  }
  // The limit sits where lua5.4 puts it.
  CHECK(parseError(nested("x = ", "(", "1", ")", 195)) == "ok");
  CHECK(failsWithOverflow(nested("x = ", "(", "1", ")", 196)));
  CHECK(parseError(nested("", "do ", "", " end", 197)) == "ok");
  CHECK(failsWithOverflow(nested("", "do ", "", " end", 198)));
  // Left-associative chains of any length are no nesting, as in Lua: parsing
  // and destroying a tree with a left chain of 10^6 links works.
  for (const char* link : {"+a", ".b", "()", ":m()", "[1]", " and a", " or a", " == a", "+(a+a+a.b.c)", "..a"}) {
    CAPTURE(link);
    std::string source = nested("x = a", link, "", "", 1000000);
    if (std::string(link) == "..a") {
      CHECK(failsWithOverflow(source));  // right-associative: real nesting
    } else {
      CHECK(parseError(source) == "ok");
    }
  }
  // Flat lists have no depth.
  CHECK(parseError(nested("", "x = 1 ", "", "", 100000)) == "ok");
  CHECK(parseError(nested("x = {", "1,", "", "", 100000) + "}") == "ok");
  CHECK(parseError(nested("", "if a then ", "", "", 1) + nested("", "elseif a then ", "", "", 100000) + "end") == "ok");
}

// Code generator: expected bytecode of small snippets (stack depths, operand
// forms, jumps), compared as disassembly text.
#include <doctest/doctest.h>

#include "compiler/CodeGen.hpp"
#include "compiler/Disassembler.hpp"
#include "compiler/Lexer.hpp"
#include "compiler/Parser.hpp"
#include "tests/unit/CompileSnippet.hpp"

using namespace tycho;

namespace {

std::string body(const std::string& src) { return disassembleBody(*compileSnippet(src)); }

std::string compileError(const std::string& src) {
  try {
    compileSnippet(src);
  } catch (CompileError& e) {
    return e.message;
  }
  return "";
}

}  // namespace

TEST_CASE("locals are stack slots and arithmetic works on the operand stack") {
  CHECK(body("local a, b = 1, 2 local c = a + b * 3") ==
        "VARARGPREP 0\n"
        "INT 1\n"
        "INT 2\n"
        "MUL_LK 1 0 ; 3\n"
        "ADD_LS 0\n"
        "POP 3\n"
        "RETURN0\n");
}

TEST_CASE("globals go through the _ENV upvalue") {
  CHECK(body("x = y") ==
        "VARARGPREP 0\n"
        "GETTABUP 0 0 ; _ENV \"y\"\n"
        "SETTABUP 0 1 ; _ENV \"x\"\n"
        "RETURN0\n");
}

TEST_CASE("calls name their function slot and result count") {
  CHECK(body("local t = {} print(t, f())") ==
        "VARARGPREP 0\n"
        "NEWTABLE 0 0\n"
        "GETTABUP 0 0 ; _ENV \"print\"\n"
        "GETLOCAL 0\n"
        "GETTABUP 0 1 ; _ENV \"f\"\n"
        "CALL 3 0\n"
        "CALL 1 1\n"
        "POP 1\n"
        "RETURN0\n");
}

TEST_CASE("a return of a call is a tail call") {
  auto f = compileSnippet("local function g(n) return g(n - 1) end");
  REQUIRE(f->protos.size() == 1);
  CHECK(disassembleBody(*f->protos[0]) ==
        "GETUPVAL 0 ; g\n"
        "SUB_LK 0 0 ; 1\n"
        "TAILCALL 1\n"
        "RETURN 1 0\n"
        "RETURN0\n");
}

TEST_CASE("and/or keep the deciding value on the stack") {
  CHECK(body("local a, b local c = a and b or 1") ==
        "VARARGPREP 0\n"
        "NIL 2\n"
        "GETLOCAL 0\n"
        "JMPF 2 ; to 7\n"   // a falsy: `or` would drop it, so go to its right operand, as Lua
        "GETLOCAL 1\n"
        "ORJ 1 ; to 8\n"
        "INT 1\n"
        "POP 3\n"
        "RETURN0\n");
  // A chain of one operator jumps once, to the end.
  CHECK(body("local a, b, c local x = a and b and c") ==
        "VARARGPREP 0\n"
        "NIL 3\n"
        "GETLOCAL 0\n"
        "ANDJ 3 ; to 8\n"
        "GETLOCAL 1\n"
        "ANDJ 1 ; to 8\n"
        "GETLOCAL 2\n"
        "POP 4\n"
        "RETURN0\n");
}

TEST_CASE("conditions are jumps: and, or and not make no value") {
  CHECK(body("local a, b if a and b then a = 1 end") ==
        "VARARGPREP 0\n"
        "NIL 2\n"
        "GETLOCAL 0\n"
        "JMPF 4 ; to 9\n"
        "GETLOCAL 1\n"
        "JMPF 2 ; to 9\n"
        "INT 1\n"
        "SETLOCAL 0\n"
        "POP 2\n"
        "RETURN0\n");
  CHECK(body("local a, b if a or not b then a = 1 end") ==
        "VARARGPREP 0\n"
        "NIL 2\n"
        "GETLOCAL 0\n"
        "JMPT 2 ; to 7\n"
        "GETLOCAL 1\n"
        "JMPT 2 ; to 9\n"
        "INT 1\n"
        "SETLOCAL 0\n"
        "POP 2\n"
        "RETURN0\n");
  // A constant condition makes no test where it never jumps.
  CHECK(body("while true do end") ==
        "VARARGPREP 0\n"
        "JMP -1 ; to 2\n"
        "RETURN0\n");
}

TEST_CASE("if cond then break: the condition jumps out, the loop's exit settles the stack") {
  CHECK(body("for i = 1, 3 do local x = i if x then break end end") ==
        "VARARGPREP 0\n"
        "INT 1\n"
        "INT 3\n"
        "INT 1\n"
        "FORPREP 0 4 ; to 10\n"
        "GETLOCAL 3\n"
        "GETLOCAL 4\n"
        "JMPT 1 ; to 10\n"
        "FORLOOP 0 4 ; to 6\n"
        "SETTOP 4\n"
        "POP 4\n"
        "RETURN0\n");
}

TEST_CASE("a field of a local or an upvalue is stored and read where the table is, as in Lua") {
  // No copy of the table on the stack while the value is computed (Lua reads
  // the table when it stores).
  CHECK(body("local t = {} t.x = f() t[1] = f()") ==
        "VARARGPREP 0\n"
        "NEWTABLE 0 0\n"
        "GETTABUP 0 1 ; _ENV \"f\"\n"
        "CALL 1 2\n"
        "SETFIELDAT 0 0 ; \"x\"\n"
        "GETTABUP 0 1 ; _ENV \"f\"\n"
        "CALL 1 2\n"
        "SETFIELDAT 0 2 ; 1\n"
        "POP 1\n"
        "RETURN0\n");
  auto code = compileSnippet("local u = {} local function g() u.x = u.y end");
  CHECK(disassembleBody(*code->protos[0]) ==
        "GETTABUP 0 1 ; u \"y\"\n"
        "SETTABUP 0 0 ; u \"x\"\n"
        "RETURN0\n");
  // The same statement assigns the local: its table is copied first.
  CHECK(body("local t = {} t.x, t = 1, 2") ==
        "VARARGPREP 0\n"
        "NEWTABLE 0 0\n"
        "GETLOCAL 0\n"
        "INT 1\n"
        "INT 2\n"
        "SETLOCAL 0\n"
        "SETFIELDAT 1 0 ; \"x\"\n"
        "POP 2\n"
        "RETURN0\n");
}

TEST_CASE("constants fold as in Lua") {
  CHECK(body("local a = 1 + 2 * 3 local b = -1 local c = 1 and a local d = nil or a") ==
        "VARARGPREP 0\n"
        "INT 7\n"
        "INT -1\n"
        "GETLOCAL 0\n"
        "GETLOCAL 0\n"
        "POP 4\n"
        "RETURN0\n");
  // Not folded: an error at run time, a float zero (its sign), an operand
  // without an integer representation for a bitwise operator.
  CHECK(body("local y = 1 // 0 local z = 3 & 1.5 local w = -0.0") ==
        "VARARGPREP 0\n"
        "INT 1\n"
        "IDIV_K 0 ; 0\n"
        "INT 3\n"
        "BAND_K 1 ; 1.5\n"
        "K 2 ; 0\n"
        "UNM\n"
        "POP 3\n"
        "RETURN0\n");
  // A compile-time constant has no slot: its uses are its value.
  CHECK(body("local K <const> = 10 local a = K + 1") ==
        "VARARGPREP 0\n"
        "INT 11\n"
        "POP 1\n"
        "RETURN0\n");
}

TEST_CASE("numeric for keeps its state in three hidden slots and the control variable") {
  CHECK(body("for i = 1, 10 do local x = i end") ==
        "VARARGPREP 0\n"
        "INT 1\n"
        "INT 10\n"
        "INT 1\n"
        "FORPREP 0 2 ; to 8\n"
        "GETLOCAL 3\n"
        "FORLOOP 0 2 ; to 6\n"
        "POP 4\n"
        "RETURN0\n");
}

TEST_CASE("a captured loop variable is closed each iteration") {
  std::string code = body("for i = 1, 3 do local f = function() return i end end");
  CHECK(code.find("CLOSE 3\nFORLOOP") != std::string::npos);
}

TEST_CASE("extra values of a list are evaluated and dropped") {
  CHECK(body("local a = 1, 2, 3") ==
        "VARARGPREP 0\n"
        "INT 1\n"
        "INT 2\n"
        "INT 3\n"
        "POP 3\n"
        "RETURN0\n");
}

TEST_CASE("multiple assignment evaluates targets, then values, then stores right to left") {
  // A local table and a local key are used where they are...
  CHECK(body("local t, i = {}, 1 i, t[i] = i + 1, 20") ==
        "VARARGPREP 0\n"
        "NEWTABLE 0 0\n"
        "INT 1\n"
        "ADD_LK 1 0 ; 1\n"
        "SETINDEX_LLK 0 1 1 ; 20\n"
        "SETLOCAL 1\n"
        "POP 2\n"
        "RETURN0\n");
  // ... unless a later target assigns them (the stores run right to left):
  // then, as in Lua, a copy made at that target is used.
  CHECK(body("local t, i = {}, 1 t[i], i = 20, i + 1") ==
        "VARARGPREP 0\n"
        "NEWTABLE 0 0\n"
        "INT 1\n"
        "GETLOCAL 1\n"
        "INT 20\n"
        "ADD_LK_SET 1 0 ; 1\n"
        "SETLOCAL 1\n"
        "SETINDEXAT 0 2\n"
        "POP 3\n"
        "RETURN0\n");
  // Computed tables and keys are pushed; an upvalue table is fetched after
  // its key's code (below the key, where Lua's register for it is).
  auto f = compileSnippet("local u, t = {}, {} return function(a) u[a + 1], t.x[2], t[a] = 1, 2, 3 end");
  REQUIRE(f->protos.size() == 1);
  CHECK(disassembleBody(*f->protos[0]) ==
        "ADD_LK 0 0 ; 1\n"
        "GETUPVAL_UNDER 0 ; u\n"
        "GETTABUP 1 1 ; t \"x\"\n"
        "GETUPVAL 1 ; t\n"
        "INT 1\n"
        "INT 2\n"
        "SETINDEX_LLK 4 0 3 ; 3\n"
        "SETFIELDAT 3 2 ; 2\n"
        "SETINDEXAT 1 2\n"
        "POP 4\n"
        "RETURN0\n");
}

TEST_CASE("table constructors store positional items in batches") {
  CHECK(body("local t = {1, 2, x = 3, [4] = 5, f()}") ==
        "VARARGPREP 0\n"
        "NEWTABLE 2 2\n"
        "INT 1\n"
        "INT 2\n"
        "INT 3\n"
        "SETFIELDAT 0 0 ; \"x\"\n"
        "INT 5\n"
        "SETFIELDAT 0 1 ; 4\n"
        "GETTABUP 0 2 ; _ENV \"f\"\n"
        "CALL 3 0\n"
        "SETLIST 0 0\n"
        "EXTRAARG 1\n"
        "POP 1\n"
        "RETURN0\n");
}

TEST_CASE("semantic errors of gotos, breaks and constants") {
  CHECK(compileError("break") == "test:1: break outside loop at line 1");
  CHECK(compileError("goto nowhere") == "test:1: no visible label 'nowhere' for <goto> at line 1");
  CHECK(compileError("::a:: ::a::") == "test:1: label 'a' already defined on line 1");
  CHECK(compileError("goto f; local x; ::f:: x = 1") == "test:1: <goto f> at line 1 jumps into the scope of local 'x'");
  CHECK(compileError("local x <const> = 1; x = 2") == "test:1: attempt to assign to const variable 'x'");
  CHECK(compileError("local x <close> = nil; local function f() x = 1 end") == "test:1: attempt to assign to const variable 'x'");
  CHECK(compileError("do goto l; local a; ::l:: end").empty());
}

TEST_CASE("deep expressions report the slot limit instead of overflowing") {
  std::string src = "local x = 1";
  for (int i = 0; i < 300; i++) src += " + (1";
  for (int i = 0; i < 300; i++) src += ")";
  std::string msg = compileError(src);
  CHECK(!msg.empty());
}

TEST_CASE("operands that are locals or constants fold into the operator") {
  CHECK(body("local a, b local c = a < b") ==
        "VARARGPREP 0\n"
        "NIL 2\n"
        "LT_LL 0 1\n"
        "POP 3\n"
        "RETURN0\n");
  CHECK(body("local t local x = t.field + t[1]") ==
        "VARARGPREP 0\n"
        "NIL 1\n"
        "GETFIELD_L 0 0 ; \"field\"\n"
        "GETINDEX_LI 0 1\n"
        "ADD\n"
        "POP 2\n"
        "RETURN0\n");
}

TEST_CASE("a jump target is never folded into an earlier instruction") {
  // The ORJ lands on the operator; folding `c` into it keeps the landing
  // instruction first, folding across the target would not.
  CHECK(body("local a, b, c local x = a.y + (b or c)") ==
        "VARARGPREP 0\n"
        "NIL 3\n"
        "GETFIELD_L 0 0 ; \"y\"\n"
        "GETLOCAL 1\n"
        "ORJ 1 ; to 7\n"
        "GETLOCAL 2\n"
        "ADD\n"
        "POP 4\n"
        "RETURN0\n");
  // A local on the left is read in place by the operator, where the jump lands.
  CHECK(body("local a, b, c local x = a + (b or c)") ==
        "VARARGPREP 0\n"
        "NIL 3\n"
        "GETLOCAL 1\n"
        "ORJ 1 ; to 6\n"
        "GETLOCAL 2\n"
        "ADD_LS 0\n"
        "POP 4\n"
        "RETURN0\n");
}

TEST_CASE("a local or a constant on the left is read in place after the right operand's code") {
  // As Lua reads it: `a + f()` reads `a` once f has run (_LS, _KS forms).
  CHECK(body("local a local x = a + f()") ==
        "VARARGPREP 0\n"
        "NIL 1\n"
        "GETTABUP 0 0 ; _ENV \"f\"\n"
        "CALL 1 2\n"
        "ADD_LS 0\n"
        "POP 2\n"
        "RETURN0\n");
  CHECK(body("local a local x = a < f()") ==
        "VARARGPREP 0\n"
        "NIL 1\n"
        "GETTABUP 0 0 ; _ENV \"f\"\n"
        "CALL 1 2\n"
        "LT_LS 0\n"
        "POP 2\n"
        "RETURN0\n");
  CHECK(body("local x = 1 - f()") ==
        "VARARGPREP 0\n"
        "GETTABUP 0 1 ; _ENV \"f\"\n"
        "CALL 0 2\n"
        "SUB_KS 0 ; 1\n"
        "POP 1\n"
        "RETURN0\n");
  // nil, true and false compared for equality are pushed after the other
  // operand; a string on the left of another operator is loaded first, as
  // Lua loads it.
  CHECK(body("local x = nil == f()") ==
        "VARARGPREP 0\n"
        "GETTABUP 0 0 ; _ENV \"f\"\n"
        "CALL 0 2\n"
        "NIL 1\n"
        "EQ\n"
        "POP 1\n"
        "RETURN0\n");
  CHECK(body("local x = \"s\" < f()") ==
        "VARARGPREP 0\n"
        "K 0 ; \"s\"\n"
        "GETTABUP 0 1 ; _ENV \"f\"\n"
        "CALL 1 2\n"
        "LT\n"
        "POP 1\n"
        "RETURN0\n");
}

TEST_CASE("indexes and stores with the table, the key and the value in slots or constants are one instruction") {
  CHECK(body("local t, i, v t[i] = v t[i] = 'x' t[i] = 7 t.f = v t.g = 2.5 return t[i] + t[3]") ==
        "VARARGPREP 0\n"
        "NIL 3\n"
        "SETINDEX_LLL 0 1 2\n"
        "SETINDEX_LLK 0 1 0 ; \"x\"\n"
        "SETINDEX_LLK 0 1 1 ; 7\n"
        "SETFIELD_LKL 0 2 2 ; \"f\"\n"
        "SETFIELD_LKK 0 3 4 ; \"g\" 2.5\n"
        "GETINDEX_LL 0 1\n"
        "GETINDEX_LI 0 3\n"
        "ADD\n"
        "RETURN1\n"
        "POP 3\n"
        "RETURN0\n");
  // Spread over lines, as lua5.4 has one instruction at the line of the
  // store or of the ']'; nil and the booleans stored are constants too.
  CHECK(body("local t, i, v t[i] =\n v t[i] = true t[i] = false t.f = nil t[i] = nil return t\n[i]") ==
        "VARARGPREP 0\n"
        "NIL 3\n"
        "SETINDEX_LLL 0 1 2\n"
        "SETINDEX_LLK 0 1 0 ; true\n"
        "SETINDEX_LLK 0 1 1 ; false\n"
        "SETFIELD_LKK 0 2 3 ; \"f\" nil\n"
        "SETINDEX_LLK 0 1 3 ; nil\n"
        "GETINDEX_LL 0 1\n"
        "RETURN1\n"
        "POP 3\n"
        "RETURN0\n");
}

TEST_CASE("an operator followed by the instruction its handler completes gets the flavour that completes it") {
  // A comparison tested by JMPF: the _J flavour, in every operand form; a
  // comparison whose value is used, or tested by JMPT, pushes it.
  CHECK(body("local a, b if a < b then a = 1 end if a == 2 then b = 1 end local c = a <= b return not (a > b)") ==
        "VARARGPREP 0\n"
        "NIL 2\n"
        "LT_LL_J 0 1\n"
        "JMPF 2 ; to 7\n"
        "INT 1\n"
        "SETLOCAL 0\n"
        "EQ_LK_J 0 0 ; 2\n"
        "JMPF 2 ; to 11\n"
        "INT 1\n"
        "SETLOCAL 1\n"
        "LE_LL 0 1\n"
        "GT_LL 0 1\n"
        "NOT\n"
        "RETURN1\n"
        "POP 3\n"
        "RETURN0\n");
  CHECK(body("local a, t while a ~= t[1] do a = t end") ==
        "VARARGPREP 0\n"
        "NIL 2\n"
        "GETINDEX_LI 1 1\n"
        "NE_LS_J 0\n"
        "JMPF 3 ; to 9\n"
        "GETLOCAL 1\n"
        "SETLOCAL 0\n"
        "JMP -6 ; to 3\n"
        "POP 2\n"
        "RETURN0\n");
  // ADD and SUB into a local: the _SET flavour; other operators (chosen by
  // pair frequencies, Opcodes.hpp) push, and SETLOCAL is dispatched.
  CHECK(body("local a, b a = a + 1 b = a - b a = a * 2 b = b + a * b") ==
        "VARARGPREP 0\n"
        "NIL 2\n"
        "ADD_LK_SET 0 0 ; 1\n"
        "SETLOCAL 0\n"
        "SUB_LL_SET 0 1\n"
        "SETLOCAL 1\n"
        "MUL_LK 0 1 ; 2\n"
        "SETLOCAL 0\n"
        "MUL_LL 0 1\n"
        "ADD_LS_SET 1\n"
        "SETLOCAL 1\n"
        "POP 2\n"
        "RETURN0\n");
}

TEST_CASE("pairs with a superinstruction are merged where nothing tells them apart") {
  // An upvalue function and its first argument, a local, pushed at once (the
  // pairs are taken from the first), the last argument pushed by the call;
  // a local returned; jumps over merged code are moved.
  auto f = compileSnippet("local g = print return function(a, b) if a then g(a, b) end return b end");
  REQUIRE(f->protos.size() == 1);
  CHECK(disassembleBody(*f->protos[0]) ==
        "GETLOCAL 0\n"
        "JMPF 2 ; to 5\n"
        "PUSH_UL 0 0 ; g\n"
        "CALL_L 2 1 1\n"
        "RETURN1_L 1\n"
        "RETURN0\n");
  // Not merged: the second of the pair on another line, or where a local's
  // scope starts, or a jump lands; a return in a function with to-be-closed
  // variables (its return may run again after a __close that yields).
  auto g = compileSnippet(
      "return function(a, b) print(a,\n b) local c = a local d = b while a do a = b end end,"
      " function(a) local t <close> = a return a end");
  REQUIRE(g->protos.size() == 2);
  CHECK(disassembleBody(*g->protos[0]) ==
        "GETTABUP 0 0 ; _ENV \"print\"\n"
        "GETLOCAL 0\n"
        "GETLOCAL 1\n"
        "CALL 2 1\n"
        "GETLOCAL 0\n"
        "GETLOCAL 1\n"
        "GETLOCAL 0\n"
        "JMPF 3 ; to 12\n"
        "GETLOCAL 1\n"
        "SETLOCAL 0\n"
        "JMP -5 ; to 7\n"
        "POP 2\n"
        "RETURN0\n");
  CHECK(disassembleBody(*g->protos[1]).find("GETLOCAL 0\nRETURN1\n") != std::string::npos);
}

TEST_CASE("#t of a local is one instruction; FORLOOP drops the body's locals itself") {
  CHECK(body("local t = {} t[#t + 1] = 1 return #t, #'abc'") ==
        "VARARGPREP 0\n"
        "NEWTABLE 0 0\n"
        "LEN_L 0\n"
        "ADD_K 0 ; 1\n"
        "INT 1\n"
        "SETTABLE_LS 0\n"
        "LEN_L 0\n"
        "K 1 ; \"abc\"\n"
        "LEN\n"
        "RETURN 1 3\n"
        "POP 1\n"
        "RETURN0\n");
  // The body's locals are left to FORLOOP; a captured control variable
  // still has its CLOSE, and a generic for keeps its POP (TFORCALL is where
  // the paths into the loop meet).
  CHECK(body("for i = 1, 2 do local a, b = i, i end for k in next, {} do local c = k end") ==
        "VARARGPREP 0\n"
        "INT 1\n"
        "INT 2\n"
        "INT 1\n"
        "FORPREP 0 2 ; to 8\n"
        "PUSH_LL 3 3\n"
        "FORLOOP 0 2 ; to 6\n"
        "POP 4\n"
        "GETTABUP 0 0 ; _ENV \"next\"\n"
        "NEWTABLE 0 0\n"
        "NIL 3\n"
        "TFORPREP 0 2 ; to 15\n"
        "GETLOCAL 4\n"
        "POP 1\n"
        "TFORCALL 0 1\n"
        "TFORLOOP 0 4 ; to 13\n"
        "CLOSE 0\n"
        "POP 5\n"
        "RETURN0\n");
}

TEST_CASE("a local table or key is read in place by indexes and stores") {
  CHECK(body("local t local x = t[f()] + t[1]") ==
        "VARARGPREP 0\n"
        "NIL 1\n"
        "GETTABUP 0 0 ; _ENV \"f\"\n"
        "CALL 1 2\n"
        "GETTABLE_LS 0\n"
        "GETINDEX_LI 0 1\n"
        "ADD\n"
        "POP 2\n"
        "RETURN0\n");
  CHECK(body("local t, k t[k] = f() t[f()] = 1 t.x[k] = f()") ==
        "VARARGPREP 0\n"
        "NIL 2\n"
        "GETTABUP 0 0 ; _ENV \"f\"\n"
        "CALL 2 2\n"
        "SETINDEXAT 0 1\n"
        "GETTABUP 0 0 ; _ENV \"f\"\n"
        "CALL 2 2\n"
        "INT 1\n"
        "SETTABLE_LS 0\n"
        "GETFIELD_L 0 1 ; \"x\"\n"
        "GETTABUP 0 0 ; _ENV \"f\"\n"
        "CALL 3 2\n"
        "SETTABLE_SL 1\n"
        "POP 2\n"
        "RETURN0\n");
  // Constructors: a local key and a small integer key are used in place.
  CHECK(body("local k local t = {[k] = f(), [1] = 2}") ==
        "VARARGPREP 0\n"
        "NIL 1\n"
        "NEWTABLE 2 0\n"
        "GETTABUP 0 0 ; _ENV \"f\"\n"
        "CALL 2 2\n"
        "SETINDEXAT 1 0\n"
        "INT 2\n"
        "SETFIELDAT 1 1 ; 1\n"
        "POP 2\n"
        "RETURN0\n");
}

TEST_CASE("an upvalue table is fetched after its key's code") {
  // As Lua fetches it, at the ']': GETTABLE_US for a computed key; a store
  // with a computed key fetches it between the key and the value, above a
  // key that Lua has in a register already (a call's result) and below one
  // whose register Lua chooses then (an operator's result); a local or
  // constant key keeps the fetch first.
  CHECK(disassembleBody(*compileSnippet("local u return function(i) u[i + 1] = f() end")->protos[0]) ==
        "ADD_LK 0 0 ; 1\n"
        "GETUPVAL_UNDER 0 ; u\n"
        "GETTABUP 1 1 ; _ENV \"f\"\n"
        "CALL 3 2\n"
        "SETTABLE\n"
        "RETURN0\n");
  auto f = compileSnippet("local u, k = {}, 1 return function(i) u[f()] = 1 u[i] = f() u[1] = f() return u[f()] end");
  REQUIRE(f->protos.size() == 1);
  CHECK(disassembleBody(*f->protos[0]) ==
        "GETTABUP 1 0 ; _ENV \"f\"\n"
        "CALL 1 2\n"
        "GETUPVAL 0 ; u\n"
        "SETINDEX_LLK 2 1 1 ; 1\n"
        "POP 2\n"
        "GETUPVAL 0 ; u\n"
        "GETTABUP 1 0 ; _ENV \"f\"\n"
        "CALL 2 2\n"
        "SETTABLE_SL 0\n"
        "GETUPVAL 0 ; u\n"
        "GETTABUP 1 0 ; _ENV \"f\"\n"
        "CALL 2 2\n"
        "SETFIELD 1 ; 1\n"
        "GETTABUP 1 0 ; _ENV \"f\"\n"
        "CALL 1 2\n"
        "GETTABLE_US 0 ; u\n"
        "RETURN1\n"
        "RETURN0\n");
}

TEST_CASE("a NOP stands for an instruction Lua has on a line where ours has none") {
  // Lua loads the 1 after the call, on line 3, and makes the comparison's
  // value where it is used, on line 6.
  CHECK(disassemble(*compileSnippet("local x = 1 -\n  f(\n  )\nlocal a, b = 1, 2\nlocal r = (a < b\n)")) ==
        "main (lines 0-0): 11 instructions, 0 params+vararg, 5 slots, 1 upvalues, 2 constants, 0 functions\n"
        "     1  [0]  VARARGPREP 0\n"
        "     2  [2]  GETTABUP 0 1         ; _ENV \"f\"\n"
        "     3  [2]  CALL 0 2\n"
        "     4  [3]  NOP\n"
        "     5  [1]  SUB_KS 0             ; 1\n"
        "     6  [4]  INT 1\n"
        "     7  [4]  INT 2\n"
        "     8  [5]  LT_LL 1 2\n"
        "     9  [6]  NOP\n"
        "    10  [6]  POP 4\n"
        "    11  [6]  RETURN0\n");
  // On one line, no NOP.
  CHECK(body("local a, b = 1, 2 local r = (a < b) local x = 1 - f()").find("NOP") == std::string::npos);
}

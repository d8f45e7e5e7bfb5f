// The opcode table's facts and the shared bytecode analysis: every opcode's
// entry is consistent, and the depths, jump targets, successors, basic
// blocks and loop headers of small compiled snippets (their listings are in
// the comments) are what the code says.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "compiler/Analysis.hpp"
#include "compiler/CodeGen.hpp"
#include "compiler/Disassembler.hpp"
#include "tests/unit/CompileSnippet.hpp"

using namespace tycho;

namespace {

struct Analyzed {
  std::unique_ptr<FunctionCode> f;
  CodeAnalysis code;
  BasicBlocks blocks;
  explicit Analyzed(const std::string& src) : f(compileSnippet(src)), code(f->code, f->numParams), blocks(code) {}
};

// The static depth before each instruction (-1 where it is not static).
std::vector<int> depths(const CodeAnalysis& a) {
  std::vector<int> out;
  for (int pc = 0; pc < a.size(); pc++) out.push_back(a.staticDepth(pc));
  return out;
}

std::vector<int> blockStarts(const BasicBlocks& b) {
  std::vector<int> out;
  for (const BasicBlock& block : b.all()) out.push_back(block.start);
  return out;
}

std::vector<int> loopHeaders(const BasicBlocks& b) {
  std::vector<int> out;
  for (int pc = 0; pc < b.all().back().end; pc++) {
    if (b.isLoopHeader(pc)) out.push_back(pc);
  }
  return out;
}

// An instruction of opcode `op` whose fields are all `v`.
Instruction withFields(Opcode op, uint32_t v) {
  switch (kOpInfo[op].format) {
    case OpFormat::None: return makeNone(op);
    case OpFormat::Ax: case OpFormat::sAx: return makeAx(op, v);
    case OpFormat::AB: return makeAB(op, v, v);
    case OpFormat::ABC: return makeABC(op, v, v, v);
  }
  return makeNone(op);
}

}  // namespace

TEST_CASE("every opcode's entry in the table is consistent") {
  for (int n = 0; n < kNumOpcodes; n++) {
    Opcode op = Opcode(n);
    const OpInfo& info = kOpInfo[op];
    INFO(info.name);
    // The field kinds fit the format, the flags agree with each other and
    // with the fields (the static_assert in Opcodes.hpp checks the same).
    const char* problem = opcodeFactsProblem(op);
    CHECK(problem == nullptr);
    // The analysis takes the table's stack effect where it gives one.
    Instruction i = withFields(op, 7);
    InstructionEffect e = effectOf(i, 10, StackDepth::exactly(8));
    if (hasFixedEffect(op)) {
      StackDepth after = StackDepth::exactly(8 - info.pops + info.pushes);
      CHECK(e.pops == info.pops);
      if (e.nextPc >= 0) CHECK(e.next == after);
      if (e.hasTarget) CHECK(e.targetDepth == after);
    }
    // Control leaves as the flags say.
    CHECK(e.hasTarget == (jumpFieldOf(op) >= 0));
    bool ends = hasFlag(op, kJumps | kReturns) || op == OP_EXTRAARG;
    CHECK(e.nextPc == (ends ? -1 : hasFlag(op, kReadsExtraArg) ? 12 : 11));
    // The listing shows one number per field.
    FunctionCode f;
    f.code = {i};
    std::string line = disassembleBody(f);
    line = line.substr(0, line.find_first_of(";\n"));
    std::string expected = info.name;
    for (int k = 0; k < fieldCount(info.format); k++) expected += " 7";
    CHECK(line.substr(0, expected.size()) == expected);
    CHECK(line.find_first_not_of(' ', expected.size()) == std::string::npos);
  }
}

TEST_CASE("jump targets are counted from the next instruction, forward or back as the field's kind says") {
  CHECK(jumpTarget(makeSAx(OP_JMP, -5), 10) == 6);
  CHECK(jumpTarget(makeSAx(OP_JMPF, 3), 10) == 14);
  CHECK(jumpTarget(makeAB(OP_FORPREP, 0, 3), 10) == 14);
  CHECK(jumpTarget(makeAB(OP_FORLOOP, 0, 3), 10) == 8);
  CHECK(jumpTarget(makeAB(OP_TFORLOOP, 1, 2), 10) == 9);
  CHECK(jumpFieldOf(OP_FORPREP) == 1);
  CHECK(jumpFieldOf(OP_CALL) == -1);
  CHECK(isJumpOp(OP_ANDJ));
  CHECK_FALSE(isJumpOp(OP_FORLOOP));  // not an sAx jump
}

TEST_CASE("the effects that depend on operands") {
  StackDepth d3 = StackDepth::exactly(3);
  InstructionEffect e = effectOf(makeAx(OP_NIL, 2), 0, d3);
  CHECK(e.next == StackDepth::exactly(5));
  CHECK((e.writes.lo == 3 && e.writes.hi == 5));
  e = effectOf(makeAx(OP_POP, 2), 0, d3);
  CHECK((e.pops == 2 && e.next == StackDepth::exactly(1)));
  CHECK(effectOf(makeAx(OP_POP, 4), 0, d3).next == StackDepth::exactly(-1));  // the verifier's underflow
  // Calls: B - 1 results, or all of them from the function slot up.
  e = effectOf(makeAB(OP_CALL, 1, 3), 0, d3);
  CHECK(e.next == StackDepth::exactly(3));
  CHECK((e.writes.lo == 1 && e.writes.hi == kAllSlots));
  CHECK(effectOf(makeAB(OP_CALL, 1, 0), 0, d3).next == StackDepth::openFrom(1));
  CHECK(effectOf(makeAx(OP_TAILCALL, 1), 0, d3).next == StackDepth::openFrom(1));
  CHECK(effectOf(makeAx(OP_VARARG, 0), 0, d3).next == StackDepth::openFrom(3));
  CHECK(effectOf(makeAx(OP_VARARG, 3), 0, d3).next == StackDepth::exactly(5));
  CHECK(effectOf(makeAB(OP_RETURN, 0, 2), 0, d3).nextPc == -1);
  // ANDJ keeps the tested value when it jumps, and pops it otherwise.
  e = effectOf(makeSAx(OP_ANDJ, 2), 4, d3);
  CHECK((e.pops == 1 && e.next == StackDepth::exactly(2) && e.targetDepth == d3 && e.target == 7));
  // A numeric loop pushes its control variable both ways.
  e = effectOf(makeAB(OP_FORPREP, 0, 2), 4, d3);
  CHECK((e.next == StackDepth::exactly(4) && e.targetDepth == StackDepth::exactly(4)));
  CHECK(effectOf(makeAB(OP_TFORCALL, 0, 2), 0, StackDepth::exactly(5)).next == StackDepth::exactly(6));
  // SETLIST goes on past its EXTRAARG word.
  e = effectOf(makeAB(OP_SETLIST, 0, 0), 4, StackDepth::openFrom(3));
  CHECK((e.nextPc == 6 && e.next == StackDepth::exactly(1)));
  // Where paths disagree, SETTOP settles the depth and CLOSE keeps it unknown.
  CHECK(effectOf(makeAx(OP_SETTOP, 1), 0, StackDepth::unknown()).next == StackDepth::exactly(1));
  CHECK(effectOf(makeAx(OP_CLOSE, 1), 0, StackDepth::unknown()).next == StackDepth::unknown());
  // Slots written where the operands say.
  CHECK(effectOf(makeAx(OP_SETLOCAL, 1), 0, d3).writes.contains(1));
  CHECK(effectOf(makeAB(OP_TFORLOOP, 1, 2), 0, StackDepth::exactly(7)).writes.contains(3));
  // Only these take the values up to the stack top.
  CHECK(takesValuesToTop(makeAB(OP_CALL, 0, 1)));
  CHECK(takesValuesToTop(makeAB(OP_RETURN, 0, 0)));
  CHECK_FALSE(takesValuesToTop(makeAB(OP_RETURN, 0, 2)));
  CHECK(takesValuesToTop(makeAB(OP_SETLIST, 0, 0)));
  CHECK_FALSE(takesValuesToTop(makeAx(OP_POP, 1)));
}

TEST_CASE("stack depths follow the operand stack") {
  // VARARGPREP, INT, INT, MUL_LK, ADD_LS, POP, RETURN0
  Analyzed a("local a, b = 1, 2 local c = a + b * 3");
  CHECK(depths(a.code) == std::vector<int>{0, 0, 1, 2, 3, 3, 0});
  CHECK(blockStarts(a.blocks) == std::vector<int>{0});
}

TEST_CASE("stack depths across loops and calls with all results") {
  Analyzed a("local t = {} for k, v in pairs(t) do local q = k.x end local a = f(g())");
  int lastCall = -1;
  for (int pc = 0; pc < a.code.size(); pc++) {
    Opcode op = opcodeOf(a.f->code[size_t(pc)]);
    // t, the four slots of the loop state, k and v
    if (op == OP_TFORCALL || op == OP_GETFIELD_L) CHECK(a.code.staticDepth(pc) == 1 + 4 + 2);
    if (op == OP_CALL) lastCall = pc;
  }
  REQUIRE(lastCall > 0);
  CHECK(a.code.depthBefore(lastCall) == StackDepth::openFrom(2));  // g()'s results, from g's slot up
  CHECK(a.code.staticDepth(lastCall) == -1);
  CHECK(a.code.staticDepth(lastCall + 1) == 2);  // t and a
}

TEST_CASE("an if/else: jump targets, successors and blocks") {
  //  0 VARARGPREP 0   1 INT 1   2 GETLOCAL 0   3 JMPF 3 (to 7)   4 INT 2   5 SETLOCAL 0
  //  6 JMP 2 (to 9)   7 INT 3   8 SETLOCAL 0   9 POP 1   10 RETURN0
  Analyzed a("local x = 1 if x then x = 2 else x = 3 end");
  const CodeAnalysis& c = a.code;
  REQUIRE(c.size() == 11);
  CHECK(depths(c) == std::vector<int>{0, 0, 1, 2, 1, 2, 1, 1, 2, 1, 0});
  CHECK((c.successors(3).fallThrough == 4 && c.successors(3).target == 7));
  CHECK((c.successors(6).fallThrough == -1 && c.successors(6).target == 9));
  CHECK((c.successors(10).fallThrough == -1 && c.successors(10).target == -1));
  const BasicBlocks& b = a.blocks;
  CHECK((b.isJumpTarget(7) && b.isJumpTarget(9) && !b.isJumpTarget(4)));
  CHECK((b.isLeader(4) && !b.isLeader(5)));
  CHECK(blockStarts(b) == std::vector<int>{0, 4, 7, 9});
  CHECK(b.blockOf(5) == 1);
  CHECK(b.all()[2].end == 9);
  CHECK(loopHeaders(b).empty());
}

TEST_CASE("loop headers are the targets of backward jumps") {
  //  0 VARARGPREP 0   1 INT 0   2 LT_LK 0 0   3 JMPF 3 (to 7)   4 ADD_LK 0 1   5 SETLOCAL 0
  //  6 JMP -5 (to 2)   7 POP 1   8 RETURN0
  Analyzed loop("local i = 0 while i < 10 do i = i + 1 end");
  CHECK(loopHeaders(loop.blocks) == std::vector<int>{2});
  CHECK(blockStarts(loop.blocks) == std::vector<int>{0, 2, 4, 7});
  CHECK(loop.blocks.all()[1].loopHeader);
  // Numeric for: FORPREP 0 2 at 4 skips to 7, FORLOOP 0 2 at 6 (which drops
  // the body's local y itself) goes back to 5.
  Analyzed numeric("for i = 1, 3 do local y = i end");
  CHECK(loopHeaders(numeric.blocks) == std::vector<int>{5});
  CHECK((numeric.code.successors(4).fallThrough == 5 && numeric.code.successors(4).target == 7));
  CHECK(numeric.code.staticDepth(6) == 5);  // the body's local still there
  CHECK(numeric.code.staticDepth(7) == 4);  // the loop state and the control variable, both ways
  CHECK(numeric.code.effect(6).pops == 1);
  // Generic for: TFORPREP at 5 jumps to the TFORCALL at 6, which TFORLOOP's
  // back jump reaches too (pairs(t) is GETTABUP, then CALL_L).
  Analyzed generic("local t = {} for k, v in pairs(t) do end");
  CHECK(loopHeaders(generic.blocks) == std::vector<int>{6});
  CHECK(generic.code.successors(5).fallThrough == -1);
  // Repeat: the condition's JMPF goes back to the body.
  Analyzed repeat("local n = 0 repeat n = n + 1 until n > 5");
  CHECK(loopHeaders(repeat.blocks) == std::vector<int>{2});
}

TEST_CASE("unreachable code, and the EXTRAARG word of SETLIST") {
  //  0 VARARGPREP 0   1 RETURN0   2 INT 1   3 POP 1   4 RETURN0
  Analyzed dead("do return end local x = 1");
  CHECK((dead.code.reachable(1) && !dead.code.reachable(2) && !dead.code.reachable(4)));
  REQUIRE(dead.blocks.all().size() == 2);
  CHECK((dead.blocks.all()[1].start == 2 && !dead.blocks.all()[1].reachable));
  //  ... 6 CALL 4 0   7 SETLIST 0 0   8 EXTRAARG 1   9 POP 1   10 RETURN0
  Analyzed list("local t = {1, 2, 3, f()}");
  REQUIRE(opcodeOf(list.f->code[7]) == OP_SETLIST);
  CHECK(list.code.depthBefore(7) == StackDepth::openFrom(4));
  CHECK(list.code.depthBefore(8).kind == StackDepth::kUnreached);
  CHECK(list.code.successors(7).fallThrough == 9);
  CHECK(list.code.staticDepth(9) == 1);
  CHECK(blockStarts(list.blocks) == std::vector<int>{0});
}

TEST_CASE("paths that disagree on the depth meet at a goto label, until SETTOP settles it") {
  // The verifier's example: TRUE, JMPF 1, NIL 2, SETTOP 0, RETURN0.
  std::vector<Instruction> code = {makeNone(OP_TRUE), makeSAx(OP_JMPF, 1), makeAx(OP_NIL, 2), makeAx(OP_SETTOP, 0),
                                   makeNone(OP_RETURN0)};
  CodeAnalysis c(code, 0);
  CHECK(c.depthBefore(3) == StackDepth::unknown());
  CHECK(c.staticDepth(3) == -1);
  CHECK(c.staticDepth(4) == 0);
  CHECK(blockStarts(BasicBlocks(c)) == std::vector<int>{0, 2, 3});
}

TEST_CASE("malformed code: every index stays in range") {
  // An underflow, a jump out of the code, an invalid opcode.
  std::vector<Instruction> code = {makeAx(OP_POP, 3), makeSAx(OP_JMPF, 100), Instruction(kNumOpcodes), makeNone(OP_NOP)};
  CodeAnalysis c(code, 0);
  CHECK(c.depthBefore(1) == StackDepth::unknown());  // after POP 3 on an empty stack
  CHECK(c.successors(1).target == -1);
  CHECK(c.reachable(2));
  CHECK_FALSE(c.reachable(3));  // nothing comes after an invalid opcode
  CodeAnalysis empty(std::span<const Instruction>(), 0);
  CHECK((empty.size() == 0 && BasicBlocks(empty).all().empty()));
}

// What the interpreter leaves for a compiling tier (vm/JitHooks.hpp): the
// feedback of each instruction (Proto::feedback: field caches, callees,
// operand kinds) and the hotness counters with their callbacks.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "TestEngine.hpp"
#include "compiler/Opcodes.hpp"
#include "runtime/Function.hpp"
#include "runtime/Table.hpp"
#include "vm/JitHooks.hpp"

using namespace tycho;

namespace {

// Loads `src` without running it: the main function's prototype (the
// closure stays on the stack).
Proto* load(TestEngine& e, const std::string& src) {
  REQUIRE(loadSource(e.L, src, "=t") == kOk);
  return e.L->top[-1].asLuaClosure()->proto;
}

// Runs the closure left on the stack by load().
void run(TestEngine& e) { REQUIRE(protectedCall(e.L, e.L->top - 1, 0) == kOk); }

// The feedback of the first instruction with opcode `op` in `p`.
const Feedback& feedbackOf(const Proto* p, Opcode op) {
  for (int pc = 0; pc < p->codeSize; pc++) {
    if (opcodeOf(p->code[pc]) == op) return p->feedback[pc];
  }
  FAIL("no " << kOpInfo[op].name << " in the function");
  static Feedback none{};
  return none;
}

Table* globalTable(TestEngine& e, const char* name) {
  const Value* v = tableGetShortString(globalsTable(e.L), newString(e.L, name));
  REQUIRE(v->isTable());
  return v->asTable();
}

}  // namespace

TEST_CASE("feedback starts empty, one entry per instruction") {
  TestEngine e;
  Proto* p = load(e, "local t = {} t.x = 1 return t.x + 1");
  REQUIRE(p->feedback != nullptr);
  for (int pc = 0; pc < p->codeSize; pc++) CHECK(p->feedback[pc].raw == 0);
}

TEST_CASE("a field instruction remembers the node where its key was found") {
  TestEngine e;
  Proto* p = load(e, "T = {a = 1, b = 2, c = 3} local t = T local s = 0 for i = 1, 3 do s = s + t.b end");
  run(e);
  Table* t = globalTable(e, "T");
  const Feedback& f = feedbackOf(p, OP_GETFIELD_L);
  REQUIRE(f.node < t->nodeCapacity());
  CHECK(f.nodeLog == t->logNodeCapacity);  // the size of the part the node is in
  CHECK(&t->nodes[f.node].value == tableGetShortString(t, newString(e.L, "b")));
  // Globals (GETTABUP) are fields of _ENV.
  Proto* q = load(e, "local x = T return x");
  run(e);
  const Feedback& g = feedbackOf(q, OP_GETTABUP);
  Table* globals = globalsTable(e.L);
  REQUIRE(g.node < globals->nodeCapacity());
  CHECK(&globals->nodes[g.node].value == tableGetShortString(globals, newString(e.L, "T")));
}

TEST_CASE("a stale field cache gives the right answer and follows the key") {
  TestEngine e;
  // One instruction reads `k` from tables of different shapes, from a
  // table that lost the key, and from one that was rehashed.
  CHECK(e.eval(R"(
    local function get(t) return t.k end
    local a, b = {k = 1}, {x = 0, y = 0, z = 0, k = 2}
    local s = get(a) + get(b) + get(a)
    b.k = nil
    if get(b) ~= nil then return "removed key still read" end
    for i = 1, 100 do b["f" .. i] = i end   -- rehash
    b.k = 3
    s = s + get(b)
    setmetatable(a, {__index = function() return 10 end})
    a.k = nil
    return tostring(s + get(a)))") == "17");
}

TEST_CASE("a call remembers its callee, arithmetic the operands that left the integer path") {
  TestEngine e;
  Proto* p = load(e, R"(
    local function f(x) return x end
    local a, b, c, s = 1, 2, 1.5, "3"
    f(a)
    local i = a + b
    local x = a + c
    local y = a + s
    local lt = a < b
  )");
  run(e);
  CHECK(feedbackOf(p, OP_CALL).callee == p->protos[0]);
  std::vector<uint8_t> kinds;
  for (int pc = 0; pc < p->codeSize; pc++) {
    if (plainBinaryOp(opcodeOf(p->code[pc])) == OP_ADD && isArithmeticOp(opcodeOf(p->code[pc])))
      kinds.push_back(p->feedback[pc].types);
  }
  REQUIRE(kinds.size() == 3);
  CHECK(kinds[0] == 0);          // integers only
  CHECK(kinds[1] == kSawFloat);  // a float operand
  CHECK(kinds[2] == kSawOther);  // a string coerced: the slow path
  CHECK(feedbackOf(p, OP_LT_LL).types == 0);
}

namespace {

struct HotLog {
  std::vector<const Proto*> functions;
  std::vector<Opcode> loopBranches;
  int32_t rearm = INT32_MAX;
};
HotLog* hotLog = nullptr;

void onHotFunction(lua_State*, CallInfo*, Proto* p) {
  hotLog->functions.push_back(p);
  p->callHotness = hotLog->rearm;
}
bool onHotLoop(lua_State*, CallInfo* ci, const Instruction* branch) {
  hotLog->loopBranches.push_back(opcodeOf(*branch));
  ci->func->asLuaClosure()->proto->loopHotness = hotLog->rearm;
  return false;
}
const JitHooks kLoggingHooks = {onHotFunction, onHotLoop};

}  // namespace

TEST_CASE("the interpreter writes feedback only where the opcode table says it records some") {
  TestEngine e;
  Proto* p = load(e, R"(
    local t, u = {a = 1, b = {c = 2}}, setmetatable({}, {__index = function() return 1.5 end, __lt = function() return true end})
    G = {x = 1}
    function t.f(self) return 1 end
    local s = 0
    for i = 1, 3 do
      t.a = t.a + i * 0.5
      t[i] = t.b.c .. "x"
      s = s + #t + (u.z or 0) - (i // 2) + ("1" + i)
      local v = t[i] == "2x" and u < u and t:f() or G.x
      G.x = v < 2.5 and s // 1 or 0
    end
    return s
  )");
  run(e);
  std::vector<const Proto*> protos = {p};
  bool seen[4] = {};  // by FeedbackKind
  for (size_t n = 0; n < protos.size(); n++) {
    const Proto* q = protos[n];
    for (int k = 0; k < q->numProtos; k++) protos.push_back(q->protos[k]);
    for (int pc = 0; pc < q->codeSize; pc++) {
      Opcode op = opcodeOf(q->code[pc]);
      INFO(kOpInfo[op].name << " at pc " << pc);
      if (q->feedback[pc].raw == 0) continue;
      CHECK(feedbackKind(op) != FeedbackKind::None);
      seen[int(feedbackKind(op))] = true;
    }
  }
  CHECK((seen[int(FeedbackKind::FieldNode)] && seen[int(FeedbackKind::OperandKinds)] && seen[int(FeedbackKind::Callee)]));
}

TEST_CASE("hot functions and loops reach the compiling tier's callbacks") {
  TestEngine e;
  HotLog log;
  hotLog = &log;
  G(e.L)->jit = &kLoggingHooks;
  Proto* p = load(e, R"(
    local function f(x) return x + 1 end
    local s = 0
    for i = 1, 2500 do s = f(s) end
    local j = 0
    while j < 2500 do j = j + 1 end
    assert(s == 2500 and j == 2500)
  )");
  run(e);
  // f trips once (rearmed to the largest count after); the main function's
  // loop counter trips at the FORLOOP (2000 back edges), the while loop's
  // JMP is then the loop that runs.
  REQUIRE(log.functions.size() == 1);
  CHECK(log.functions[0] == p->protos[0]);
  REQUIRE(log.loopBranches.size() == 1);
  CHECK(log.loopBranches[0] == OP_FORLOOP);

  // Rearmed with small counts, every further trip is seen, and the code
  // runs on unchanged.
  log = HotLog{};
  log.rearm = 100;
  p = load(e, R"(
    local n = 0
    for i = 1, 1000 do n = n + 1 end
    local t = {}
    for k, v in pairs({1, 2, 3}) do t[#t + 1] = v end
    assert(n == 1000 and #t == 3)
  )");
  p->loopHotness = 1;
  run(e);
  // The for loop counts its 999 back edges in batches of 64 (at the
  // remaining counts 960, 896, ..., 64, 0: 16 batches): a trip at the first
  // batch, then at every second one after the rearm to 100 (100 - 64 - 64
  // < 0): 8 trips, leaving 36; the generic for's 3 back edges, counted one
  // by one, leave 33.
  CHECK(log.loopBranches.size() == 8);
  CHECK(p->loopHotness == 33);
  G(e.L)->jit = nullptr;
  hotLog = nullptr;
}

// Binary chunks: the loader and the verifier (compiler/Undump.hpp,
// compiler/Verify.hpp). Malformed input of every kind must give an error, and
// input that passes must be safe to run: hand-made prototypes exercise each
// check of the verifier, real dumps are truncated at every byte and mutated
// thousands of times, and every mutant the verifier accepts is run (in a child
// process, so that a crash is seen as one) — in the sanitizer build too.
//
// TYCHO_MUTATIONS (a multiplier, default 1) scales the random mutation counts;
// TYCHO_MUTATION_SEED changes their seed.
#include <doctest/doctest.h>

#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>


#include "api/ReadyState.hpp"
#include "compiler/Analysis.hpp"
#include "compiler/BytecodeFormat.hpp"
#include "compiler/CodeGen.hpp"
#include "compiler/Dump.hpp"
#include "compiler/Opcodes.hpp"
#include "compiler/Undump.hpp"
#include "compiler/Verify.hpp"
#include "gc/Heap.hpp"
#include "runtime/Function.hpp"
#include "runtime/State.hpp"
#include "runtime/String.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Load.hpp"
#include "vm/Vm.hpp"

using namespace tycho;

namespace {

// --- an engine ---

struct Engine {
  lua_State* L = api::newReadyState();
  Engine() { REQUIRE(L != nullptr); }
  ~Engine() { closeLuaState(L); }

  // Loads `chunk` (text or binary) and leaves the closure on the stack;
  // returns "" or the error message (popped).
  std::string load(const std::string& chunk, const std::string& name = "=t") {
    if (loadSource(L, chunk, name) == kOk) return "";
    std::string msg = L->top[-1].isString() ? std::string(view(L->top[-1].asString())) : "?";
    L->top--;
    return msg;
  }
  // Loads, expecting success; the closure stays on the stack.
  LuaClosure* mustLoad(const std::string& chunk) {
    std::string error = load(chunk);
    REQUIRE_MESSAGE(error.empty(), error);
    return L->top[-1].asLuaClosure();
  }
  std::string dumpOf(const std::string& source, bool strip) {
    LuaClosure* c = mustLoad(source);
    std::string chunk = dumpFunction(c->proto, strip);
    L->top--;
    return chunk;
  }
  // The reason a binary chunk is refused, or "" when it loads (popped).
  std::string reason(const std::string& chunk) {
    std::string msg = load(chunk, "=c");
    if (msg.empty()) {
      L->top--;
      return "";
    }
    const std::string prefix = "c: bad binary format (";
    if (msg.compare(0, prefix.size(), prefix) == 0 && msg.back() == ')') return msg.substr(prefix.size(), msg.size() - prefix.size() - 1);
    return "unexpected message: " + msg;
  }
};

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// --- chunk surgery ---

using bytecode::kChecksumOffset;
using bytecode::kSizeOffset;

void putLittle(std::string& s, size_t at, uint64_t v, int width) {
  for (int i = 0; i < width; i++) s[at + size_t(i)] = char(uint8_t(v >> (8 * i)));
}
uint64_t getLittle(const std::string& s, size_t at, int width) {
  uint64_t v = 0;
  for (int i = 0; i < width; i++) v |= uint64_t(uint8_t(s[at + size_t(i)])) << (8 * i);
  return v;
}

// Makes the header agree with the payload again (size and checksum), so that
// a damaged payload reaches the reader and the verifier.
std::string reseal(std::string chunk) {
  size_t payload = chunk.size() - bytecode::kHeaderSize;
  putLittle(chunk, kSizeOffset, payload, 8);
  std::string_view body(chunk.data() + bytecode::kHeaderSize, payload);
  putLittle(chunk, kChecksumOffset, bytecode::chunkChecksum(chunk.data(), body), 8);
  return chunk;
}

// A payload written field by field, for shapes string.dump never makes.
struct PayloadWriter {
  std::string out;
  void u8(uint8_t v) { out.push_back(char(v)); }
  void u16(uint16_t v) { for (int i = 0; i < 2; i++) out.push_back(char(v >> (8 * i))); }
  void u32(uint32_t v) { for (int i = 0; i < 4; i++) out.push_back(char(v >> (8 * i))); }
  void u64(uint64_t v) { for (int i = 0; i < 8; i++) out.push_back(char(v >> (8 * i))); }
  // A function returning nothing, with `children` written by the callback.
  void function(int numChildren, const std::function<void()>& children) {
    u8(0); u8(0); u16(2); u32(0); u32(0); u8(bytecode::kSourceNone);
    u32(1); u32(makeNone(OP_RETURN0));
    u32(0);  // constants
    u32(0);  // upvalues
    u32(uint32_t(numChildren));
    children();
    u32(0); u32(0); u32(0);  // lines, locals, upvalue names
  }
};

std::string withHeader(const std::string& payload) {
  std::string chunk(bytecode::kHeaderSize, '\0');
  std::memcpy(chunk.data(), bytecode::kSignature, 4);
  chunk[4] = char(bytecode::kLuaVersion);
  chunk[5] = char(bytecode::kFormat);
  std::memcpy(chunk.data() + 6, bytecode::kConversionCheck, 4);
  putLittle(chunk, 10, bytecode::kRevision, 2);
  putLittle(chunk, 14, bytecode::instructionSetFingerprint(), 4);
  return reseal(chunk + payload);
}

// --- hand-made prototypes for the verifier ---

struct Fn {
  int numParams = 0;
  bool vararg = false;
  int maxStack = 8;
  int numConstants = 3;  // integers 0, 1, 2
  int numUpvalues = 1;
  std::vector<Instruction> code;
  struct Up { bool inStack; int index; };
  std::vector<Up> upvalues;  // of this function, when it is a child
  std::vector<Fn> children;
  std::vector<LocalVarInfo> locals;
};

template <typename T>
T* rawArray(lua_State* L, size_t n) {
  return n ? static_cast<T*>(gc::allocRaw(L, sizeof(T) * n)) : nullptr;
}

// The caller pauses the collector.
Proto* build(lua_State* L, const Fn& f) {
  Proto* p = newProto(L);
  p->numParams = uint8_t(f.numParams);
  p->isVararg = f.vararg;
  p->maxStack = uint16_t(f.maxStack);
  p->code = rawArray<Instruction>(L, f.code.size());
  p->codeSize = int(f.code.size());
  for (size_t i = 0; i < f.code.size(); i++) p->code[i] = f.code[i];
  p->constants = rawArray<Value>(L, size_t(f.numConstants));
  p->numConstants = f.numConstants;
  for (int i = 0; i < f.numConstants; i++) p->constants[i] = Value::integer(i);
  int numUp = f.upvalues.empty() ? f.numUpvalues : int(f.upvalues.size());
  p->upvalues = rawArray<UpvalueDesc>(L, size_t(numUp));
  p->numUpvalues = numUp;
  for (int i = 0; i < numUp; i++) {
    bool inStack = f.upvalues.empty() ? false : f.upvalues[size_t(i)].inStack;
    int index = f.upvalues.empty() ? 0 : f.upvalues[size_t(i)].index;
    p->upvalues[i] = UpvalueDesc{nullptr, inStack, 0, uint16_t(index)};
  }
  p->protos = rawArray<Proto*>(L, f.children.size());
  p->numProtos = int(f.children.size());
  for (size_t i = 0; i < f.children.size(); i++) p->protos[i] = build(L, f.children[i]);
  p->locals = rawArray<LocalVarInfo>(L, f.locals.size());
  p->numLocals = int(f.locals.size());
  for (size_t i = 0; i < f.locals.size(); i++) {
    p->locals[i] = f.locals[i];
    p->locals[i].name = newString(L, "v");
  }
  return p;
}

std::string verify(const Fn& f) {
  Engine e;
  gc::PauseGuard pause(G(e.L));
  return verifyFunction(build(e.L, f));
}

Instruction ax(Opcode op, uint32_t a) { return makeAx(op, a); }
Instruction sax(Opcode op, int32_t a) { return makeSAx(op, a); }
Instruction ab(Opcode op, uint32_t a, uint32_t b) { return makeAB(op, a, b); }
Instruction none(Opcode op) { return makeNone(op); }

Fn code(std::vector<Instruction> c) {
  Fn f;
  f.code = std::move(c);
  return f;
}

// --- corpus ---

std::filesystem::path testsDir() { return std::filesystem::path(__FILE__).parent_path().parent_path(); }

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Chunks that exercise most instructions, terminate fast and touch nothing
// outside the sandbox environment they get (no io, os, load or print).
const char* const kCorpus[] = {
  R"(local a, b, c = 3, 4.5, "7"
     local r = {a + b, a - 1, a * b, a / 2, a // 2, a % 2, a ^ 2, -a, a & 6, a | 8, a ~ 1, a << 2, a >> 1, ~a,
                a == b, a ~= 3, a < b, a <= 3, a > 1, b >= a, not a, #c, c .. a .. b, a + c}
     local s = 0
     for i = 1, #r do if type(r[i]) == "number" then s = s + r[i] end end
     return s, r)",
  R"(local t = {}
     for i = 1, 120 do t[#t + 1] = i end
     local u = {1, 2, 3, [10] = "x", [2.5] = "y", k = "z", t = {1, {2, {3}}}, select(2, 1, 2, 3)}
     local o = {n = 0}
     function o:add(k) self.n = self.n + k return self end
     o:add(1):add(2)
     local keys = 0
     for k, v in pairs(u) do keys = keys + 1 end
     for i, v in ipairs(t) do if v > 100 then break end end
     return #t, keys, o.n, u.t[2][2][1], table.concat({"a", "b", tostring(3)}, "-"))",
  R"(local n = 0
     for i = 10, 1, -1 do n = n + i end
     for x = 0.5, 2.5, 0.5 do n = n + x end
     local i = 0
     while true do i = i + 1 if i > 5 then break end end
     repeat local j = i i = i - 1 until j < 3
     for a = 1, 3 do
       for b = 1, 3 do
         if b == 2 then goto continue end
         n = n + a * b
         ::continue::
       end
     end
     do goto skip end
     n = -1
     ::skip::
     return n, i)",
  R"(local function counter(start)
       local c = start
       return function(step) c = c + (step or 1) return c end
     end
     local f, g = counter(1), counter(10)
     f() f(5)
     local function fib(k) if k < 2 then return k end return fib(k - 1) + fib(k - 2) end
     local function sum(...)
       local s = 0
       for _, v in ipairs({...}) do s = s + v end
       return s, select("#", ...), ...
     end
     local function tail(k, acc) if k == 0 then return acc end return tail(k - 1, acc + k) end
     return f(), g(), fib(12), sum(1, 2, 3), tail(50, 0))",
  R"(local log = {}
     local function closable(name)
       return setmetatable({}, {__close = function(_, err) log[#log + 1] = name end})
     end
     do
       local a <close> = closable("a")
       local b <close> = closable("b")
       log[#log + 1] = "body"
     end
     local ok, err = pcall(function()
       local c <close> = closable("c")
       error("boom")
     end)
     local co = coroutine.wrap(function(x)
       local y = coroutine.yield(x + 1)
       return y * 2
     end)
     local r1 = co(1)
     local r2 = co(20)
     for k, v in pairs({1, 2}) do local z <close> = closable("loop" .. k) end
     return table.concat(log, ","), ok, r1, r2)",
  R"(local s = "Hello, World"
     local words = {}
     for w in s:gmatch("%a+") do words[#words + 1] = w:upper() end
     local r = s:gsub("o", "0"):sub(2, -2)
     local f = string.format("%d %s %5.2f", 42, "x", 3.14159)
     local m = setmetatable({}, {__index = function(t, k) return k .. "!" end,
                                 __add = function(a, b) return 99 end,
                                 __concat = function(a, b) return "cat" end,
                                 __len = function() return 7 end,
                                 __call = function(self, x) return x end})
     return #words, r, f, m.key, m + 1, m .. "x", #m, m(5), math.max(3, 9), math.floor(2.5))",
};

// A safe environment for mutants.
void pushSandbox(lua_State* L) {
  Table* env = newTable(L, 0, 32);
  *L->top++ = Value::table(env);
  Table* globals = globalsTable(L);
  for (const char* name : {"assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "rawequal", "rawget",
                           "rawlen", "rawset", "select", "setmetatable", "tonumber", "tostring", "type", "xpcall",
                           "string", "table", "math", "coroutine", "utf8"}) {
    String* key = newString(L, name);
    *L->top++ = Value::string(key);
    tableSet(L, env, Value::string(key), *tableGet(G(L), globals, Value::string(key)));
    L->top--;
  }
}

enum class Outcome { Returned, TimedOut, Crashed };

// Calls the `count` closures on the stack from offset `first` (each with the
// sandbox as its environment, one after the other) in a child process, and
// says how the child ended: returning (normally or with errors) and running
// out of time are fine; anything else is a crash.
Outcome runIsolated(lua_State* L, ptrdiff_t first, int count) {
  std::fflush(nullptr);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // A crash kills the child (doctest's own handlers would report it as
    // a failure of the child's copy of the test run).
    for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT}) std::signal(sig, SIG_DFL);
    G(L)->memoryLimit = size_t(256) << 20;
    pushSandbox(L);
    for (int j = 0; j < count; j++) {
      // Mutants may loop forever: a legal program, stopped here.
      itimerval limit{};
      limit.it_value.tv_usec = 150000;
      setitimer(ITIMER_REAL, &limit, nullptr);
      ptrdiff_t top = saveStack(L, L->top);
      Value fn = *restoreStack(L, first + ptrdiff_t(j) * ptrdiff_t(sizeof(Value)));
      LuaClosure* c = fn.asLuaClosure();
      if (c->numUpvalues > 0) {
        // The upvalue may be black by now (collections ran since it was
        // made): the store needs its barrier.
        *c->upvals[0]->v = L->top[-1];
        gc::barrierForward(G(L), c->upvals[0], L->top[-1]);
      }
      *L->top++ = fn;
      protectedCall(L, L->top - 1, 0);
      L->top = restoreStack(L, top);
    }
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return Outcome::Returned;
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) return Outcome::TimedOut;
  return Outcome::Crashed;
}

// Runs accepted mutants in child processes, several per child (forks are
// slow under the sanitizers); a batch that does not simply return is run
// again one mutant per child, to count time-outs and name crashes.
class MutantRunner {
 public:
  explicit MutantRunner(lua_State* L) : L_(L) {}
  ~MutantRunner() { flush(); }

  // Takes the closure on top of the stack (it stays there until run).
  void add(std::string description) {
    if (names_.empty()) first_ = saveStack(L_, L_->top - 1);
    names_.push_back(std::move(description));
    runs++;
    if (names_.size() == kBatch) flush();
  }

  void flush() {
    int n = int(names_.size());
    if (n == 0) return;
    Outcome batch = runIsolated(L_, first_, n);
    if (batch != Outcome::Returned) {
      size_t known = crashes.size();
      for (int j = 0; j < n; j++) {
        Outcome o = runIsolated(L_, first_ + ptrdiff_t(j) * ptrdiff_t(sizeof(Value)), 1);
        if (o == Outcome::TimedOut) timedOut++;
        if (o == Outcome::Crashed) crashes.push_back(names_[size_t(j)]);
      }
      // A crash that needs the mutants before it (heap damage) counts too.
      if (batch == Outcome::Crashed && crashes.size() == known) crashes.push_back("a batch from " + names_[0]);
    }
    L_->top = restoreStack(L_, first_);
    names_.clear();
  }

  int runs = 0;
  int timedOut = 0;
  std::vector<std::string> crashes;

 private:
  static constexpr size_t kBatch = 16;
  lua_State* L_;
  ptrdiff_t first_ = 0;
  std::vector<std::string> names_;
};

int mutationScale() {
  const char* s = std::getenv("TYCHO_MUTATIONS");
  int n = s ? std::atoi(s) : 1;
  return n > 0 ? n : 1;
}
uint32_t mutationSeed() {
  const char* s = std::getenv("TYCHO_MUTATION_SEED");
  return s ? uint32_t(std::strtoul(s, nullptr, 10)) : 20240521u;
}

void collectProtos(Proto* p, std::vector<Proto*>& out) {
  out.push_back(p);
  for (int i = 0; i < p->numProtos; i++) collectProtos(p->protos[i], out);
}

}  // namespace

// ---------------------------------------------------------------------------
// The verifier, one check at a time (hand-made prototypes).
// ---------------------------------------------------------------------------

TEST_CASE("verifier: well-formed code passes") {
  CHECK(verify(code({none(OP_RETURN0)})) == "");
  CHECK(verify(code({ax(OP_K, 2), sax(OP_INT, -5), none(OP_ADD), none(OP_RETURN1)})) == "");
  // A local function captures the slot its closure is pushed into.
  Fn f = code({ax(OP_CLOSURE, 0), ax(OP_CLOSE, 0), none(OP_RETURN1)});
  f.children.push_back(code({none(OP_RETURN0)}));
  f.children[0].upvalues = {{true, 0}};
  CHECK(verify(f) == "");
  // Paths joining at a goto label with different depths, settled by SETTOP.
  CHECK(verify(code({none(OP_TRUE), sax(OP_JMPF, 1), ax(OP_NIL, 2), ax(OP_SETTOP, 0), none(OP_RETURN0)})) == "");
}

TEST_CASE("verifier: opcodes and the end of the code") {
  CHECK(contains(verify(code({Instruction(kNumOpcodes), none(OP_RETURN0)})), "invalid opcode"));
  CHECK(contains(verify(code({0xff})), "invalid opcode"));
  CHECK(contains(verify(code({})), "no code"));
  CHECK(contains(verify(code({ax(OP_NIL, 1)})), "falls off the end"));
  CHECK(contains(verify(code({ax(OP_NIL, 1), ax(OP_POP, 1)})), "falls off the end"));
  CHECK(contains(verify(code({ax(OP_EXTRAARG, 1), none(OP_RETURN0)})), "EXTRAARG without SETLIST"));
  // A _J or _SET flavour reads the JMPF or SETLOCAL after it without looking.
  CHECK(verify(code({ax(OP_NIL, 2), ab(OP_LT_LL_J, 0, 1), sax(OP_JMPF, 0), none(OP_RETURN0)})) == "");
  CHECK(contains(verify(code({ax(OP_NIL, 2), ab(OP_LT_LL_J, 0, 1), sax(OP_JMPT, 0), none(OP_RETURN0)})),
                 "LT_LL_J without its JMPF after it"));
  CHECK(contains(verify(code({ax(OP_NIL, 2), ab(OP_LT_LL_J, 0, 1)})), "LT_LL_J without its JMPF after it"));
  CHECK(verify(code({ax(OP_NIL, 2), ab(OP_ADD_LL_SET, 0, 1), ax(OP_SETLOCAL, 0), none(OP_RETURN0)})) == "");
  CHECK(contains(verify(code({ax(OP_NIL, 2), ab(OP_ADD_LL_SET, 0, 1), ax(OP_POP, 1), none(OP_RETURN0)})),
                 "ADD_LL_SET without its SETLOCAL after it"));
}

TEST_CASE("verifier: operands out of range") {
  CHECK(contains(verify(code({ax(OP_K, 3), none(OP_RETURN1)})), "constant 3 out of range"));
  CHECK(contains(verify(code({ax(OP_GETFIELD, 0)})), "stack underflow"));
  CHECK(contains(verify(code({ax(OP_GETUPVAL, 1), none(OP_RETURN1)})), "upvalue 1 out of range"));
  CHECK(contains(verify(code({ab(OP_GETTABUP, 0, 9), none(OP_RETURN1)})), "constant 9 out of range"));
  CHECK(contains(verify(code({ab(OP_GETTABUP, 4, 0), none(OP_RETURN1)})), "upvalue 4 out of range"));
  CHECK(contains(verify(code({ax(OP_CLOSURE, 0), none(OP_RETURN1)})), "nested function 0 out of range"));
  CHECK(contains(verify(code({ax(OP_GETLOCAL, 0), none(OP_RETURN1)})), "slot 0 is not live"));
  CHECK(contains(verify(code({ax(OP_NIL, 1), ax(OP_SETLOCAL, 0), none(OP_RETURN0)})), "slot 0 is not live"));
  CHECK(contains(verify(code({ax(OP_NIL, 2), ab(OP_ADD_LL, 0, 2), none(OP_RETURN1)})), "slot 2 is not live"));
  CHECK(contains(verify(code({ax(OP_NIL, 2), ab(OP_ADD_LK, 1, 7), none(OP_RETURN1)})), "constant 7 out of range"));
  CHECK(contains(verify(code({ax(OP_NIL, 1), ax(OP_ADD_L, 5), none(OP_RETURN1)})), "slot 5 is not live"));
  // The forms that read the left operand in place and the right one from the stack.
  CHECK(verify(code({ax(OP_NIL, 2), ax(OP_SUB_LS, 0), ax(OP_LT_KS, 2), none(OP_RETURN1)})) == "");
  CHECK(contains(verify(code({ax(OP_NIL, 1), ax(OP_ADD_LS, 1), none(OP_RETURN1)})), "slot 1 is not live"));
  CHECK(contains(verify(code({ax(OP_NIL, 1), ax(OP_ADD_KS, 3), none(OP_RETURN1)})), "constant 3 out of range"));
  CHECK(contains(verify(code({ax(OP_EQ_LS, 0), none(OP_RETURN1)})), "stack underflow"));
  // Index and store forms with a table or key in a slot, or an upvalue table.
  CHECK(verify(code({ax(OP_NIL, 2), ax(OP_GETTABLE_LS, 0), ax(OP_GETTABLE_US, 0), none(OP_RETURN1)})) == "");
  CHECK(contains(verify(code({ax(OP_NIL, 1), ax(OP_GETTABLE_LS, 1), none(OP_RETURN1)})), "slot 1 is not live"));
  CHECK(contains(verify(code({ax(OP_NIL, 1), ax(OP_GETTABLE_US, 1), none(OP_RETURN1)})), "upvalue 1 out of range"));
  CHECK(verify(code({ax(OP_NIL, 4), ax(OP_SETTABLE_LS, 0), ab(OP_SETINDEXAT, 0, 0), none(OP_RETURN0)})) == "");
  CHECK(verify(code({ax(OP_NIL, 3), ax(OP_SETTABLE_SL, 0), none(OP_RETURN0)})) == "");
  // The slot operand is below the two stack operands.
  CHECK(contains(verify(code({ax(OP_NIL, 3), ax(OP_SETTABLE_LS, 1), none(OP_RETURN0)})), "slot 1 is not live"));
  CHECK(contains(verify(code({ax(OP_NIL, 2), ax(OP_SETTABLE_SL, 0), none(OP_RETURN0)})), "slot 0 is not live"));
  CHECK(contains(verify(code({ax(OP_NIL, 2), ab(OP_SETINDEXAT, 0, 1), none(OP_RETURN0)})), "slot 1 is not live"));
  CHECK(contains(verify(code({ax(OP_NIL, 2), ab(OP_SETINDEXAT, 1, 0), none(OP_RETURN0)})), "slot 1 is not live"));
  // A nested function's upvalues must fit the enclosing function.
  Fn f = code({ax(OP_CLOSURE, 0), none(OP_RETURN1)});
  f.children.push_back(code({none(OP_RETURN0)}));
  f.children[0].upvalues = {{false, 3}};
  CHECK(contains(verify(f), "out of range"));
  f.children[0].upvalues = {{true, 2}};  // a frame slot not live at the CLOSURE
  CHECK(contains(verify(f), "slot 2 is not live"));
}

TEST_CASE("verifier: stack depth") {
  Fn f = code({ax(OP_NIL, 9), none(OP_RETURN0)});
  CHECK(contains(verify(f), "stack overflow"));
  f.maxStack = 9;
  CHECK(verify(f) == "");
  CHECK(contains(verify(code({ax(OP_POP, 1), none(OP_RETURN0)})), "stack underflow"));
  CHECK(contains(verify(code({none(OP_TRUE), none(OP_ADD), none(OP_RETURN1)})), "stack underflow"));
  CHECK(contains(verify(code({none(OP_RETURN1)})), "stack underflow"));
  CHECK(contains(verify(code({ax(OP_NIL, 0xffffff), none(OP_RETURN0)})), "stack overflow"));
  // Merges: a loop that pushes one value per iteration never agrees.
  CHECK(contains(verify(code({none(OP_TRUE), sax(OP_JMP, -2)})), "differ"));
  CHECK(contains(verify(code({none(OP_TRUE), sax(OP_JMPF, 1), ax(OP_NIL, 1), none(OP_RETURN0)})), "differ"));
  // SETTOP may only lower the stack.
  CHECK(contains(verify(code({ax(OP_SETTOP, 1), none(OP_RETURN0)})), "SETTOP above"));
  // Operands of CONCAT, CALL and RETURN must be the values on the stack.
  CHECK(contains(verify(code({ax(OP_NIL, 3), ab(OP_CONCAT, 0, 2), none(OP_RETURN1)})), "CONCAT"));
  CHECK(contains(verify(code({ax(OP_NIL, 1), ab(OP_CALL, 1, 1), none(OP_RETURN0)})), "slot 1 is not live"));
  CHECK(contains(verify(code({ax(OP_NIL, 1), ab(OP_CALL, 0, 12), none(OP_RETURN0)})), "stack overflow"));
  CHECK(contains(verify(code({ax(OP_NIL, 1), ab(OP_RETURN, 0, 3)})), "RETURN of values above"));
  CHECK(contains(verify(code({ax(OP_NIL, 1), ab(OP_RETURN, 2, 0)})), "RETURN from above"));
  Fn params = code({none(OP_RETURN0)});
  params.numParams = 9;
  CHECK(contains(verify(params), "more parameters than frame slots"));
  Fn big = code({none(OP_RETURN0)});
  big.maxStack = 300;
  CHECK(contains(verify(big), "above the limit"));
}

TEST_CASE("verifier: open results are taken up at once") {
  Fn f = code({ax(OP_VARARGPREP, 0), ax(OP_VARARG, 0), ax(OP_NIL, 1), ab(OP_RETURN, 0, 0)});
  f.vararg = true;
  CHECK(contains(verify(f), "open results not taken up"));
  f.code = {ax(OP_VARARGPREP, 0), ax(OP_VARARG, 0), ab(OP_RETURN, 0, 0)};
  CHECK(verify(f) == "");
  f.code = {ax(OP_VARARGPREP, 0), ax(OP_GETUPVAL, 0), ax(OP_VARARG, 0), ab(OP_CALL, 0, 0), ab(OP_RETURN, 0, 0)};
  CHECK(verify(f) == "");
  // The function slot of a call must be below the open values.
  f.code = {ax(OP_VARARGPREP, 0), ax(OP_VARARG, 0), ab(OP_CALL, 0, 1), none(OP_RETURN0)};
  CHECK(contains(verify(f), "slot 0 is not live"));
  // A tail call continues with open results when a native callee yields.
  CHECK(contains(verify(code({ax(OP_GETUPVAL, 0), ax(OP_TAILCALL, 0)})), "falls off the end"));
  CHECK(verify(code({ax(OP_GETUPVAL, 0), ax(OP_TAILCALL, 0), ab(OP_RETURN, 0, 0)})) == "");
}

TEST_CASE("verifier: jumps") {
  CHECK(contains(verify(code({sax(OP_JMP, 5), none(OP_RETURN0)})), "out of the code"));
  CHECK(contains(verify(code({sax(OP_JMP, -2), none(OP_RETURN0)})), "out of the code"));
  CHECK(contains(verify(code({sax(OP_JMP, kMinSAx), none(OP_RETURN0)})), "out of the code"));
  CHECK(contains(verify(code({none(OP_TRUE), ab(OP_FORLOOP, 0, 60000), none(OP_RETURN0)})), "FORLOOP"));
  // Into the EXTRAARG word of a SETLIST.
  Fn f = code({ab(OP_NEWTABLE, 0, 0), none(OP_TRUE), ab(OP_SETLIST, 0, 1), ax(OP_EXTRAARG, 1), sax(OP_JMP, -2), none(OP_RETURN0)});
  CHECK(contains(verify(f), "extra argument"));
  // Back to VARARGPREP.
  Fn v = code({ax(OP_VARARGPREP, 0), sax(OP_JMP, -2)});
  v.vararg = true;
  CHECK(contains(verify(v), "VARARGPREP"));
}

TEST_CASE("verifier: vararg frames") {
  Fn f = code({none(OP_RETURN0)});
  f.vararg = true;
  CHECK(contains(verify(f), "does not start with VARARGPREP"));
  CHECK(contains(verify(code({ax(OP_VARARGPREP, 0), none(OP_RETURN0)})), "VARARGPREP out of place"));
  f.code = {ax(OP_VARARGPREP, 1), none(OP_RETURN0)};
  CHECK(contains(verify(f), "VARARGPREP out of place"));
  CHECK(contains(verify(code({ax(OP_VARARG, 2), none(OP_RETURN1)})), "without '...'"));
}

TEST_CASE("verifier: tables of constructors and numeric loops") {
  // SETLIST and SETKEYAT write to the table NEWTABLE made, unchanged since.
  Fn ok = code({ab(OP_NEWTABLE, 0, 1), none(OP_TRUE), ab(OP_SETLIST, 0, 1), ax(OP_EXTRAARG, 1), none(OP_RETURN1)});
  CHECK(verify(ok) == "");
  CHECK(contains(verify(code({ax(OP_NIL, 1), none(OP_TRUE), ab(OP_SETLIST, 0, 1), ax(OP_EXTRAARG, 1), none(OP_RETURN1)})),
                 "does not hold a new table"));
  CHECK(contains(verify(code({ab(OP_NEWTABLE, 0, 0), none(OP_TRUE), ax(OP_SETLOCAL, 0), none(OP_TRUE), ab(OP_SETLIST, 0, 1),
                              ax(OP_EXTRAARG, 1), none(OP_RETURN1)})),
                 "does not hold a new table"));
  CHECK(contains(verify(code({ax(OP_NIL, 3), ax(OP_SETKEYAT, 0), none(OP_RETURN1)})), "does not hold a new table"));
  CHECK(contains(verify(code({ab(OP_NEWTABLE, 0, 0), none(OP_TRUE), ab(OP_SETLIST, 0, 1), none(OP_RETURN1)})),
                 "SETLIST without EXTRAARG"));
  CHECK(contains(verify(code({ab(OP_NEWTABLE, 0, 0), ab(OP_SETLIST, 0, 3), ax(OP_EXTRAARG, 1), none(OP_RETURN1)})),
                 "above the stack top"));
  // A table on one path only.
  CHECK(contains(verify(code({none(OP_TRUE), sax(OP_JMPF, 2), ab(OP_NEWTABLE, 0, 0), sax(OP_JMP, 1), ax(OP_NIL, 1),
                              none(OP_TRUE), ab(OP_SETLIST, 0, 1), ax(OP_EXTRAARG, 1), none(OP_RETURN1)})),
                 "does not hold a new table"));

  // for i = 1, 2 do end
  std::vector<Instruction> loop = {sax(OP_INT, 1), sax(OP_INT, 2), sax(OP_INT, 1), ab(OP_FORPREP, 0, 1),
                                   ab(OP_FORLOOP, 0, 1), ax(OP_POP, 4), none(OP_RETURN0)};
  CHECK(verify(code(loop)) == "");
  // FORLOOP without FORPREP, or reached by FORPREP's skip jump.
  CHECK(contains(verify(code({ax(OP_NIL, 4), ab(OP_FORLOOP, 0, 1), none(OP_RETURN0)})), "FORLOOP without"));
  CHECK(contains(verify(code({sax(OP_INT, 1), sax(OP_INT, 2), sax(OP_INT, 1), ab(OP_FORPREP, 0, 0),
                              ab(OP_FORLOOP, 0, 1), none(OP_RETURN0)})),
                 "FORLOOP without"));
  // The loop state overwritten in the body.
  CHECK(contains(verify(code({sax(OP_INT, 1), sax(OP_INT, 2), sax(OP_INT, 1), ab(OP_FORPREP, 0, 2), none(OP_TRUE),
                              ax(OP_SETLOCAL, 0), ab(OP_FORLOOP, 0, 3), none(OP_RETURN0)})),
                 "FORLOOP without"));
  CHECK(contains(verify(code({ax(OP_NIL, 4), ab(OP_FORPREP, 0, 1), none(OP_RETURN0)})), "FORPREP state"));
}

TEST_CASE("verifier: to-be-closed variables and captured slots") {
  CHECK(verify(code({ax(OP_NIL, 1), ax(OP_TBC, 0), ax(OP_CLOSE, 0), ax(OP_POP, 1), none(OP_RETURN0)})) == "");
  CHECK(verify(code({ax(OP_NIL, 1), ax(OP_TBC, 0), none(OP_RETURN0)})) == "");
  CHECK(contains(verify(code({ax(OP_NIL, 1), ax(OP_TBC, 0), ax(OP_POP, 1), none(OP_RETURN0)})),
                 "to-be-closed slot 0 leaves the stack"));
  CHECK(contains(verify(code({ax(OP_NIL, 2), ax(OP_TBC, 1), ax(OP_TBC, 0), none(OP_RETURN0)})), "out of order"));
  CHECK(contains(verify(code({ax(OP_NIL, 1), ax(OP_TBC, 0), ax(OP_GETUPVAL, 0), ax(OP_TAILCALL, 1), ab(OP_RETURN, 1, 0)})),
                 "tail call with pending"));
  CHECK(contains(verify(code({ax(OP_NIL, 2), ax(OP_TBC, 1), ab(OP_CALL, 1, 1), none(OP_RETURN0)})), "call over"));
  CHECK(contains(verify(code({ax(OP_NIL, 1), ax(OP_TBC, 0), ax(OP_SETTOP, 0), none(OP_RETURN0)})), "leaves the stack"));
  // A captured slot popped without CLOSE.
  Fn f = code({ax(OP_NIL, 1), ax(OP_CLOSURE, 0), ax(OP_POP, 2), none(OP_RETURN0)});
  f.children.push_back(code({none(OP_RETURN0)}));
  f.children[0].upvalues = {{true, 0}};
  CHECK(contains(verify(f), "captured slot 0 leaves the stack"));
  f.code = {ax(OP_NIL, 1), ax(OP_CLOSURE, 0), ax(OP_CLOSE, 0), ax(OP_POP, 2), none(OP_RETURN0)};
  CHECK(verify(f) == "");
  // Captured on one path only: still closed on every path.
  f.code = {ax(OP_NIL, 1), none(OP_TRUE), sax(OP_JMPF, 2), ax(OP_CLOSURE, 0), ax(OP_POP, 1), ax(OP_POP, 1), none(OP_RETURN0)};
  CHECK(contains(verify(f), "captured slot 0 leaves the stack"));
}

TEST_CASE("verifier: debug information and nesting") {
  Fn f = code({none(OP_RETURN0)});
  f.locals.push_back(LocalVarInfo{nullptr, 0, 2, 0});  // past the code
  CHECK(contains(verify(f), "bad local variable information"));
  f.locals[0] = LocalVarInfo{nullptr, 0, 1, 8};
  CHECK(contains(verify(f), "bad local variable information"));
  f.locals[0] = LocalVarInfo{nullptr, 0, 1, 0};
  CHECK(verify(f) == "");
  Fn up = code({none(OP_RETURN0)});
  up.numUpvalues = 256;
  CHECK(contains(verify(up), "too many upvalues"));
  Fn chain = code({none(OP_RETURN0)});
  for (int i = 0; i < 210; i++) {
    Fn parent = code({none(OP_RETURN0)});
    parent.children.push_back(std::move(chain));
    chain = std::move(parent);
  }
  CHECK(contains(verify(chain), "nested too deeply"));
}

// ---------------------------------------------------------------------------
// The compiler's output verifies, and dumps round-trip exactly.
// ---------------------------------------------------------------------------

namespace {

// What the verifier implies for the shared analysis of verified code: a
// static depth within the frame, or dynamic values that the instruction
// takes up, or (at goto labels) paths that disagree before an instruction
// that does not depend on the depth; and blocks that cover the code. The
// first disagreement, or "".
std::string analysisDisagreement(const Proto* p) {
  CodeAnalysis code(*p);
  BasicBlocks blocks(code);
  int covered = 0;
  for (const BasicBlock& b : blocks.all()) {
    if (b.start != covered || b.end <= b.start) return "blocks do not cover the code";
    covered = b.end;
  }
  if (covered != p->codeSize) return "blocks do not reach the end of the code";
  for (int pc = 0; pc < p->codeSize; pc++) {
    Instruction i = p->code[pc];
    Opcode op = opcodeOf(i);
    StackDepth d = code.depthBefore(pc);
    bool ok = d.kind == StackDepth::kUnreached || (d.kind == StackDepth::kStatic && d.slots <= p->maxStack) ||
              (d.kind == StackDepth::kDynamic && takesValuesToTop(i)) ||
              (d.kind == StackDepth::kUnknown && (op == OP_CLOSE || op == OP_SETTOP || op == OP_JMP));
    if (!ok) return "depth at pc " + std::to_string(pc) + " (" + kOpInfo[op].name + ")";
  }
  for (int k = 0; k < p->numProtos; k++) {
    std::string why = analysisDisagreement(p->protos[k]);
    if (!why.empty()) return why;
  }
  return "";
}

}  // namespace

TEST_CASE("every test script compiles to code the verifier accepts and the analysis agrees with, and dumps are stable") {
  Engine e;
  int scripts = 0;
  for (const char* folder : {"lua", "programs", "tracebacks", "tycho", "lua/modules"}) {
    for (const auto& entry : std::filesystem::directory_iterator(testsDir() / folder)) {
      if (entry.path().extension() != ".lua") continue;
      std::string source = readFile(entry.path());
      if (!source.empty() && source[0] == '#') source = source.substr(source.find('\n'));
      std::string name = "@";
      name += entry.path().filename().string();
      if (!e.load(source, name).empty()) continue;  // a syntax-error fixture
      scripts++;
      LuaClosure* c = e.L->top[-1].asLuaClosure();
      INFO(entry.path().string());
      CHECK(verifyFunction(c->proto) == "");
      CHECK(analysisDisagreement(c->proto) == "");
      for (bool strip : {false, true}) {
        std::string chunk = dumpFunction(c->proto, strip);
        REQUIRE(e.load(chunk) == "");
        CHECK(dumpFunction(e.L->top[-1].asLuaClosure()->proto, strip) == chunk);
        e.L->top--;
      }
      e.L->top--;
    }
  }
  CHECK(scripts > 40);
}

// ---------------------------------------------------------------------------
// The loader: header, counts, lengths, nesting.
// ---------------------------------------------------------------------------

TEST_CASE("loader: the header") {
  Engine e;
  std::string chunk = e.dumpOf("return 1", false);
  CHECK(e.reason(chunk) == "");
  auto with = [&](size_t at, char c) {
    std::string s = chunk;
    s[at] = c;
    return s;
  };
  CHECK(e.reason("\x1b" "abc") == "not a binary chunk");
  CHECK(e.reason("\x1b" "Lu") == "truncated chunk");
  CHECK(e.reason(with(4, 0x53)) == "version mismatch");
  CHECK(e.reason(with(5, 0)) == "format mismatch");
  CHECK(e.reason(with(6, '\n')) == "corrupted chunk");
  CHECK(e.reason(with(10, 9)) == "bytecode revision mismatch");
  CHECK(e.reason(with(12, 4)) == "unknown flags");
  CHECK(e.reason(with(13, 1)) == "unknown flags");
  // A flag with a known meaning, set or cleared: the checksum covers it.
  CHECK(e.reason(with(12, 1)) == "checksum mismatch");
  std::string stripped = e.dumpOf("return 1", true);
  stripped[12] = 0;
  CHECK(e.reason(stripped) == "checksum mismatch");
  CHECK(e.reason(with(14, char(chunk[14] ^ 1))) == "instruction set mismatch");
  CHECK(e.reason(with(kChecksumOffset, char(chunk[kChecksumOffset] ^ 1))) == "checksum mismatch");
  CHECK(e.reason(with(chunk.size() - 1, char(chunk.back() ^ 0x40))) == "checksum mismatch");
  // The declared payload size must be there; bytes after it are ignored.
  std::string longer = chunk;
  putLittle(longer, kSizeOffset, getLittle(chunk, kSizeOffset, 8) + 1, 8);
  CHECK(e.reason(longer) == "truncated chunk");
  CHECK(e.reason(chunk + "trailing") == "");
  std::string huge = chunk;
  putLittle(huge, kSizeOffset, ~uint64_t(0), 8);
  CHECK(e.reason(huge) == "truncated chunk");
  // No header byte can change unnoticed: every bit of each is flipped in turn.
  for (size_t at = 0; at < bytecode::kHeaderSize; at++) {
    for (int bit = 0; bit < 8; bit++) {
      INFO("header byte " << at << ", bit " << bit);
      CHECK(e.reason(with(at, char(chunk[at] ^ (1 << bit)))) != "");
    }
  }
  // lua5.4's own bytecode (luac5.4 -s of "return 1").
  const unsigned char luac[] = {0x1b, 0x4c, 0x75, 0x61, 0x54, 0x00, 0x19, 0x93, 0x0d, 0x0a, 0x1a, 0x0a, 0x04, 0x08, 0x08,
                                0x78, 0x56, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x28, 0x77,
                                0x40, 0x01, 0x80, 0x80, 0x80, 0x00, 0x01, 0x02, 0x84, 0x51, 0x00, 0x00, 0x00, 0x01, 0x00,
                                0x00, 0x80, 0x46, 0x00, 0x02, 0x01, 0x46, 0x00, 0x01, 0x01, 0x80, 0x81, 0x01, 0x00, 0x00,
                                0x80, 0x80, 0x80, 0x80, 0x80};
  CHECK(e.reason(std::string(reinterpret_cast<const char*>(luac), sizeof luac)) == "format mismatch");
  // Messages name the chunk as lua5.4 does.
  CHECK(e.load("\x1b" "Lu", "=name") == "name: bad binary format (truncated chunk)");
  CHECK(e.load("\x1b" "Lu", "@file.luac") == "file.luac: bad binary format (truncated chunk)");
  CHECK(e.load("\x1b" "Lu", "\x1b" "Lu") == "binary string: bad binary format (truncated chunk)");
}

TEST_CASE("loader: counts and lengths are bounded by the input") {
  Engine e;
  std::string chunk = e.dumpOf("local s = 'abc' return s, 1.5, 7", false);
  size_t p = bytecode::kHeaderSize;
  // The main function: u8 u8 u16 i32 i32, source kind 2 + string, code count.
  REQUIRE(uint8_t(chunk[p + 12]) == bytecode::kSourceOwn);
  size_t sourceLength = getLittle(chunk, p + 13, 8);
  size_t codeCount = p + 21 + sourceLength;
  auto patched = [&](size_t at, uint64_t v, int width) {
    std::string s = chunk;
    putLittle(s, at, v, width);
    return reseal(s);
  };
  CHECK(e.reason(patched(p + 13, ~uint64_t(0), 8)) == "truncated chunk");     // source length
  CHECK(e.reason(patched(p + 13, 1u << 30, 8)) == "truncated chunk");
  CHECK(e.reason(patched(codeCount, 0xffffffffu, 4)) == "truncated chunk");   // instructions
  CHECK(e.reason(patched(codeCount, 0x7fffffffu, 4)) == "truncated chunk");
  CHECK(e.reason(patched(p + 12, 1, 1)) == "main function without a source of its own");
  CHECK(e.reason(patched(p + 12, 7, 1)) == "bad source kind");
  CHECK(e.reason(patched(p + 1, 2, 1)) == "unknown function flags");
  // Constants follow the code: a bad kind.
  size_t n = getLittle(chunk, codeCount, 4);
  size_t constants = codeCount + 4 + 4 * n;
  REQUIRE(getLittle(chunk, constants, 4) >= 1);
  CHECK(e.reason(patched(constants + 4, 9, 1)) == "bad constant kind");
  CHECK(e.reason(patched(constants, 0xfffffff0u, 4)) == "truncated chunk");
  // Extra bytes inside the payload.
  CHECK(e.reason(reseal(chunk + "x")) == "extra bytes after the main function");

  // Hand-written payloads: nesting, line and name counts.
  PayloadWriter leaf;
  leaf.function(0, [] {});
  CHECK(e.reason(withHeader(leaf.out)) == "");
  std::function<void(PayloadWriter&, int)> nest = [&](PayloadWriter& w, int depth) {
    w.function(depth > 0 ? 1 : 0, [&] {
      if (depth > 0) nest(w, depth - 1);
    });
  };
  PayloadWriter deep;
  nest(deep, 150);
  CHECK(e.reason(withHeader(deep.out)) == "");
  PayloadWriter tooDeep;
  nest(tooDeep, 300);
  CHECK(e.reason(withHeader(tooDeep.out)) == "functions nested too deeply");
  PayloadWriter lines;
  lines.u8(0); lines.u8(0); lines.u16(2); lines.u32(0); lines.u32(0); lines.u8(0);
  lines.u32(1); lines.u32(makeNone(OP_RETURN0));
  lines.u32(0); lines.u32(0); lines.u32(0);
  std::string common = lines.out;
  lines.u32(2); lines.u32(1); lines.u32(1); lines.u32(0); lines.u32(0);
  CHECK(e.reason(withHeader(lines.out)) == "line information does not match the code");
  PayloadWriter names;
  names.out = common;
  names.u32(0); names.u32(0); names.u32(1); names.u64(1); names.u8('x');
  CHECK(e.reason(withHeader(names.out)) == "upvalue names do not match the upvalues");
  // A million claimed nested functions in a few bytes: refused before allocating.
  PayloadWriter many;
  many.u8(0); many.u8(0); many.u16(2); many.u32(0); many.u32(0); many.u8(0);
  many.u32(1); many.u32(makeNone(OP_RETURN0)); many.u32(0); many.u32(0);
  many.u32(1000000);
  CHECK(e.reason(withHeader(many.out)) == "truncated chunk");
}

TEST_CASE("loader: truncation at every byte of real dumps") {
  Engine e;
  int cases = 0;
  for (const char* source : kCorpus) {
    for (bool strip : {false, true}) {
      std::string chunk = e.dumpOf(source, strip);
      for (size_t n = 1; n < chunk.size(); n++) {
        // As cut (the header's size no longer matches) ...
        REQUIRE(e.reason(chunk.substr(0, n)) == "truncated chunk");
        // ... and with the header made to agree, so that the reader itself
        // runs out of input in the middle of a field.
        if (n > bytecode::kHeaderSize) {
          std::string r = e.reason(reseal(chunk.substr(0, n)));
          REQUIRE_MESSAGE(r != "", n);
          CHECK_MESSAGE(r == "truncated chunk", r);
        }
        cases += 2;
      }
    }
  }
  MESSAGE("truncated chunks loaded: " << cases);
}

// ---------------------------------------------------------------------------
// Mutations: an error or a verified function, which then runs without crashing.
// ---------------------------------------------------------------------------

TEST_CASE("mutated chunks: refused, or verified and safe to run") {
  Engine e;
  std::mt19937 rng(mutationSeed());
  int scale = mutationScale();
  int loads = 0, refused = 0, unsealed = 0;
  MutantRunner runner(e.L);
  for (const char* source : kCorpus) {
    for (bool strip : {false, true}) {
      std::string chunk = e.dumpOf(source, strip);
      size_t payload = chunk.size() - bytecode::kHeaderSize;
      // Without fixing the checksum, damage to the payload is always seen.
      for (int k = 0; k < 100 * scale; k++) {
        std::string s = chunk;
        size_t at = bytecode::kHeaderSize + rng() % payload;
        s[at] = char(s[at] ^ (1 + rng() % 255));
        REQUIRE(e.reason(s) == "checksum mismatch");
        unsealed++;
      }
      // With the checksum fixed: the reader and the verifier must cope.
      for (int k = 0; k < 400 * scale; k++) {
        std::string s = chunk;
        int flips = 1 + int(rng() % 3);
        for (int j = 0; j < flips; j++) {
          size_t at = bytecode::kHeaderSize + rng() % payload;
          s[at] = rng() % 2 ? char(s[at] ^ (1 << (rng() % 8))) : char(rng());
        }
        loads++;
        std::string msg = e.load(reseal(s));
        if (!msg.empty()) {
          refused++;
          continue;
        }
        runner.add("byte mutant of corpus chunk, strip=" + std::to_string(strip));
      }
    }
  }
  runner.flush();
  MESSAGE("byte mutations: " << unsealed << " without checksum fix (all refused), " << loads << " resealed: " << refused
                             << " refused, " << runner.runs << " verified and run (" << runner.timedOut << " timed out)");
  for (const std::string& c : runner.crashes) MESSAGE("crash: " << c);
  CHECK(runner.crashes.empty());
  CHECK(runner.runs > 0);
}

TEST_CASE("mutated code: refused by the verifier, or safe to run") {
  Engine e;
  std::mt19937 rng(mutationSeed() + 1);
  int scale = mutationScale();
  int tried = 0, refused = 0;
  MutantRunner runner(e.L);
  for (const char* source : kCorpus) {
    std::string chunk = e.dumpOf(source, false);
    for (int k = 0; k < 600 * scale; k++) {
      LuaClosure* c = e.mustLoad(chunk);  // rooted on the stack
      std::vector<Proto*> protos;
      collectProtos(c->proto, protos);
      Proto* p = protos[rng() % protos.size()];
      int pc = int(rng() % uint32_t(p->codeSize));
      Instruction& i = p->code[pc];
      Instruction before = i;
      switch (rng() % 8) {
        case 0: i = (i & ~0xffu) | (rng() % kNumOpcodes); break;                          // another opcode
        case 1: i = makeAB(opcodeOf(i), (argA(i) + (rng() % 5) - 2) & 0xff, argB(i)); break;  // A nudged
        case 2: i = makeAB(opcodeOf(i), argA(i), (argB(i) + (rng() % 5) - 2) & 0xffff); break;  // B nudged
        case 3: i ^= 1u << (8 + rng() % 24); break;                                       // an operand bit
        case 4: i = p->code[rng() % uint32_t(p->codeSize)]; break;                         // copied from elsewhere
        case 5: std::swap(i, p->code[rng() % uint32_t(p->codeSize)]); break;               // swapped
        case 6: p->maxStack = uint16_t(p->maxStack - 1 - rng() % 2); break;               // a smaller frame
        case 7: {                                                                          // an upvalue description
          if (p->numUpvalues == 0) break;
          UpvalueDesc& u = p->upvalues[rng() % uint32_t(p->numUpvalues)];
          if (rng() % 2) u.inStack = !u.inStack;
          else u.index = uint16_t(u.index + (rng() % 5) - 2);
          break;
        }
      }
      tried++;
      if (!verifyFunction(c->proto).empty()) {
        refused++;
        e.L->top--;
        continue;
      }
      char text[160];
      std::snprintf(text, sizeof text, "function at line %d pc %d: %08x -> %08x", p->lineDefined, pc, before, i);
      runner.add(text);
    }
  }
  runner.flush();
  MESSAGE("code mutations: " << tried << " tried, " << refused << " refused by the verifier, " << runner.runs
                             << " accepted and run (" << runner.timedOut << " timed out)");
  for (const std::string& c : runner.crashes) MESSAGE("crash: " << c);
  CHECK(runner.crashes.empty());
}

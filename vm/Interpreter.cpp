// Interpreter: the dispatch loop over stack bytecode (computed goto).
//
// Registers of the loop: `pc` (next instruction), `base` (slot 0 of the frame),
// `sp` (first free slot of the operand stack), `k` (constants), `cl` (the
// running closure), `feedbackBias` (where the running function's type
// feedback is, Proto::feedback). Lua-to-Lua calls and returns switch frames
// inside this loop without recursing on the C++ stack. What the loop leaves
// for a compiling tier (feedback, hotness counters) is described in
// JitHooks.hpp.
//
// Rules that keep the loop correct:
//   1. Before anything that may raise an error, call a function, or allocate,
//      the loop stores pc into ci->savedPc (error positions) and sp into L->top
//      (everything below L->top is a GC root): the SAVE() macro.
//   2. Anything that may call Lua code or grow the stack may move it: base and
//      sp are re-derived afterwards (RELOAD()); operands are copied into local
//      Values before such calls, and results are written through stack offsets.
//   3. Slow paths (metamethods, coercions, errors) live in Meta.cpp and
//      Call.cpp; the loop keeps only the fast paths.
//   4. While the thread has a debug hook, instructions are dispatched through
//      a table that sends each one to the trap first (Hook.hpp). The table is
//      chosen where a hook can have been set or removed: on entering the
//      loop and wherever registers are reloaded after Lua or native code ran
//      (RELOAD, finalizers). Lua-to-Lua calls and returns inside the loop run
//      no such code and keep the table: the loop without hooks pays nothing
//      on its fast paths.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "compiler/Opcodes.hpp"
#include "gc/Heap.hpp"
#include "runtime/Messages.hpp"
#include "runtime/Function.hpp"
#include "runtime/Number.hpp"
#include "runtime/String.hpp"
#include "runtime/Table.hpp"
#include "vm/Hook.hpp"
#include "vm/JitHooks.hpp"
#include "vm/Vm.hpp"

namespace tycho {

namespace {

// 'for' loop preparation (§3.3.5). Returns true when the loop must be skipped.
[[noreturn]] void forError(lua_State* L, const Value& v, const char* what) {
  runError(L, msg::kBadForValue, what, typeNameForMessage(L, v));
}

// Converts the limit of an integer loop; true = skip the loop.
bool forLimit(lua_State* L, Integer init, const Value& limitValue, Integer step, Integer* limit) {
  Value lim;
  if (!toNumber(limitValue, &lim)) forError(L, limitValue, "limit");
  if (lim.isInteger()) {
    *limit = lim.u.i;
  } else if (!floatToInteger(lim.u.n, limit, step < 0 ? FloatToInt::Ceil : FloatToInt::Floor)) {
    // A float limit out of the integers' range is clipped to them; NaN,
    // which is not greater than 0, counts as below them (a loop that goes
    // down then runs until something breaks it, as in Lua 5.4).
    Number f = lim.u.n;
    if (f > 0) {
      if (step < 0) return true;
      *limit = INT64_MAX;
    } else {
      if (step > 0) return true;
      *limit = INT64_MIN;
    }
  }
  return step > 0 ? init > *limit : init < *limit;
}

// Prepares slots base[0..2] (init, limit, step); returns true to skip.
bool forPrep(lua_State* L, StkId ra) {
  Value init = ra[0], limit = ra[1], step = ra[2];
  if (init.isInteger() && step.isInteger()) {
    Integer i = init.u.i, s = step.u.i, l;
    if (s == 0) runError(L, msg::kForStepZero);
    if (forLimit(L, i, limit, s, &l)) return true;
    Unsigned count;
    if (s > 0) {
      count = Unsigned(l) - Unsigned(i);
      if (s != 1) count /= Unsigned(s);
    } else {
      count = Unsigned(i) - Unsigned(l);
      count /= Unsigned(-(s + 1)) + 1u;
    }
    ra[1] = Value::integer(Integer(count));  // iterations left after this one
    return false;
  }
  Value fl, fs, fi;
  if (!toNumber(limit, &fl)) forError(L, limit, "limit");
  if (!toNumber(step, &fs)) forError(L, step, "step");
  if (!toNumber(init, &fi)) forError(L, init, "initial value");
  Number nl = fl.asNumber(), ns = fs.asNumber(), ni = fi.asNumber();
  if (ns == 0) runError(L, msg::kForStepZero);
  // Skipped only when the limit is passed already: a NaN bound (or step)
  // compares false, and the loop runs once (§3.3.5).
  if (ns > 0 ? nl < ni : ni < nl) return true;
  ra[0] = Value::number(ni);
  ra[1] = Value::number(nl);
  ra[2] = Value::number(ns);
  return false;
}

const Value kNilResult = Value::nil();

// True when event `e` (TM_INDEX or TM_NEWINDEX) cannot apply to table `h`: it
// has no metatable, or its metatable is known to lack the event (the absence
// cache of Table::flags, filled by the slow path's first lookup).
[[gnu::always_inline]] inline bool lacksMeta(const Table* h, TagMethod e) {
  const Table* mt = h->metatable;
  return mt == nullptr || (mt->flags & (1u << e));
}

// The raw entry of table `h` at `key` (never null: kAbsentValue when absent),
// with the array part and short strings inline.
[[gnu::always_inline]] inline const Value* rawEntry(GlobalState* g, Table* h, const Value& key) {
  // Integers first and likely: a key the instruction does not know as a
  // constant is mostly an index (field names have their own instructions).
  if (key.isInteger()) [[likely]] {
    // In bounds, the slot's address (tested as a range, not as a pointer).
    if (inArrayPart(h, key.u.i)) [[likely]] return &h->array[key.u.i - 1];
    return tableGetInt(h, key.u.i);
  }
  if (key.isShortString()) return tableGetShortString(h, key.asString());
  return tableGet(g, h, key);
}

// What a read of table `h` gives when its raw entry is `v`: the entry, nil
// for a missing key when __index cannot apply, else nullptr (the slow path).
[[gnu::always_inline]] inline const Value* readResult(const Table* h, const Value* v) {
  if (!v->isNil()) [[likely]] return v;
  return lacksMeta(h, TM_INDEX) ? &kNilResult : nullptr;
}

// Writes `v` into the existing entry `slot` of table `h`; false when the
// entry is empty (the key is absent: the slow path stores it).
[[gnu::always_inline]] inline bool storeIntoEntry(GlobalState* g, Table* h, Value* slot, const Value& v) {
  if (slot->isNil()) return false;
  *slot = v;
  gc::barrierBack(g, h, v);
  return true;
}

// The fast path of the indexing instructions: the value of t[key] when `t`
// is a table and no metamethod can be involved (the key is present, or
// __index cannot apply), else nullptr.
[[gnu::always_inline]] inline const Value* fastGet(GlobalState* g, const Value& t, const Value& key) {
  if (!t.isTable()) return nullptr;
  Table* h = t.asTable();
  return readResult(h, rawEntry(g, h, key));
}

// The fast path of the stores: writes t[key] = v when `t` is a table whose
// entry at `key` exists, or whose array part has a slot for `key` and no
// __newindex can apply (a fresh array being filled); false when the slow
// path must store it (a new key, a metamethod, an error).
[[gnu::always_inline]] inline bool fastStore(GlobalState* g, const Value& t, const Value& key, const Value& v) {
  if (!t.isTable()) return false;
  Table* h = t.asTable();
  // (Nested tests: GCC lays out the likely way of each as the straight path,
  // where for a && of them it took the array slot's store as the jump.)
  if (key.isInteger()) [[likely]] {
    if (!inArrayPart(h, key.u.i)) [[unlikely]]
      return storeIntoEntry(g, h, const_cast<Value*>(tableGetInt(h, key.u.i)), v);
    Value* slot = &h->array[key.u.i - 1];
    // The metatable first: a table without one (the commonest) stores
    // without reading the slot, which a loop over a big array would wait
    // for (a cache miss), where a store goes on at once.
    if (h->metatable && slot->isNil()) [[unlikely]] {
      if (!lacksMeta(h, TM_NEWINDEX)) return false;
    }
    *slot = v;
    gc::barrierBack(g, h, v);
    return true;
  }
  return storeIntoEntry(g, h, const_cast<Value*>(rawEntry(g, h, key)), v);
}

// Inline caches of the field instructions (a constant key, Proto::feedback):
// the hash node where the key was found last is tried first; a stale hint
// (the key removed, the table rehashed, another table) costs one compare and
// the lookup it would have cost anyway, after which the hint is the new node.
static_assert(offsetof(Node, value) == 0, "a node's value is where a pointer to the node points");

[[gnu::always_inline]] inline const Value* cachedShortString(Table* h, String* key, Feedback& f) {
  if (f.nodeLog == h->logNodeCapacity) [[likely]] {
    if (h->nodes != nullptr) [[likely]] {
      const Node& node = h->nodes[f.node];
      if (node.key.u.gc == key) [[likely]] {
        if (node.key.tag == kTagShortString) [[likely]] return &node.value;
      }
    }
  }
  const Value* v = tableGetShortString(h, key);
  if (v != &kAbsentValue) {
    f.node = uint32_t(reinterpret_cast<const Node*>(v) - h->nodes);
    f.nodeLog = h->logNodeCapacity;
  }
  return v;
}

// fastGet for a constant key, through the instruction's cache.
// (The tests are nested for GCC, which lays out the likely way of each as
// the straight path, where it would not for a && of them.)
[[gnu::always_inline]] inline const Value* fieldGet(GlobalState* g, const Value& t, const Value& key, Feedback& f) {
  if (t.isTable()) [[likely]] {
    if (key.isShortString()) [[likely]] {
      Table* h = t.asTable();
      return readResult(h, cachedShortString(h, key.asString(), f));
    }
  }
  return fastGet(g, t, key);
}

// SELF's fast path for a table and a short-string key: the table's own
// entry, else (an object's method) the entry of the table its metatable's
// __index names, through the instruction's cache (the node of that class
// table where the key was found last); nil for a key missing where __index
// cannot apply, nullptr when the slow path must look further (an __index
// function, a method missing from the class, an __index not yet known
// absent).
[[gnu::always_inline]] inline const Value* methodGet(GlobalState* g, Table* h, String* key, Feedback& f) {
  if (const Value* v = readResult(h, tableGetShortString(h, key))) return v;
  const Value* index = tableGetShortString(h->metatable, g->tmNames[TM_INDEX]);
  if (!index->isTable()) return nullptr;
  const Value* m = cachedShortString(index->asTable(), key, f);
  return m->isNil() ? nullptr : m;
}

// fastStore for a constant key, through the instruction's cache: only an
// existing entry is written in place.
[[gnu::always_inline]] inline bool fieldStore(GlobalState* g, const Value& t, const Value& key, const Value& v, Feedback& f) {
  if (t.isTable()) [[likely]] {
    if (key.isShortString()) [[likely]] {
      Table* h = t.asTable();
      return storeIntoEntry(g, h, const_cast<Value*>(cachedShortString(h, key.asString(), f)), v);
    }
  }
  return fastStore(g, t, key, v);
}

// The fast path of # (LEN, LEN_L): a string's length, or the border of a
// table without a metatable (no __len can apply); false for the slow path.
[[gnu::always_inline]] inline bool fastLength(GlobalState* g, const Value& a, Value* out) {
  if (a.isString()) {
    out->setInteger(Integer(a.asString()->length()));
    return true;
  }
  if (a.isTable() && a.asTable()->metatable == nullptr) {
    out->setInteger(Integer(tableLength(g, a.asTable())));
    return true;
  }
  return false;
}

// Equality decided without a call where no metamethod or string contents
// can matter (§3.4.4): 1 or 0, or -1 for the slow path (an integer and a
// float, nil variants, two long strings, two different tables or full
// userdata, which may have __eq). Two operands with the same tag and
// payload are the same value (floats, whose NaN differs from itself, are
// compared before this).
[[gnu::always_inline]] inline int quickEquals(const Value& a, const Value& b) {
  if (a.tag == b.tag) {
    if (a.u.i == b.u.i) return 1;
    return a.tag == kTagTable || a.tag == kTagUserdata || a.tag == kTagLongString || a.isNil() ? -1 : 0;
  }
  return a.type() != b.type() || a.isBoolean() ? 0 : -1;
}
[[gnu::always_inline]] inline int negated(int quick) { return quick < 0 ? quick : 1 - quick; }

#ifdef TYCHO_OPCODE_PAIRS
// Counts of executed instructions by opcode pair (the instruction run, then
// the one after it in the code, whether or not the handler completed that
// one too): the data superinstructions are chosen from. Written at exit to
// the file named by the TYCHO_OPCODE_PAIRS environment variable, as
// "opcode next-opcode count" lines. (The last instruction of a function
// reads one word past its code: this build is for measurements only.)
struct PairCounts {
  uint64_t counts[kNumOpcodes][kNumOpcodes] = {};
  ~PairCounts() {
    const char* path = std::getenv("TYCHO_OPCODE_PAIRS");
    FILE* f = path ? std::fopen(path, "a") : nullptr;
    if (!f) return;
    for (int a = 0; a < kNumOpcodes; a++)
      for (int b = 0; b < kNumOpcodes; b++)
        if (counts[a][b]) std::fprintf(f, "%s %s %llu\n", kOpInfo[a].name, kOpInfo[b].name, (unsigned long long)counts[a][b]);
    std::fclose(f);
  }
};
PairCounts pairCounts;
inline void countPair(Instruction i, const Instruction* next) { pairCounts.counts[opcodeOf(i)][opcodeOf(*next)]++; }
#else
inline void countPair(Instruction, const Instruction*) {}
#endif

}  // namespace

// A returning frame has open upvalues or to-be-closed variables at or above
// `base` to close: rare, kept out of a return's straight path.
[[gnu::always_inline]] inline bool mustCloseFrom(lua_State* L, StkId base) {
  if (L->openUpval && L->openUpval->v >= base) return true;
  return L->tbcCount > 0 && L->stack + L->tbcSlots[L->tbcCount - 1] >= base;
}

void execute(lua_State* L, CallInfo* ci) {
  static const void* const kDispatch[] = {
#define TYCHO_LABEL(name, ...) &&L_##name,
    TYCHO_OPCODES(TYCHO_LABEL)
#undef TYCHO_LABEL
  };
  static const void* const kHookDispatch[] = {
#define TYCHO_HOOK_LABEL(name, ...) &&L_HOOK,
    TYCHO_OPCODES(TYCHO_HOOK_LABEL)
#undef TYCHO_HOOK_LABEL
  };

  const void* const* dispatch;
  const std::atomic<uint32_t>* const pollWord = &L->g->pollRequests;
  LuaClosure* cl;
  const Value* k;
  // The running function's feedback (Proto::feedback), addressed from pc
  // in one addressing mode (Proto::feedbackBias).
  uintptr_t feedbackBias;
  StkId base;
  StkId sp;
  const Instruction* pc;
  Instruction i;
  int callResults;  // CALL and CALL_L: B - 1

#define DISPATCH()                  \
  do {                              \
    i = *pc++;                      \
    countPair(i, pc);               \
    goto *dispatch[opcodeOf(i)];    \
  } while (0)
#define SAVE() (ci->savedPc = pc, L->top = sp)
// The feedback entry of the instruction being run (pc is past it).
#define FEEDBACK() (*reinterpret_cast<Feedback*>(feedbackBias + 2 * reinterpret_cast<uintptr_t>(pc)))
#define SET_FEEDBACK_BIAS(p) (feedbackBias = (p)->feedbackBias)
#define CHOOSE_DISPATCH() (dispatch = L->hookMask ? kHookDispatch : kDispatch)
// The loop's registers for running closure `c` (of prototype `p`, which may
// name cl, set first) from `frameBase` at `startPc`, its operand stack
// empty up to L->top: on entering a function, and on going back to a caller.
#define SET_FRAME(c, p, frameBase, startPc) \
  do {                                      \
    cl = (c);                               \
    k = (p)->constants;                     \
    SET_FEEDBACK_BIAS(p);                   \
    base = (frameBase);                     \
    pc = (startPc);                         \
    sp = L->top;                            \
  } while (0)
#define RELOAD() (base = ci->func + 1, sp = L->top, CHOOSE_DISPATCH())
#define OFFSET(p) saveStack(L, (p))
// Backward jumps poll for requested work (Vm.hpp servicePoll), so that a
// loop that calls nothing still runs finalizers and can be interrupted, and
// count down the function's loop counter (JitHooks.hpp). A compiling tier
// that ran the frame on leaves it at a bytecode boundary: pc is reloaded.
#define POLL()          \
  do {                  \
    POLL_REQUESTS();    \
    COUNT_BACK_EDGES(1); \
  } while (0)
#define POLL_REQUESTS()                                                    \
  do {                                                                     \
    if (pollWord->load(std::memory_order_relaxed)) [[unlikely]] {          \
      SAVE();                                                              \
      servicePoll(L);                                                      \
      RELOAD();                                                            \
    }                                                                      \
  } while (0)
#define COUNT_BACK_EDGES(n)                                                \
  do {                                                                     \
    if ((cl->proto->loopHotness -= (n)) <= 0) [[unlikely]] {               \
      SAVE();                                                              \
      bool ran_ = hotLoop(L, ci, pc - 1);                                  \
      RELOAD();                                                            \
      if (ran_) {                                                          \
        pc = ci->savedPc;                                                  \
        DISPATCH();                                                        \
      }                                                                    \
    }                                                                      \
  } while (0)
// An integer for loop counts its back edges in batches of kForLoopBatch,
// at each whose remaining iteration count is a multiple of it (a loop
// shorter than a batch: at its last): a decrement in memory at every one
// made a chain of dependent read-modify-writes through the loop (a loop
// summing a field ran 7 % longer). It polls there too, so requested work
// (a finalizer, a hook set from a signal, an interrupt) waits at most a
// batch of iterations, and the iterations between pay for neither.
constexpr int32_t kForLoopBatch = 64;
// A __close method run by a return may set a return hook: its event comes
// after the closing, with the results (below L->top) as the transferred
// values. (With a return hook on from the start, the trap has closed the
// variables and reported the return already.)
#define RETURN_HOOK_AFTER_CLOSE(reported, n)                   \
  do {                                                         \
    if (!(reported) && (L->hookMask & kMaskReturn)) {          \
      hookReturn(L, ci, (n));                                  \
      RELOAD();                                                \
    }                                                          \
  } while (0)
// RETURN0 and RETURN1: return the `n` values on top of the operand stack.
// What a return has to do besides moving them (Proto::returnWork) is
// tested in one compare.
#define RETURN_FIXED(n)                                                       \
  {                                                                           \
    Proto* p = cl->proto;                                                     \
    if (p->returnWork) [[unlikely]] {                                         \
      if ((p->returnWork & kReturnMayClose) && mustCloseFrom(L, base)) {      \
        SAVE();                                                               \
        bool reported = dispatch == kHookDispatch && (L->hookMask & kMaskReturn); \
        closeFrom(L, base);                                                   \
        RELOAD();                                                             \
        RETURN_HOOK_AFTER_CLOSE(reported, n);                                 \
      }                                                                       \
      if (p->isVararg) ci->func -= ci->nExtraArgs + p->numParams + 1;         \
    }                                                                         \
    L->top = sp;                                                              \
    postcall(L, ci, n);                                                       \
    if (ci->status & CIST_FRESH) return;                                      \
    ci = L->ci;                                                               \
    goto returned;                                                            \
  }
// A backward jump polls before it moves pc, so that the frame's saved pc
// names the jump: an interrupted loop's traceback line is the jump's, as in
// lua5.4.
#define JUMP(offset)                \
  do {                              \
    int32_t offset_ = (offset);     \
    if (offset_ < 0) POLL();        \
    pc += offset_;                  \
  } while (0)

  // The dispatch table is chosen here and after anything that may have run
  // Lua code; calls and returns inside the loop run none (rule 4).
  CHOOSE_DISPATCH();
newframe:
  // Entering a function is a safe point for finalizers: the frame's state
  // is all in ci and L->top, and is reloaded just below.
  if (L->g->pollRequests.load(std::memory_order_relaxed)) [[unlikely]] {
    servicePoll(L);
    CHOOSE_DISPATCH();
  }
  SET_FRAME(ci->func->asLuaClosure(), cl->proto, ci->func + 1, ci->savedPc);
  if (--cl->proto->callHotness == 0) [[unlikely]] hotFunction(L, ci, cl->proto);
  DISPATCH();

L_HOOK:
  // Hooks are set: their events for the instruction about to run, then the
  // instruction's own handler.
  SAVE();
  traceInstruction(L);
  RELOAD();
  goto *kDispatch[opcodeOf(i)];

L_NIL: {
  for (uint32_t n = argAx(i); n > 0; n--) (sp++)->setNil();
  DISPATCH();
}
L_TRUE:
  (sp++)->setBoolean(true);
  DISPATCH();
L_FALSE:
  (sp++)->setBoolean(false);
  DISPATCH();
L_INT:
  (sp++)->setInteger(argSAx(i));
  DISPATCH();
L_K:
  *sp++ = k[argAx(i)];
  DISPATCH();
L_GETLOCAL:
  *sp++ = base[argAx(i)];
  DISPATCH();
L_PUSH_LL:
  sp[0] = base[argA(i)];
  sp[1] = base[argB(i)];
  sp += 2;
  DISPATCH();
L_PUSH_UL:
  sp[0] = *cl->upvals[argA(i)]->v;
  sp[1] = base[argB(i)];
  sp += 2;
  DISPATCH();
L_SETLOCAL:
  base[argAx(i)] = *--sp;
  DISPATCH();
L_GETUPVAL:
  *sp++ = *cl->upvals[argAx(i)]->v;
  DISPATCH();
L_GETUPVAL_UNDER:
  sp[0] = sp[-1];
  sp[-1] = *cl->upvals[argAx(i)]->v;
  sp++;
  DISPATCH();
L_SETUPVAL: {
  UpVal* uv = cl->upvals[argAx(i)];
  *uv->v = *--sp;
  gc::barrierForward(L->g, uv, *sp);  // a closed upvalue is an object of its own
  DISPATCH();
}

// The stores: an existing entry of a table, or an empty slot of its array
// part that no __newindex can claim, is written in place (fastStore);
// anything else (a new key, a metamethod, an error) goes through
// setTableMeta (which does not look up a table's own entry again), with the
// operands still in their slots, constants or on the stack (rooted), and
// the `npop` stack operands popped afterwards.
#define STORE(tv, keyv, val, npop) STORE_BY(fastStore(L->g, t_, key_, v_), tv, keyv, val, npop)
#define FIELD_STORE(tv, keyv, val, npop) STORE_BY(fieldStore(L->g, t_, key_, v_, FEEDBACK()), tv, keyv, val, npop)
#define STORE_BY(store, tv, keyv, val, npop)          \
  {                                                   \
    const Value &t_ = (tv), &key_ = (keyv), &v_ = (val); \
    if (store) [[likely]] {                           \
      sp -= (npop);                                   \
      DISPATCH();                                     \
    }                                                 \
    SAVE();                                           \
    setTableMeta(L, t_, key_, v_, t_.isTable());      \
    RELOAD();                                         \
    sp -= (npop);                                     \
    DISPATCH();                                       \
  }

// The loads: t[key] is pushed (INDEX_PUSH), or replaces the instruction's
// `npop` stack operands (INDEX_REPLACE). The slow path (metamethods, errors)
// writes its result at the operand-stack slot it is given, with the
// operands still below L->top (rooted); for a table, the fast path's lookup
// of its own entry is not done again.
#define INDEX_PUSH(tv, keyv) INDEX_PUSH_BY(fastGet(L->g, t_, key_), tv, keyv)
#define FIELD_PUSH(tv, keyv) INDEX_PUSH_BY(fieldGet(L->g, t_, key_, FEEDBACK()), tv, keyv)
#define INDEX_PUSH_BY(get, tv, keyv)                              \
  {                                                               \
    const Value &t_ = (tv), &key_ = (keyv);                       \
    if (const Value* v_ = (get)) [[likely]] {                     \
      *sp++ = *v_;                                                \
      DISPATCH();                                                 \
    }                                                             \
    SAVE();                                                       \
    getTableMeta(L, t_, key_, OFFSET(sp), t_.isTable());          \
    RELOAD();                                                     \
    sp++;                                                         \
    DISPATCH();                                                   \
  }
#define INDEX_REPLACE(tv, keyv, npop) INDEX_REPLACE_BY(fastGet(L->g, t_, key_), tv, keyv, npop)
#define FIELD_REPLACE(tv, keyv, npop) INDEX_REPLACE_BY(fieldGet(L->g, t_, key_, FEEDBACK()), tv, keyv, npop)
#define INDEX_REPLACE_BY(get, tv, keyv, npop)                     \
  {                                                               \
    const Value &t_ = (tv), &key_ = (keyv);                       \
    if (const Value* v_ = (get)) [[likely]] {                     \
      sp -= (npop) - 1;                                           \
      sp[-1] = *v_;                                               \
      DISPATCH();                                                 \
    }                                                             \
    SAVE();                                                       \
    getTableMeta(L, t_, key_, OFFSET(sp - (npop)), t_.isTable()); \
    RELOAD();                                                     \
    sp -= (npop) - 1;                                             \
    DISPATCH();                                                   \
  }

L_GETTABUP:
  FIELD_PUSH(*cl->upvals[argA(i)]->v, k[argB(i)])
L_SETTABUP:
  FIELD_STORE(*cl->upvals[argA(i)]->v, k[argB(i)], sp[-1], 1)
L_GETTABLE:
  INDEX_REPLACE(sp[-2], sp[-1], 2)
L_GETFIELD:
  FIELD_REPLACE(sp[-1], k[argAx(i)], 1)
L_GETFIELD_L:
  FIELD_PUSH(base[argA(i)], k[argB(i)])
L_GETTABLE_L:
  INDEX_REPLACE(sp[-1], base[argAx(i)], 1)

L_GETTABLE_LS:
  INDEX_REPLACE(base[argAx(i)], sp[-1], 1)
L_GETTABLE_US:
  INDEX_REPLACE(*cl->upvals[argAx(i)]->v, sp[-1], 1)

L_SETTABLE:
  STORE(sp[-3], sp[-2], sp[-1], 3)
L_SETTABLE_LS:
  STORE(base[argAx(i)], sp[-2], sp[-1], 2)
L_SETTABLE_SL:
  STORE(sp[-2], base[argAx(i)], sp[-1], 2)
L_SETFIELD:
  FIELD_STORE(sp[-2], k[argAx(i)], sp[-1], 2)
L_SETINDEXAT:
  STORE(base[argA(i)], base[argB(i)], sp[-1], 1)
L_SETKEYAT: {
  Value t = base[argAx(i)];
  SAVE();
  // Constructors build plain tables: no metamethods apply.
  tableSet(L, t.asTable(), sp[-2], sp[-1]);
  sp -= 2;
  DISPATCH();
}
L_SETFIELDAT: {
  Value t = base[argA(i)];
  const Value& key = k[argB(i)];
  // An existing field (t.k = v on a local table, in a loop): stored in
  // place, as SETFIELD does.
  if (fieldStore(L->g, t, key, sp[-1], FEEDBACK())) [[likely]] {
    sp--;
    DISPATCH();
  }
  SAVE();
  if (t.isTable() && t.asTable()->metatable == nullptr) {
    if (key.isShortString()) tableSetShortString(L, t.asTable(), key.asString(), sp[-1]);
    else tableSet(L, t.asTable(), key, sp[-1]);
  } else {
    setTableMeta(L, t, key, sp[-1]);
    RELOAD();
  }
  sp--;
  DISPATCH();
}
L_GETINDEX_LL:
  INDEX_PUSH(base[argA(i)], base[argB(i)])
L_GETINDEX_LI:
  INDEX_PUSH(base[argA(i)], Value::integer(Integer(argB(i))))
L_SETINDEX_LLL:
  STORE(base[argA(i)], base[argB8(i)], base[argC(i)], 0)
L_SETINDEX_LLK:
  STORE(base[argA(i)], base[argB8(i)], k[argC(i)], 0)
L_SETFIELD_LKL:
  FIELD_STORE(base[argA(i)], k[argB8(i)], base[argC(i)], 0)
L_SETFIELD_LKK:
  FIELD_STORE(base[argA(i)], k[argB8(i)], k[argC(i)], 0)
L_POP:
  sp -= argAx(i);
  DISPATCH();
L_SETTOP:
  sp = base + argAx(i);
  DISPATCH();
L_NEWTABLE: {
  SAVE();
  Table* t = newTable(L, int(argB(i)), int(argA(i)));
  *sp++ = Value::table(t);
  DISPATCH();
}
L_SETLIST: {
  uint32_t a = argA(i);
  StkId ra = base + a;
  int n = argB(i) ? int(argB(i)) : int(sp - ra - 1);
  Integer start = Integer(argAx(*pc++));
  SAVE();
  Table* t = ra->asTable();
  Unsigned last = Unsigned(start) + Unsigned(n) - 1;
  if (n > 0 && last > t->arraySize && last <= 0x7fffffffu) tableResizeArray(L, t, uint32_t(last));
  for (int j = 0; j < n; j++) tableSetInt(L, t, start + j, ra[1 + j]);
  sp = ra + 1;
  DISPATCH();
}
L_SELF: {
  Value o = sp[-1];
  sp[0] = o;
  const Value& key = k[argAx(i)];
  sp++;
  // (Nested tests, which GCC lays out with the likely way of each straight.)
  if (o.isTable()) [[likely]] {
    if (key.isShortString()) [[likely]] {
      if (const Value* v = methodGet(L->g, o.asTable(), key.asString(), FEEDBACK())) [[likely]] {
        sp[-2] = *v;
        DISPATCH();
      }
      SAVE();
      getTableMeta(L, o, key, OFFSET(sp - 2), true);
      RELOAD();
      DISPATCH();
    }
  }
  if (const Value* v = fastGet(L->g, o, key)) [[likely]] {
    sp[-2] = *v;
    DISPATCH();
  }
  SAVE();
  getTableMeta(L, o, key, OFFSET(sp - 2), o.isTable());
  RELOAD();
  DISPATCH();
}

// --- binary operators in their seven operand forms and their flavours (see Opcodes.hpp) ---
//
// Each form fetches copies of its operands `a` and `b` and names `dst`, the
// slot where the plain form's result lands once operands are popped. The
// operand slots stay below L->top during a slow path, so they stay rooted.
#define FORM_S Value a = sp[-2], b = sp[-1]; StkId dst = sp - 2;
#define FORM_L Value a = sp[-1], b = base[argAx(i)]; StkId dst = sp - 1;
#define FORM_K Value a = sp[-1], b = k[argAx(i)]; StkId dst = sp - 1;
#define FORM_LL Value a = base[argA(i)], b = base[argB(i)]; StkId dst = sp;
#define FORM_LK Value a = base[argA(i)], b = k[argB(i)]; StkId dst = sp;
#define FORM_LS Value a = base[argAx(i)], b = sp[-1]; StkId dst = sp - 1;
#define FORM_KS Value a = k[argAx(i)], b = sp[-1]; StkId dst = sp - 1;

// Where an operator's result goes: pushed, or (a _SET flavour) into the
// local that the SETLOCAL after the operator names, which is not
// dispatched (the code generator chose the flavour, the verifier checked
// that the SETLOCAL is there).
#define PUSH_RESULT(res)                         \
  sp = dst;                                      \
  *sp++ = (res);                                 \
  DISPATCH();
#define SET_RESULT(res)                          \
  sp = dst;                                      \
  base[argAx(*pc)] = (res);                      \
  pc++;                                          \
  DISPATCH();

#define ARITH_SLOW(event)                        \
  {                                              \
    FEEDBACK().types |= kSawOther;               \
    ptrdiff_t off_ = OFFSET(dst);                \
    SAVE();                                      \
    arithMeta(L, a, b, event, off_);             \
    RELOAD();                                    \
    dst = restoreStack(L, off_);                 \
    res = *dst;                                  \
  }

// The handlers below mark their slow paths (metamethods, coercions, errors)
// unlikely: besides being true, this keeps the compiler from laying out the
// float paths out of line, which it otherwise may do or not depending on the
// size of this function. The integer and float paths end in their own
// dispatch rather than joining a shared tail: one of them would otherwise
// jump there (taken jumps, counted by callgrind with --collect-jumps, went
// down by 8-31 % on the numeric programs of bench/). Their type tests are
// nested ifs, each way marked likely: GCC lays out a test of `a && b` as it
// pleases (it had the integer path, the commonest, behind a taken jump),
// and nested ones with the likely way straight: two integers first, two
// floats one jump away.

// Integer and float arithmetic (+ - *): integers wrap around (§3.4.1).
#define ARITH_HANDLER(LABEL, FORM, RESULT, event, intExpr, floatExpr)     \
  LABEL : {                                                       \
    FORM                                                          \
    if (a.isInteger()) [[likely]] {                               \
      if (b.isInteger()) [[likely]] {                             \
        Integer x = a.u.i, y = b.u.i;                             \
        RESULT(Value::integer(intExpr))                           \
      }                                                           \
    } else if (a.isFloat()) [[likely]] {                          \
      if (b.isFloat()) [[likely]] {                               \
        FEEDBACK().types |= kSawFloat;                            \
        Number x = a.u.n, y = b.u.n;                              \
        RESULT(Value::number(floatExpr))                          \
      }                                                           \
    }                                                             \
    Value res;                                                    \
    if (a.isNumber() && b.isNumber()) {                           \
      FEEDBACK().types |= kSawFloat;                              \
      Number x = a.asNumber(), y = b.asNumber();                  \
      res.setNumber(floatExpr);                                   \
    } else [[unlikely]] ARITH_SLOW(event)                         \
    RESULT(res)                                                   \
  }

// Float-only arithmetic (/ ^).
#define FLOAT_HANDLER(LABEL, FORM, RESULT, event, floatExpr)              \
  LABEL : {                                                       \
    FORM Value res;                                               \
    if (a.isFloat() && b.isFloat()) {                             \
      FEEDBACK().types |= kSawFloat;                              \
      Number x = a.u.n, y = b.u.n;                                \
      res.setNumber(floatExpr);                                   \
    } else if (a.isNumber() && b.isNumber()) {                    \
      if (a.isFloat() || b.isFloat()) FEEDBACK().types |= kSawFloat;   \
      Number x = a.asNumber(), y = b.asNumber();                  \
      res.setNumber(floatExpr);                                   \
    } else [[unlikely]] ARITH_SLOW(event)                         \
    RESULT(res)                                                   \
  }

// Floor division and modulo: a zero integer divisor takes the slow path,
// which raises the error.
#define DIVISION_HANDLER(LABEL, FORM, RESULT, event, intExpr, floatExpr)  \
  LABEL : {                                                       \
    FORM Value res;                                               \
    if (a.isInteger() && b.isInteger()) {                         \
      Integer x = a.u.i, y = b.u.i;                               \
      if (y != 0) res.setInteger(intExpr);                        \
      else ARITH_SLOW(event)                                      \
    } else if (a.isNumber() && b.isNumber()) {                    \
      FEEDBACK().types |= kSawFloat;                              \
      Number x = a.asNumber(), y = b.asNumber();                  \
      res.setNumber(floatExpr);                                   \
    } else [[unlikely]] ARITH_SLOW(event)                         \
    RESULT(res)                                                   \
  }

// Bitwise operators: floats with integer values go through the slow path.
#define BITWISE_HANDLER(LABEL, FORM, RESULT, event, intExpr)              \
  LABEL : {                                                       \
    FORM Value res;                                               \
    if (a.isInteger() && b.isInteger()) {                         \
      Integer x = a.u.i, y = b.u.i;                               \
      res.setInteger(intExpr);                                    \
    } else [[unlikely]] ARITH_SLOW(event)                         \
    RESULT(res)                                                   \
  }

// Comparisons: the result is pushed, or (a _J flavour) decides the JMPF
// after the comparison, which is not dispatched.
#define PUSH_BOOLEAN(r)                                            \
  sp = dst;                                                        \
  (sp++)->setBoolean(r);                                           \
  DISPATCH();
#define JUMP_IF_FALSE(r)                                           \
  sp = dst;                                                        \
  {                                                                \
    Instruction jump_ = *pc++;                                     \
    if (!(r)) JUMP(argSAx(jump_));                                 \
  }                                                                \
  DISPATCH();
#define COMPARE_HANDLER(LABEL, FORM, RESULT, intExpr, floatExpr, quickExpr, slowExpr) \
  LABEL : {                                                        \
    FORM                                                           \
    if (a.isInteger()) [[likely]] {                                \
      if (b.isInteger()) [[likely]] {                              \
        Integer x = a.u.i, y = b.u.i;                              \
        RESULT((intExpr))                                          \
      }                                                            \
    }                                                              \
    if (a.isFloat() && b.isFloat()) {                              \
      FEEDBACK().types |= kSawFloat;                               \
      Number x = a.u.n, y = b.u.n;                                 \
      RESULT((floatExpr))                                          \
    }                                                              \
    bool r;                                                        \
    {                                                              \
      FEEDBACK().types |= kSawOther;                               \
      int quick_ = (quickExpr);                                    \
      if (quick_ >= 0) { RESULT(quick_ != 0) }                     \
      ptrdiff_t off_ = OFFSET(dst);                                \
      SAVE();                                                      \
      r = (slowExpr);                                              \
      RELOAD();                                                    \
      dst = restoreStack(L, off_);                                 \
    }                                                              \
    RESULT(r)                                                      \
  }

// The seven operand forms of an operator in one flavour (SUFFIX: the
// flavour's opcode suffix; RESULT: where the result goes).
#define ALL_FORMS(HANDLER, NAME, SUFFIX, RESULT, ...)                    \
  HANDLER(L_##NAME##SUFFIX, FORM_S, RESULT, __VA_ARGS__)                 \
  HANDLER(L_##NAME##_L##SUFFIX, FORM_L, RESULT, __VA_ARGS__)             \
  HANDLER(L_##NAME##_K##SUFFIX, FORM_K, RESULT, __VA_ARGS__)             \
  HANDLER(L_##NAME##_LL##SUFFIX, FORM_LL, RESULT, __VA_ARGS__)           \
  HANDLER(L_##NAME##_LK##SUFFIX, FORM_LK, RESULT, __VA_ARGS__)           \
  HANDLER(L_##NAME##_LS##SUFFIX, FORM_LS, RESULT, __VA_ARGS__)           \
  HANDLER(L_##NAME##_KS##SUFFIX, FORM_KS, RESULT, __VA_ARGS__)

// ADD and SUB, and the comparisons, in each of their flavours.
#define ADD_AND_SUB(SUFFIX, RESULT)                                                              \
  ALL_FORMS(ARITH_HANDLER, ADD, SUFFIX, RESULT, TM_ADD, Integer(Unsigned(x) + Unsigned(y)), x + y) \
  ALL_FORMS(ARITH_HANDLER, SUB, SUFFIX, RESULT, TM_SUB, Integer(Unsigned(x) - Unsigned(y)), x - y)
#define COMPARISONS(SUFFIX, RESULT)                                                       \
  ALL_FORMS(COMPARE_HANDLER, EQ, SUFFIX, RESULT, x == y, x == y, quickEquals(a, b), equalsMeta(L, a, b))         \
  ALL_FORMS(COMPARE_HANDLER, NE, SUFFIX, RESULT, x != y, x != y, negated(quickEquals(a, b)), !equalsMeta(L, a, b)) \
  ALL_FORMS(COMPARE_HANDLER, LT, SUFFIX, RESULT, x < y, x < y, -1, lessThanMeta(L, a, b))                          \
  ALL_FORMS(COMPARE_HANDLER, LE, SUFFIX, RESULT, x <= y, x <= y, -1, lessEqualMeta(L, a, b))                       \
  ALL_FORMS(COMPARE_HANDLER, GT, SUFFIX, RESULT, x > y, x > y, -1, lessThanMeta(L, b, a))                          \
  ALL_FORMS(COMPARE_HANDLER, GE, SUFFIX, RESULT, x >= y, x >= y, -1, lessEqualMeta(L, b, a))

ADD_AND_SUB(, PUSH_RESULT)
ALL_FORMS(ARITH_HANDLER, MUL, , PUSH_RESULT, TM_MUL, Integer(Unsigned(x) * Unsigned(y)), x * y)
ALL_FORMS(FLOAT_HANDLER, DIV, , PUSH_RESULT, TM_DIV, x / y)
ALL_FORMS(FLOAT_HANDLER, POW, , PUSH_RESULT, TM_POW, (y == 2 ? x * x : std::pow(x, y)))
ALL_FORMS(DIVISION_HANDLER, MOD, , PUSH_RESULT, TM_MOD, integerMod(x, y), floatMod(x, y))
ALL_FORMS(DIVISION_HANDLER, IDIV, , PUSH_RESULT, TM_IDIV, integerFloorDiv(x, y), std::floor(x / y))
ALL_FORMS(BITWISE_HANDLER, BAND, , PUSH_RESULT, TM_BAND, Integer(Unsigned(x) & Unsigned(y)))
ALL_FORMS(BITWISE_HANDLER, BOR, , PUSH_RESULT, TM_BOR, Integer(Unsigned(x) | Unsigned(y)))
ALL_FORMS(BITWISE_HANDLER, BXOR, , PUSH_RESULT, TM_BXOR, Integer(Unsigned(x) ^ Unsigned(y)))
ALL_FORMS(BITWISE_HANDLER, SHL, , PUSH_RESULT, TM_SHL, shiftLeft(x, y))
ALL_FORMS(BITWISE_HANDLER, SHR, , PUSH_RESULT, TM_SHR, shiftLeft(x, y == INT64_MIN ? INT64_MAX : -y))
COMPARISONS(, PUSH_BOOLEAN)
ADD_AND_SUB(_SET, SET_RESULT)
COMPARISONS(_J, JUMP_IF_FALSE)

L_UNM: {
  Value& a = sp[-1];
  if (a.isInteger()) {
    a.u.i = Integer(0u - Unsigned(a.u.i));
    DISPATCH();
  }
  if (a.isFloat()) {
    a.u.n = -a.u.n;
    DISPATCH();
  }
  SAVE();
  arithMeta(L, a, a, TM_UNM, OFFSET(sp - 1));
  RELOAD();
  DISPATCH();
}
L_BNOT: {
  Value& a = sp[-1];
  if (a.isInteger()) {
    a.u.i = Integer(~Unsigned(a.u.i));
    DISPATCH();
  }
  SAVE();
  arithMeta(L, a, a, TM_BNOT, OFFSET(sp - 1));
  RELOAD();
  DISPATCH();
}
L_NOT:
  sp[-1].setBoolean(sp[-1].isFalsy());
  DISPATCH();
L_LEN: {
  Value& a = sp[-1];
  if (fastLength(L->g, a, &a)) [[likely]] DISPATCH();
  SAVE();
  lengthMeta(L, a, OFFSET(sp - 1));
  RELOAD();
  DISPATCH();
}
L_LEN_L: {
  Value a = base[argAx(i)];
  if (fastLength(L->g, a, sp)) [[likely]] {
    sp++;
    DISPATCH();
  }
  SAVE();
  lengthMeta(L, a, OFFSET(sp));
  RELOAD();
  sp++;
  DISPATCH();
}
L_CONCAT: {
  SAVE();
  concatMeta(L, int(argB(i)));
  RELOAD();
  DISPATCH();
}

L_JMP:
  JUMP(argSAx(i));
  DISPATCH();
L_JMPF:
  if ((--sp)->isFalsy()) JUMP(argSAx(i));
  DISPATCH();
L_JMPT:
  if ((--sp)->isTruthy()) JUMP(argSAx(i));
  DISPATCH();
L_ANDJ:
  if (sp[-1].isFalsy()) pc += argSAx(i);
  else sp--;
  DISPATCH();
L_ORJ:
  if (sp[-1].isTruthy()) pc += argSAx(i);
  else sp--;
  DISPATCH();

L_CALL_L:
  *sp++ = base[argC(i)];
  callResults = int(argB8(i)) - 1;
  goto call;
L_CALL:
  callResults = int(argB(i)) - 1;
call: {
  StkId func = base + argA(i);
  int nResults = callResults;
  if (func->isLuaClosure()) [[likely]] {
    // Lua-to-Lua call, inline: push the callee's frame and keep going. The
    // loop's registers are set from what the call has at hand rather than
    // read back from the frame just written (newframe does that).
    LuaClosure* callee = func->asLuaClosure();
    Proto* p = callee->proto;
    FEEDBACK().callee = p;
    SAVE();
    ci = pushLuaFrame(L, ci, func, sp, p, nResults);
    if (pollWord->load(std::memory_order_relaxed)) [[unlikely]] goto newframe;
    SET_FRAME(callee, p, func + 1, p->code);
    if (--p->callHotness == 0) [[unlikely]] hotFunction(L, ci, p);
    DISPATCH();
  }
  SAVE();
  if (func->isLightFunction() || func->isNativeClosure()) [[likely]] {
    callNative(L, func, nResults);
  } else if (CallInfo* callee = precallGeneral(L, func, nResults)) {
    ci = callee;  // a callable object's __call, a Lua function
    goto newframe;
  }
  if (L->status == kYield) return;  // a light yield: resume continues this frame
  RELOAD();
  DISPATCH();
}
L_TAILCALL: {
  StkId func = base + argAx(i);
  SAVE();
  for (int loops = 0; !func->isFunction(); loops++) {
    // Resolve __call here so that callable objects keep the call a tail call.
    if (loops >= kMaxTagLoop) runError(L, msg::kCallChainTooLong);
    ptrdiff_t funcOff = OFFSET(func);
    insertCallMeta(L, func);
    RELOAD();
    func = restoreStack(L, funcOff);
    sp = L->top;
  }
  if (!func->isLuaClosure()) {
    // A native callee (or a __call handler) runs as a normal call whose
    // results are then returned.
    CallInfo* callee = precall(L, func, kMultRet);
    if (callee) {
      ci = callee;
      goto newframe;
    }
    if (L->status == kYield) return;  // a light yield (see L_CALL)
    RELOAD();
    func = base + argAx(i);
    int n = int(sp - func);
    goto do_return_values;
  do_return_values:
    {
      Proto* p = cl->proto;
      L->top = func + n;
      if (L->hookMask) [[unlikely]] {
        hookReturn(L, ci, n);
        base = ci->func + 1;
        func = base + argAx(i);
        CHOOSE_DISPATCH();
      }
      if (L->openUpval && L->openUpval->v >= base) closeUpvalues(L, base);
      if (p->isVararg) ci->func -= ci->nExtraArgs + p->numParams + 1;
      postcall(L, ci, n);
      if (ci->status & CIST_FRESH) return;
      ci = L->ci;
      goto returned;
    }
  }
  {
    if (L->openUpval && L->openUpval->v >= base) closeUpvalues(L, base);
    Proto* caller = cl->proto;
    StkId dest = ci->func;
    if (caller->isVararg) dest -= ci->nExtraArgs + caller->numParams + 1;
    int n = int(sp - func);  // function + arguments
    for (int j = 0; j < n; j++) dest[j] = func[j];
    L->top = dest + n;
    Proto* p = dest->asLuaClosure()->proto;
    int frameSize = luaFrameSize(p);
    ptrdiff_t destOff = OFFSET(dest);
    ensureStack(L, frameSize + kExtraStack);
    dest = restoreStack(L, destOff);
    int nargs = n - 1;
    for (; nargs < p->numParams; nargs++) (L->top++)->setNil();
    if (!p->isVararg) L->top = dest + 1 + p->numParams;
    ci->func = dest;
    ci->top = dest + 1 + frameSize;
    ci->savedPc = p->code;
    ci->nExtraArgs = 0;
    ci->status = uint16_t((ci->status & ~CIST_TRACED) | CIST_TAIL);  // a new function: hooks see its call
    goto newframe;
  }
}

L_RETURN: {
  StkId first = base + argA(i);
  int n = argB(i) ? int(argB(i)) - 1 : int(sp - first);
  SAVE();
  L->top = first + n;
  if (L->tbcCount > 0 && L->stack + L->tbcSlots[L->tbcCount - 1] >= base) {
    // Closing methods run with the results kept safe above them.
    ptrdiff_t firstOff = OFFSET(first);
    bool reported = dispatch == kHookDispatch && (L->hookMask & kMaskReturn);
    closeFrom(L, base);
    RELOAD();
    L->top = restoreStack(L, firstOff) + n;
    RETURN_HOOK_AFTER_CLOSE(reported, n);
    first = restoreStack(L, firstOff);
  } else if (L->openUpval && L->openUpval->v >= base) {
    closeUpvalues(L, base);
  }
  Proto* p = cl->proto;
  if (p->isVararg) ci->func -= ci->nExtraArgs + p->numParams + 1;
  postcall(L, ci, n);
  if (ci->status & CIST_FRESH) return;
  ci = L->ci;
  goto returned;
}
L_RETURN0:
  RETURN_FIXED(0)
L_RETURN1_L:
  *sp++ = base[argAx(i)];
L_RETURN1:
  RETURN_FIXED(1)

L_CLOSURE: {
  Proto* np = cl->proto->protos[argAx(i)];
  SAVE();
  LuaClosure* c = newLuaClosure(L, np->numUpvalues);
  c->proto = np;
  *sp++ = Value::luaClosure(c);
  L->top = sp;  // the closure is rooted while its upvalues are created
  for (int j = 0; j < np->numUpvalues; j++) {
    const UpvalueDesc& d = np->upvalues[j];
    c->upvals[j] = d.inStack ? findUpvalue(L, base + d.index) : cl->upvals[d.index];
    // Creating an upvalue may run collections that leave c black (old).
    gc::barrierBack(L->g, c, c->upvals[j]);
  }
  DISPATCH();
}
L_VARARG: {
  int available = ci->nExtraArgs;
  int wanted = int(argAx(i)) - 1;
  if (wanted < 0) {
    wanted = available;
    SAVE();
    ensureStack(L, available);
    RELOAD();
  }
  StkId from = ci->func - available;
  int j = 0;
  for (; j < wanted && j < available; j++) sp[j] = from[j];
  for (; j < wanted; j++) sp[j].setNil();
  sp += wanted;
  if (int(argAx(i)) == 0) L->top = sp;
  DISPATCH();
}
L_VARARGPREP: {
  int nfixed = int(argAx(i));
  int actual = int(sp - base);
  ci->nExtraArgs = actual - nfixed;
  StkId newFunc = sp;
  newFunc[0] = *ci->func;
  for (int j = 0; j < nfixed; j++) {
    newFunc[1 + j] = base[j];
    base[j].setNil();
  }
  ci->func = newFunc;
  ci->top += actual + 1;
  base = newFunc + 1;
  sp = base + nfixed;
  DISPATCH();
}

L_FORPREP: {
  StkId ra = base + argA(i);
  SAVE();
  bool skip = forPrep(L, ra);
  sp[0] = ra[0];  // the control variable
  sp++;
  if (skip) pc += argB(i);
  DISPATCH();
}
L_FORLOOP: {
  StkId ra = base + argA(i);
  sp = ra + 4;  // the body's locals, which the code generator does not pop
  // Each way on ends in its own dispatch: joined, the commonest (an
  // integer loop going round) would jump to the shared tail.
  if (ra[2].isInteger()) [[likely]] {
    Unsigned count = Unsigned(ra[1].u.i);
    if (count > 0) [[likely]] {
      ra[1].u.i = Integer(count - 1);
      Integer idx = Integer(Unsigned(ra[0].u.i) + Unsigned(ra[2].u.i));
      ra[0].u.i = idx;
      ra[3].setInteger(idx);
      if (((count - 1) & (kForLoopBatch - 1)) == 0) [[unlikely]] {
        POLL_REQUESTS();
        COUNT_BACK_EDGES(kForLoopBatch);
      }
      pc -= argB(i);
      DISPATCH();
    }
    DISPATCH();
  }
  Number step = ra[2].u.n;
  Number idx = ra[0].u.n + step;
  Number limit = ra[1].u.n;
  if (step > 0 ? idx <= limit : limit <= idx) {
    ra[0].u.n = idx;
    ra[3].setNumber(idx);
    POLL();
    pc -= argB(i);
    DISPATCH();
  }
  DISPATCH();
}
L_TFORPREP: {
  SAVE();
  markToBeClosed(L, base + argA(i) + 3);
  pc += argB(i);
  DISPATCH();
}
L_TFORCALL: {
  StkId ra = base + argA(i);
  // The iterators pairs and ipairs return, over a table, step without a
  // call: `next` (found: 1 a pair, 0 the end, -1 the call decides, as for
  // a key that is not in the table, whose error `next` raises from its
  // own frame), and ipairs's (the next index and its value; a nil entry in
  // a table with a metatable is for the call, where __index may apply).
  // Not while hooks are on: a call hook sees the iterator called.
  int found = -1;
  Value key, value;
  if (ra[0].isLightFunction() && ra[1].isTable() && !L->hookMask) [[likely]] {
    NativeFunction iterator = ra[0].asLightFunction();
    Table* h = ra[1].asTable();
    if (iterator == L->g->primitiveNext) {
      key = ra[2];
      found = tableNextStep(L->g, h, &key, &value);
    } else if (iterator == L->g->primitiveIpairs && ra[2].isInteger()) {
      Integer index = Integer(Unsigned(ra[2].u.i) + 1);  // wraps around, as ipairs's addition (§3.4.1)
      value = *tableGetInt(h, index);
      key.setInteger(index);
      found = !value.isNil() ? 1 : h->metatable == nullptr ? 0 : -1;
    }
  }
  if (found >= 0) [[likely]] {
    int wanted = int(argB(i));
    if (found) {
      ra[4] = key;
      if (wanted > 1) ra[5] = value;
    } else {
      ra[4].setNil();
      if (wanted > 1) ra[5].setNil();
    }
    for (int n = 2; n < wanted; n++) ra[4 + n].setNil();
    sp = ra + 4 + wanted;
    DISPATCH();
  }
  ra[4] = ra[0];
  ra[5] = ra[1];
  ra[6] = ra[2];
  sp = ra + 7;
  SAVE();
  call(L, ra + 4, int(argB(i)));
  RELOAD();
  DISPATCH();
}
L_TFORLOOP: {
  StkId ra = base + argA(i);
  if (!ra[4].isNil()) {
    ra[2] = ra[4];
    POLL();
    pc -= argB(i);
  }
  DISPATCH();
}
L_CLOSE: {
  SAVE();
  closeFrom(L, base + argAx(i));
  RELOAD();
  DISPATCH();
}
L_TBC: {
  SAVE();
  markToBeClosed(L, base + argAx(i));
  DISPATCH();
}
L_EXTRAARG:
  runError(L, msg::kStrayExtraArg);
L_NOP:
  DISPATCH();

returned:
  // Back in a Lua caller after a return: its results are below L->top.
  SET_FRAME(ci->func->asLuaClosure(), cl->proto, ci->func + 1, ci->savedPc);
  DISPATCH();

#undef DISPATCH
#undef CHOOSE_DISPATCH
#undef SAVE
#undef RELOAD
#undef OFFSET
#undef POLL
#undef JUMP
#undef RETURN_HOOK_AFTER_CLOSE
#undef RETURN_FIXED
#undef SET_FRAME
#undef STORE
#undef INDEX_PUSH
#undef INDEX_REPLACE
#undef INDEX_PUSH_BY
#undef INDEX_REPLACE_BY
#undef FIELD_PUSH
#undef FIELD_REPLACE
#undef FIELD_STORE
#undef STORE_BY
#undef FEEDBACK
#undef SET_FEEDBACK_BIAS
}

}  // namespace tycho

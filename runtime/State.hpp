// State: a thread (lua_State: one value stack and its call frames) and the
// global state shared by all threads of one Lua universe.
//
// Frame layout (DESIGN.md decision 5): each thread has one contiguous value
// stack. A call frame is the function slot, then its fixed parameters and
// locals, then its operand stack. Call information lives in a separate doubly
// linked list of CallInfo records that is reused from call to call.
//
// Rules for stack pointers:
//   1. Growing the stack (ensureStack, any call, any metamethod) may move it;
//      every StkId held across such an operation must be re-derived (keep an
//      offset with saveStack / restoreStack instead).
//   2. L->top is the first free slot. Everything below it is a GC root, so
//      code that allocates must set L->top to cover all live values first.
#pragma once

#include <atomic>
#include <string>
#include <cstddef>
#include <cstdint>

#include "runtime/Object.hpp"
#include "runtime/TagMethod.hpp"
#include "runtime/Value.hpp"

namespace tycho {

struct Table;
struct StringTable;

// Call status bits.
enum CallStatus : uint16_t {
  CIST_LUA = 1 << 0,     // a Lua function
  CIST_FRESH = 1 << 1,   // the interpreter was entered for this frame; return leaves it
  CIST_TAIL = 1 << 2,    // reached by a tail call
  CIST_NATIVE = 1 << 3,  // a native function
  CIST_FIN = 1 << 4,     // running a finalizer
  CIST_YPCALL = 1 << 5,  // a native protected call (pcall, xpcall) that a yield may cross
  CIST_HOOKED = 1 << 6,  // a debug hook is running for this frame (vm/Hook.hpp)
  CIST_TRACED = 1 << 7,  // Lua frames: hooks have seen this frame run (its call event is past)
  CIST_CLOSERET = 1 << 8,  // a native frame with to-be-closed slots (lua_toclose): closed when it returns
  CIST_HOOKYIELD = 1 << 9,  // Lua frames: a line or count hook yielded before the instruction at savedPc
};

// A debug hook: called with the event (vm/Hook.hpp HookEvent) and, for line
// events, the new line (-1 otherwise). The C API's lua_Hook is called by one
// of these (api/LuaApi.cpp), with L->apiHook.
using HookFunction = void (*)(lua_State* L, int event, int line);
using ApiHook = void (*)(lua_State* L, struct lua_Debug* ar);

// Continuation of a native function whose callee yielded (lua_KFunction):
// called when the coroutine resumes and the callee has finished, with the
// status of the callee (kOk, or kYield when it completed after a yield) and
// the context saved by the function. Returns the number of results.
using NativeContinuation = int (*)(lua_State* L, int status, intptr_t ctx);

struct CallInfo {
  StkId func;                 // function slot; base of the frame is func + 1
  StkId top;                  // end of this frame's stack space
  CallInfo* previous;
  CallInfo* next;
  const uint32_t* savedPc;    // Lua frames: next instruction to run
  int nResults;               // results wanted by the caller (-1 = all)
  int nExtraArgs;             // Lua vararg frames: number of extra arguments
  NativeContinuation cont;    // native frames that survive a yield (see CIST_YPCALL)
  intptr_t ctx;               // the continuation's context
  ptrdiff_t savedHandler;     // protected calls: the message handler to restore
  int recoverStatus;          // protected calls: the error being handled while
                              // its __close methods run (0: none), see finishPcall
  NativeContinuation userCont;  // lua_pcallk: the caller's continuation and context
  intptr_t userCtx;             //   (cont/ctx then finish the protected call itself)
  uint16_t status;
  uint8_t chunkIndex;         // its place in the block of records it was carved from,
  uint8_t chunkSize;          // ... and that block's size (State.cpp newCallInfo)
  bool isLua() const { return (status & CIST_LUA) != 0; }
};

constexpr int kMinStack = 20;          // LUA_MINSTACK: guaranteed free slots for native code
constexpr int kExtraStack = 5;         // slack above a frame for metamethod calls
constexpr int kMaxStack = 1000000;     // LUAI_MAXSTACK
constexpr int kErrorStackSize = kMaxStack + 200;
constexpr int kMaxCCalls = 200;        // LUAI_MAXCCALLS: nested native calls / parser levels
constexpr int kBasicStackSize = 2 * kMinStack;

struct GlobalState;

}  // namespace tycho

struct lua_Debug;

struct lua_State : tycho::GCObject {
  uint8_t status;
  tycho::StkId top;           // first free slot
  tycho::StkId stack;         // the value stack
  tycho::StkId stackLast;     // end of usable stack (kExtraStack slots past it exist)
  int stackSize;              // slots allocated (excluding the extra ones)
  uint16_t stackShift;        // slots of the stack's block before slot 0 (see allocStack)
  uint16_t stackPad;          // slots of the block past the stack's end and its shift
  tycho::CallInfo* ci;        // the running frame
  tycho::CallInfo baseCi;     // the frame of the entry into this thread
  tycho::UpVal* openUpval;    // open upvalues, by decreasing stack level
  lua_State* nextWithUpvalues;  // GlobalState::threadsWithUpvalues link (itself: not listed)
  tycho::GlobalState* g;
  int nCcalls;                // nesting of native calls and interpreter entries
  int* tbcSlots;              // stack indices of live to-be-closed variables
  int tbcCount, tbcCapacity;
  ptrdiff_t errorHandler;     // stack offset of the message handler (0 = none)
  int nny;                    // non-yieldable calls in progress (> 0: yield is an error)
  int nYield;                 // values passed to the last yield
  int resumeCcalls;           // nCcalls of the resumer (see yieldCoroutine)
  // Debug hooks (vm/Hook.hpp). A new thread inherits its creator's settings.
  tycho::HookFunction hook;   // null: no hook
  tycho::ApiHook apiHook;     // the hook set by lua_sethook (called by `hook`)
  uint8_t hookMask;           // events hooked (HookMask bits); 0 whenever hook is null
  bool inHook;                // a hook is running: hooks do not nest
  uint16_t transferFirst;     // call and return events: the values transferred
  uint16_t transferCount;     //   (getinfo 'r'), as local indices of the hooked frame
  int baseHookCount;          // count events: instructions between two of them
  int hookCount;              // instructions left before the next count event
  int oldPc;                  // line events: the last instruction traced
};

namespace tycho {

struct StringTable {
  String** buckets = nullptr;
  int size = 0;
  int count = 0;
  int peak = 0;  // the most strings at once since the collector last looked (shrinkStringTable)
};

// A growable array of objects, for the collector's work lists (memory
// counted as the state's; see gc/Heap.cpp).
struct ObjectStack {
  GCObject** items = nullptr;
  size_t count = 0;
  size_t capacity = 0;
  bool unaccounted = false;  // items from the C library: the state's allocator refused them (gc/Heap.cpp)
};

// Work the interpreter must do at its next poll (GlobalState::pollRequests):
// polls are on function entry and on backward jumps (an integer for loop's
// once in a batch of 64 iterations), so that a loop that calls nothing still
// reaches one.
enum PollRequest : uint32_t {
  kPollFinalizers = 1 << 0,  // objects wait for their __gc (toBeFinalized)
  kPollInterrupt = 1 << 1,   // requestInterrupt: raise "interrupted!"
};

// A host's memory allocator (lua.h lua_Alloc): realloc-like, free when
// newSize is 0.
using AllocFunction = void* (*)(void* ud, void* block, size_t oldSize, size_t newSize);

struct GlobalState {
  // PollRequest bits. Set by the collector, and by requestInterrupt from a
  // signal handler or another thread (hence atomic; the interpreter's check
  // is one relaxed load).
  std::atomic<uint32_t> pollRequests{0};
  const struct JitHooks* jit = nullptr;  // the compiling tier's callbacks (vm/JitHooks.hpp); null: none
  void (*protoFreed)(GlobalState* g, struct Proto* p) = nullptr;  // set by that tier: the collector frees p
  void* heap = nullptr;            // a private mimalloc heap (newState's privateHeap); null: the allocating thread's
  void* largeBlocks = nullptr;     // blocks mapped one by one (gc/Memory.cpp)
  void* cachedBlocks = nullptr;    // ... freed, kept mapped for reuse
  size_t cachedBytes = 0;
  size_t cachedCount = 0;          // ... how many (at most gc::kMaxCachedBlocks)
  void* slackBlock = nullptr;      // ... the live one with unused room at its end
  size_t totalBytes = 0;           // bytes currently allocated
  size_t gcThreshold = 0;          // collect when totalBytes passes this
  size_t memoryLimit = 0;          // 0: none; past it allocations fail with "not enough memory"
  size_t emergencyMark = 0;        // the next emergency collection not before this heap size (gc/Heap.cpp)
  int gcPause = 200;               // next threshold = live * pause / 100
  int gcStopped = 0;               // collections are paused while > 0 (internal pauses, gc::PauseGuard)
  bool gcUserStopped = false;      // collectgarbage("stop"): no automatic collections
  bool gcRunning = false;
  uint8_t currentWhite = 1;         // gc::kWhite0 or kWhite1
  uint8_t gcState = 0;               // gc::GCState
  bool gcAtomic = false;             // in the final, non-incremental part of marking
  GCObject** sweepCursor = nullptr;  // next object to sweep
  int sweepStage = 0;                // 0: all objects, 1: finalizable, 2: done
  ObjectStack grayAgain;             // objects to traverse (again) at the end of marking
  size_t stepBase = 0;               // heap size after the last step (the growth since is the debt)
  size_t sweepAllocated = 0;         // bytes of objects made during this cycle's sweep (not counted as live)
  Table* partialTable = nullptr;     // a large table being traversed in chunks
  uint32_t partialIndex = 0, partialSize = 0;
  int gcStepMul = 100;               // work per value's worth of allocation (see gc/Heap.cpp workFor)
  size_t gcStepSize = 8192;          // bytes allocated between steps
  size_t gcMinThreshold = 64 << 10;  // no incremental cycle starts below this heap size
  uint64_t gcLongestPauseNs = 0;     // longest single collector step, wall-clock (statistics)
  uint64_t gcLongestPauseCpuNs = 0;  // ... in the thread's CPU time, when gcTimeCpu
  bool gcTimeCpu = false;            // also time pauses in CPU time (costs a system call per step)
  uint64_t gcCycles = 0;             // cycles completed (incremental cycles and major collections)
  uint64_t gcMinorCycles = 0;        // minor collections (generational mode)
  uint64_t gcEmergencies = 0;        // emergency collections (near the memory limit)
  uint64_t genMinorsSinceMajor = 0;  // minor collections since the last major one
  // Generational mode (gc/Heap.cpp explains the ages and lists).
  uint8_t gcKind = 1;                // gc::GCKind: generational by default
  bool genBarriers = true;           // barriers keep the generational invariant (else the incremental one)
  bool genMajor = false;             // a major collection of generational mode is in progress
  bool genWhitening = false;         // ... in its first phase, turning old objects white
  bool gcTinySteps = false;          // test mode: collect at every chance (see --gc-tiny-steps)
  int genMinorMul = 20;              // a minor collection after the heap grows this percent
  int genMajorMul = 100;             // a major collection after the heap grows this percent since the last one
  size_t genMaxNursery = size_t(2) << 20;  // at most this many bytes allocated between minor collections
  size_t genMajorBase = 0;           // heap size after the last major collection
  GCObject* genSurvival = nullptr;   // first object of allObjects that survived one minor collection
  GCObject* genOld = nullptr;        // first old object of allObjects (the rest are old too)
  GCObject* genFirstSwept = nullptr; // during a major sweep: the first survivor (where old objects begin)
  ObjectStack genOld1;               // objects that became old in the last minor collection
  ObjectStack genTouched;            // old objects written to since the last minor collections
  ObjectStack genThreads;            // old coroutines (their stacks change without barriers)
  uint64_t stressCount = 0;          // collections forced by the stress build
  GCObject* allObjects = nullptr;
  // Coroutines that have (or had) open upvalues: at the end of marking, those
  // found dead get the upvalues that outlive them closed (gc/Heap.cpp).
  lua_State* threadsWithUpvalues = nullptr;
  GCObject* finalizable = nullptr;   // objects with a __gc metamethod (newest first)
  GCObject* toBeFinalized = nullptr; // unreachable finalizable objects, in call order
  ObjectStack weakValues;            // during a collection: tables with weak values only
  ObjectStack weakKeys;              // ... with weak keys only (ephemerons)
  ObjectStack weakBoth;              // ... with weak keys and values
  bool warningsOn = false;           // warn("@on") / warn("@off")
  bool runningFinalizers = false;
  bool ignoreEnvironment = false;    // lua -E: no LUA_PATH, LUA_INIT...
  bool warningContinued = false;     // the previous warn() piece ended without a newline
  ObjectStack gray;                  // mark stack
  StringTable strings;
  uint64_t seed = 0;
  Value registry;
  Value nilValue;                  // a nil to point at
  lua_State* mainThread = nullptr;
  String* tmNames[TM_N] = {};
  String* memoryErrorMessage = nullptr;
  String* nameField = nullptr;       // "__name", for messages
  String* tostringField = nullptr;   // "__tostring"
  String* metatableField = nullptr;  // "__metatable"
  String* pairsField = nullptr;      // "__pairs"
  // The base library's `next` (what pairs returns): a generic for whose
  // iterator it is steps through the table without calling it
  // (vm/Interpreter.cpp, TFORCALL). Null until the library is opened.
  NativeFunction primitiveNext = nullptr;
  NativeFunction primitiveIpairs = nullptr;  // ... and the iterator ipairs returns
  // Where the last step of a traversal (next, pairs) found its entry: the
  // table and the node, where the next step's key most likely is (checked by
  // comparing the node's key, so never wrong: runtime/Table.cpp).
  const Table* nextHintTable = nullptr;
  uint32_t nextHintNode = 0;
  Table* typeMetatables[kNumBasicTypes] = {};
  NativeFunction panic = nullptr;    // lua_atpanic
  int catchers = 0;                  // active CatchScopes (runtime/Error.hpp)
  // Called before the panic function, on an error outside any protected
  // call: unwinds the thread to its base level, the error object alone on
  // its stack, so that a panic function that jumps out leaves it usable
  // (installed by the VM; Lua's luaE_resetthread). Returns the status.
  int (*unwindForPanic)(lua_State* L, int status) = nullptr;
  // Called before a runtime error unwinds, to run the message handler of the
  // innermost xpcall/lua_pcall (installed by the VM).
  void (*callErrorHandler)(lua_State* L) = nullptr;
  // lua_newstate's allocator (lua_Alloc) and its first argument: every block
  // of the state comes from it. Null: mimalloc (gc/Memory.cpp).
  AllocFunction allocFn = nullptr;
  void* allocUd = nullptr;
  // lua_setwarnf: when set (warnCustom), warnings go to warnFn (none: dropped)
  // instead of the built-in "Lua warning: " printer.
  void (*warnFn)(void* ud, const char* message, int toContinue) = nullptr;
  void* warnUd = nullptr;
  bool warnCustom = false;
  // The strings of the C strings the API was last given (lua_pushstring,
  // lua_getfield keys...), by the C string's address: hosts pass the same
  // literals again and again. Weak: the collector clears the entries of
  // strings it frees (gc/Heap.cpp markAndSettle).
  static constexpr int kApiStringSets = 53;
  String* apiStrings[kApiStringSets][2] = {};
  // The block of the last C API string buffer that outgrew its inline
  // storage (api/AuxLib.cpp), kept for the next one while it is at most
  // kSpareBufferMax bytes: a program that builds one string after another
  // writes to memory still in the cache. Freed by a full collection.
  static constexpr size_t kSpareBufferMax = 64 * 1024;
  OwnedBlock spareBuffer = {};
  // lua_getinfo's names ('n'), kept for the caller for a while (a ring).
  std::string apiNames[8];
  int apiNameNext = 0;
};

// Registry slots (lua.h LUA_RIDX_*).
constexpr Integer kRegistryMainThread = 1;
constexpr Integer kRegistryGlobals = 2;
// Registry fields of the package system (lauxlib.h LUA_LOADED_TABLE,
// LUA_PRELOAD_TABLE): package.loaded and package.preload.
constexpr const char* kRegistryLoaded = "_LOADED";
constexpr const char* kRegistryPreload = "_PRELOAD";

// Every thread is allocated with this many bytes before its lua_State for the
// host (lua.h LUA_EXTRASPACE, lua_getextraspace); 16 to keep the state aligned,
// the last kExtraSpace of them the host's.
constexpr size_t kExtraSpace = sizeof(void*);
constexpr size_t kThreadPrefix = 16;
static_assert(kExtraSpace <= kThreadPrefix);
inline void* extraSpace(lua_State* L) { return reinterpret_cast<char*>(L) - kExtraSpace; }

// Creates and destroys a universe. newState returns null when out of memory.
// With an allocator (lua_newstate), every block of the state comes from it.
// privateHeap: the state's blocks come from a mimalloc heap of its own,
// which only the thread that made the state may use (the unit tests that
// compare the state's count with the blocks of its heap); ignored with an
// allocFn.
lua_State* newState(AllocFunction allocFn = nullptr, void* allocUd = nullptr, bool privateHeap = false);
// A new coroutine sharing L's global state (a collectable object).
lua_State* newThread(lua_State* L);
void closeState(lua_State* L);

// Frees the value stack of thread L (closing a state, collecting a thread).
void freeStack(GlobalState* g, lua_State* L);
// Grows the stack to hold at least `n` more slots; raises "stack overflow".
void growStack(lua_State* L, int n);
// Makes sure there are `n` free slots above L->top; may move the stack.
// (Inline: every call checks it.)
inline void ensureStack(lua_State* L, int n) {
  if (L->top + n >= L->stackLast) [[unlikely]] growStack(L, n);
}
// Gives back the extra space granted to handle a stack overflow.
void shrinkStack(lua_State* L);
// Shrinks the stack to twice what the live frames use, and frees unused
// CallInfo records (after deep recursion). Moves the stack: only for safe
// points where no stack pointer is held (a native function's own frame).
void trimThread(lua_State* L);
inline ptrdiff_t saveStack(lua_State* L, const Value* p) { return reinterpret_cast<const char*>(p) - reinterpret_cast<const char*>(L->stack); }
inline StkId restoreStack(lua_State* L, ptrdiff_t off) { return reinterpret_cast<StkId>(reinterpret_cast<char*>(L->stack) + off); }

// A new CallInfo record at the end of the list (nextCallInfo's slow path).
CallInfo* newCallInfo(lua_State* L);
// Next CallInfo record (allocating one when the list ends).
inline CallInfo* nextCallInfo(lua_State* L) {
  CallInfo* next = L->ci->next;
  return next ? next : newCallInfo(L);
}
// Frees the CallInfo records past the running one (used after errors).
void shrinkCallInfo(lua_State* L);
// Frees every CallInfo record of a thread that is being freed.
void freeCallInfos(GlobalState* g, lua_State* L);

inline GlobalState* G(lua_State* L) { return L->g; }
Table* globalsTable(lua_State* L);

}  // namespace tycho

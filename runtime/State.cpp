// Thread and global state creation, stack growth and CallInfo records.
#include "runtime/State.hpp"
#include "runtime/Messages.hpp"

#include <cstring>
#include <ctime>
#include <new>

#include "gc/Heap.hpp"
#include "runtime/Error.hpp"
#include "runtime/String.hpp"
#include "runtime/Table.hpp"

namespace tycho {

namespace {

// Slots a main thread's stack block has beyond its stack, for placing slot
// 0 anywhere in a 4096-byte window.
constexpr uint16_t kMainStackPad = 4096 / sizeof(Value);

// The block of a stack of `slots` values for `thread` (allocated in L's
// state), with thread->stackShift and stackPad set. A store to a stack slot
// whose address equals that of a field of the lua_State modulo 4096 (top, ci
// ...) makes the next load of that field wait for it (the processor compares
// addresses by their low 12 bits first: "4K aliasing"), and the interpreter,
// native functions and a host pushing values through the C API load those
// fields after their stores all the time. In the main thread's stack, whose
// bottom slots are the busiest (the main chunk, a host's own pushes) and
// whose block tends to sit at the same offset in its allocator page as the
// lua_State itself, slot 0 is placed just past the lua_State's block modulo
// 4096: the next 200-odd slots share no low address bits with its fields.
// Coroutines, many and small, take their blocks as they come.
StkId allocStack(lua_State* thread, lua_State* L, size_t slots) {
  bool main = thread == G(L)->mainThread;
  uint16_t pad = main ? kMainStackPad : 0;
  auto* block = static_cast<StkId>(gc::allocRaw(L, sizeof(Value) * (slots + pad)));
  uint16_t shift = 0;
  if (main) {
    uintptr_t state = reinterpret_cast<uintptr_t>(thread) - kThreadPrefix;
    uintptr_t stateBytes = (kThreadPrefix + sizeof(lua_State) + sizeof(Value) - 1) & ~(sizeof(Value) - 1);
    uintptr_t want = (state + stateBytes) & 4095;
    uintptr_t have = reinterpret_cast<uintptr_t>(block) & 4095;
    shift = uint16_t(((want - have) & 4095) / sizeof(Value));
  }
  thread->stackShift = shift;
  thread->stackPad = uint16_t(pad - shift);
  return block + shift;
}

void initStack(lua_State* thread, lua_State* L) {
  size_t n = size_t(kBasicStackSize + kExtraStack);
  thread->stack = allocStack(thread, L, n);
  for (size_t i = 0; i < n; i++) thread->stack[i].setNil();
  thread->stackSize = kBasicStackSize;
  thread->stackLast = thread->stack + kBasicStackSize;
  thread->top = thread->stack;
  CallInfo* ci = &thread->baseCi;
  ci->next = ci->previous = nullptr;
  ci->status = CIST_NATIVE;
  ci->func = thread->top;
  ci->savedPc = nullptr;
  ci->nResults = 0;
  ci->nExtraArgs = 0;
  ci->cont = nullptr;
  ci->ctx = 0;
  ci->savedHandler = 0;
  thread->top->setNil();  // the entry "function"
  thread->top++;
  ci->top = thread->top + kMinStack;
  thread->ci = ci;
}

void fixStackPointers(lua_State* L, StkId oldStack) {
  auto fix = [&](StkId p) { return L->stack + (p - oldStack); };
  L->top = fix(L->top);
  for (UpVal* uv = L->openUpval; uv; uv = uv->u.open.next) uv->v = fix(uv->v);
  for (CallInfo* ci = L->ci; ci; ci = ci->previous) {
    ci->top = fix(ci->top);
    ci->func = fix(ci->func);
  }
}

// The block that holds thread L's stack (allocStack) and its size in bytes.
struct StackBlock {
  StkId start;
  size_t bytes;
};
StackBlock stackBlock(const lua_State* L) {
  size_t slots = size_t(L->stackSize + kExtraStack) + L->stackShift + L->stackPad;
  return {L->stack - L->stackShift, sizeof(Value) * slots};
}

void reallocStack(lua_State* L, int newSize) {
  StkId oldStack = L->stack;
  size_t oldSlots = size_t(L->stackSize + kExtraStack);
  StackBlock oldBlock = stackBlock(L);
  size_t newSlots = size_t(newSize + kExtraStack);
  auto* fresh = allocStack(L, L, newSlots);
  size_t keep = oldSlots < newSlots ? oldSlots : newSlots;
  std::memcpy(static_cast<void*>(fresh), oldStack, sizeof(Value) * keep);
  for (size_t i = keep; i < newSlots; i++) fresh[i].setNil();
  L->stack = fresh;
  L->stackSize = newSize;
  L->stackLast = fresh + newSize;
  fixStackPointers(L, oldStack);
  gc::freeRaw(G(L), oldBlock.start, oldBlock.bytes);
}

}  // namespace

void freeStack(GlobalState* g, lua_State* L) {
  if (!L->stack) return;
  StackBlock block = stackBlock(L);
  gc::freeRaw(g, block.start, block.bytes);
}

void growStack(lua_State* L, int n) {
  int size = L->stackSize;
  if (size > kMaxStack) {
    // Already using the extra space granted to handle a stack overflow.
    pushFormat(L, msg::kErrorInErrorHandling);
    throwError(L, kErrErr);
  }
  int used = int(L->top - L->stack);
  int needed = used + n;
  if (needed <= kMaxStack) {
    int newSize = 2 * size;
    if (newSize > kMaxStack) newSize = kMaxStack;
    if (newSize < needed) newSize = needed;
    reallocStack(L, newSize);
    return;
  }
  // Grant extra space so the error can be handled, then raise it.
  reallocStack(L, kErrorStackSize);
  runError(L, msg::kStackOverflow);
}

void shrinkStack(lua_State* L) {
  if (L->stackSize > kMaxStack && L->top - L->stack < kMaxStack - kMinStack) reallocStack(L, kMaxStack);
}

void trimThread(lua_State* L) {
  StkId highest = L->top;
  for (CallInfo* ci = L->ci; ci; ci = ci->previous) {
    if (ci->top > highest) highest = ci->top;
  }
  int used = int(highest - L->stack) + 1;
  int wanted = used * 2 > kBasicStackSize ? used * 2 : kBasicStackSize;
  if (wanted < L->stackSize / 2) reallocStack(L, wanted);
  shrinkCallInfo(L);
}

// CallInfo records are carved in order from blocks, the list of a thread's
// records following their addresses (a record is only added at the end of
// the list, and blocks are freed whole), so that consecutive records are
// sizeof(CallInfo) = 104 bytes apart. Allocated one by one, they would be
// 112 bytes apart (mimalloc's size class), a multiple of a Value: a program
// whose frames are 7 slots apart (tak) then had every frame's stack slots at
// the same address as its CallInfo's fields modulo 4096, and each store of
// an argument delayed the loads of the call's record that followed it
// ("4K aliasing": 1.7 times the time, with as many instructions). 104 bytes
// apart, the two drift by 8 bytes a frame.
// A thread's first block is small (most coroutines never call deep), the
// next ones bigger.
constexpr int kFirstCallInfoChunk = 4;
constexpr int kCallInfoChunk = 16;
static_assert(sizeof(CallInfo) % 16 != 0, "records a multiple of 16 bytes apart line up with frames of Values");

namespace {

bool lastOfChunk(const CallInfo* ci) { return ci->chunkIndex + 1 >= ci->chunkSize; }

}  // namespace

CallInfo* newCallInfo(lua_State* L) {
  CallInfo* ci = L->ci;
  CallInfo* fresh;
  if (ci != &L->baseCi && !lastOfChunk(ci)) {
    fresh = ci + 1;
  } else {
    int size = ci == &L->baseCi ? kFirstCallInfoChunk : kCallInfoChunk;
    fresh = static_cast<CallInfo*>(gc::allocRaw(L, sizeof(CallInfo) * size_t(size)));
    for (int i = 0; i < size; i++) {
      fresh[i].chunkIndex = uint8_t(i);
      fresh[i].chunkSize = uint8_t(size);
    }
  }
  fresh->previous = ci;
  fresh->next = nullptr;
  ci->next = fresh;
  return fresh;
}

namespace {

// Frees the blocks of the records from `first` on: `first` is the first
// record of a block, the records carved from a block follow one another in
// the list, and the list goes on with the next block's first record (or ends
// inside the last block).
void freeChunksFrom(GlobalState* g, CallInfo* first) {
  while (first) {
    CallInfo* last = first;
    while (!lastOfChunk(last) && last->next == last + 1) last++;
    CallInfo* next = last->next;
    gc::freeRaw(g, first, sizeof(CallInfo) * first->chunkSize);
    first = next;
  }
}

}  // namespace

void shrinkCallInfo(lua_State* L) {
  // The records after L->ci in its own block stay (the block is in use).
  CallInfo* ci = L->ci;
  if (ci != &L->baseCi) {
    while (ci->next && !lastOfChunk(ci)) ci = ci->next;
  }
  CallInfo* rest = ci->next;
  ci->next = nullptr;
  freeChunksFrom(G(L), rest);
}

void freeCallInfos(GlobalState* g, lua_State* L) {
  freeChunksFrom(g, L->baseCi.next);
  L->baseCi.next = nullptr;
}

Table* globalsTable(lua_State* L) {
  const Value* v = tableGetInt(G(L)->registry.asTable(), kRegistryGlobals);
  return v->asTable();
}

namespace {

// Frees what is left of a state's memory and the global state itself.
void freeGlobalState(GlobalState* g) {
  void* heap = g->heap;
  AllocFunction allocFn = g->allocFn;
  void* allocUd = g->allocUd;
  if (!allocFn) gc::freeLargeBlocks(g);
  g->~GlobalState();
  if (allocFn) {
    allocFn(allocUd, g, sizeof(GlobalState), 0);
  } else {
    ::operator delete(g);
    if (heap) gc::destroyHeap(heap);
  }
}

}  // namespace

lua_State* newState(AllocFunction allocFn, void* allocUd, bool privateHeap) {
  // The global state itself comes from the host's allocator too.
  void* heap = nullptr;
  void* gBlock;
  if (allocFn) {
    gBlock = allocFn(allocUd, nullptr, 0, sizeof(GlobalState));
  } else {
    if (privateHeap) {
      heap = gc::createHeap();
      if (!heap) return nullptr;
    }
    gBlock = ::operator new(sizeof(GlobalState), std::nothrow);
  }
  if (!gBlock) {
    if (heap) gc::destroyHeap(heap);
    return nullptr;
  }
  auto* g = new (gBlock) GlobalState();
  g->heap = heap;
  g->allocFn = allocFn;
  g->allocUd = allocUd;
  // The state's count is what its allocator holds: with the host's, the
  // global state too (as Lua counts it).
  if (allocFn) g->totalBytes = sizeof(GlobalState);
  g->seed = uint64_t(reinterpret_cast<uintptr_t>(g)) ^ uint64_t(std::time(nullptr));
  g->registry.setNil();
  g->nilValue.setNil();
  g->gcStopped = 1;  // no collection until the state is fully built
  // The main thread is not a collectable object in the list: it lives as long
  // as the state does.
  void* block = gc::allocRawNoThrow(g, kThreadPrefix + sizeof(lua_State));
  if (!block) {
    freeGlobalState(g);
    return nullptr;
  }
  std::memset(block, 0, kThreadPrefix + sizeof(lua_State));
  auto* L = reinterpret_cast<lua_State*>(static_cast<char*>(block) + kThreadPrefix);
  L->tag = kTagThread;
  gc::fix(L);
  L->g = g;
  L->nextWithUpvalues = L;  // its upvalues never outlive it: it is never listed
  L->nny = 1;  // the main thread cannot yield
  g->mainThread = L;
  try {
    CatchScope scope(L);  // a memory error here is caught below, not a panic
    initStack(L, L);
    Table* registry = newTable(L, 2, 0);
    g->registry = Value::table(registry);
    tableSetInt(L, registry, kRegistryMainThread, Value::thread(L));
    tableSetInt(L, registry, kRegistryGlobals, Value::table(newTable(L)));
    for (int i = 0; i < TM_N; i++) {
      g->tmNames[i] = newString(L, kTagMethodNames[i]);
      gc::fix(g->tmNames[i]);
    }
    g->memoryErrorMessage = newString(L, msg::kNotEnoughMemory);
    gc::fix(g->memoryErrorMessage);
    auto fixed = [&](const char* text) {
      String* str = newString(L, text);
      gc::fix(str);
      return str;
    };
    g->nameField = fixed("__name");
    g->tostringField = fixed("__tostring");
    g->metatableField = fixed("__metatable");
    g->pairsField = fixed("__pairs");
  } catch (...) {
    closeState(L);
    return nullptr;
  }
  g->gcThreshold = g->totalBytes * 2;  // the first collection when the heap has doubled
  g->gcStopped = 0;
  return L;
}

lua_State* newThread(lua_State* L) {
  auto* thread = static_cast<lua_State*>(gc::newObject(L, kTagThread, sizeof(lua_State), kThreadPrefix));
  clearFields(thread, sizeof(lua_State));
  // The host's extra space starts as a copy of the main thread's (lua_newthread).
  std::memcpy(extraSpace(thread), extraSpace(G(L)->mainThread), kExtraSpace);
  thread->g = G(L);
  thread->nextWithUpvalues = thread;
  // Hook settings are inherited (as lua_newthread does): a hook set from Lua
  // is found per thread by the debug library, so the new thread runs the
  // hook only once one is set for it.
  thread->hook = L->hook;
  thread->hookMask = L->hookMask;
  thread->baseHookCount = L->baseHookCount;
  thread->hookCount = L->baseHookCount;
  initStack(thread, L);  // raw allocations only: no collection can run here
  return thread;
}

void closeState(lua_State* L) {
  GlobalState* g = G(L->g->mainThread);
  L = g->mainThread;
  gc::freeAllObjects(g);
  freeStringTable(g);
  L->ci = &L->baseCi;
  shrinkCallInfo(L);
  freeStack(g, L);
  if (L->tbcSlots) gc::freeRaw(g, L->tbcSlots, sizeof(int) * size_t(L->tbcCapacity));
  gc::freeRaw(g, reinterpret_cast<char*>(L) - kThreadPrefix, kThreadPrefix + sizeof(lua_State));
  gc::freeWorkLists(g);
  freeGlobalState(g);
}

}  // namespace tycho

// The heap verifier (see Heap.hpp): walks everything reachable from the
// roots, checking that each object is a live object of the state, and the
// invariant the write barriers keep (no black object points to a white one
// while the incremental collector marks; no old object to a young one in
// generational mode, except those the next minor collection traverses).
#include <string>
#include <unordered_set>
#include <vector>

#include "gc/Heap.hpp"
#include "runtime/State.hpp"
#include "runtime/Table.hpp"

namespace tycho::gc {

std::string verifyHeap(lua_State* L) {
  GlobalState* g = G(L);
  std::unordered_set<const GCObject*> live;
  for (GCObject* list : {g->allObjects, g->finalizable, g->toBeFinalized}) {
    for (GCObject* o = list; o; o = o->next) live.insert(o);
  }
  live.insert(g->mainThread);
  std::unordered_set<const GCObject*> seen;
  std::vector<const GCObject*> pending;
  std::string problem;
  // The collector's invariant: while the incremental collector marks, no
  // black object points to a white one; in generational mode between
  // collections, likewise for old objects (black), except those that the
  // next minor collection traverses anyway (kAgeOld1, kAgeTouched2).
  // Threads and open upvalues are exempt: stacks change without barriers.
  bool incremental = g->gcState == kGCPropagate;
  bool generational = g->gcKind == kGCGenerational && g->gcState == kGCPause;
  const GCObject* parent = nullptr;  // whose references are being followed
  auto exempt = [&](const GCObject* o) {
    if (!(o->marked & kMarkBlack) || o->tag == kTagThread) return true;
    if (o->tag == kTagUpval && static_cast<const UpVal*>(o)->isOpen()) return true;
    return generational && (ageOf(o) == kAgeOld1 || ageOf(o) == kAgeTouched2);
  };
  auto reach = [&](const GCObject* o, const char* from) {
    if (!o || !problem.empty()) return;
    if (parent && (incremental || generational) && isWhite(o) && !exempt(parent)) {
      problem = std::string("a black ") + from + " points to a white object (a missing write barrier)";
      return;
    }
    if (seen.count(o)) return;
    if (!live.count(o)) {
      problem = std::string("reference from a ") + from + " to an object that is not alive";
      return;
    }
    if (generational && !(o->marked & kMarkFixed)) {
      if ((o->marked & kMarkBlack) && ageOf(o) < kAgeOld0) problem = std::string("a young object is black (from a ") + from + ")";
      if (isWhite(o) && ageOf(o) >= kAgeOld0) problem = std::string("an old object is white (from a ") + from + ")";
    }
    seen.insert(o);
    pending.push_back(o);
  };
  auto reachValue = [&](const Value& v, const char* from) {
    if (v.isCollectable()) reach(v.u.gc, from);
  };
  reachValue(g->registry, "root");
  for (Table* mt : g->typeMetatables) reach(mt, "root");
  reach(g->mainThread, "root");
  for (const GCObject* o = g->toBeFinalized; o; o = o->next) reach(o, "root");
  while (!pending.empty() && problem.empty()) {
    const GCObject* o = pending.back();
    pending.pop_back();
    parent = o;
    switch (o->tag) {
      case kTagShortString: case kTagLongString: break;
      case kTagTable: {
        auto* t = static_cast<const Table*>(o);
        reach(t->metatable, "table");
        for (uint32_t i = 0; i < t->arraySize; i++) reachValue(t->array[i], "table");
        for (uint32_t i = 0, n = t->nodeCapacity(); i < n; i++) {
          const Node& node = t->nodes[i];
          if (node.key.tag == kTagNil || node.key.tag == kTagDeadKey) continue;
          if (node.value.isNil()) continue;
          reachValue(node.key, "table key");
          reachValue(node.value, "table");
        }
        break;
      }
      case kTagLuaClosure: {
        auto* c = static_cast<const LuaClosure*>(o);
        reach(c->proto, "closure");
        for (int i = 0; i < c->numUpvalues; i++) reach(c->upvals[i], "closure");
        break;
      }
      case kTagNativeClosure: {
        auto* c = static_cast<const NativeClosure*>(o);
        for (int i = 0; i < c->numUpvalues; i++) reachValue(c->upvalues[i], "native closure");
        break;
      }
      case kTagUpval: reachValue(*static_cast<const UpVal*>(o)->v, "upvalue"); break;
      case kTagProto: {
        auto* p = static_cast<const Proto*>(o);
        reach(p->source, "prototype");
        for (int i = 0; i < p->numConstants; i++) reachValue(p->constants[i], "prototype");
        for (int i = 0; i < p->numProtos; i++) reach(p->protos[i], "prototype");
        break;
      }
      case kTagUserdata: {
        auto* u = static_cast<const Userdata*>(o);
        reach(u->metatable, "userdata");
        for (int i = 0; i < u->numUserValues; i++) reachValue(u->userValues[i], "userdata");
        break;
      }
      case kTagThread: {
        auto* th = reinterpret_cast<const lua_State*>(o);
        if (!th->stack) break;
        for (const Value* p = th->stack; p < th->top; p++) reachValue(*p, "stack");
        for (UpVal* uv = th->openUpval; uv; uv = uv->u.open.next) reach(uv, "thread");
        break;
      }
      default: problem = "an object with an invalid tag"; break;
    }
  }
  return problem;
}

}  // namespace tycho::gc

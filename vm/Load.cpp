// Load: compile a chunk and close it over the global table (see Load.hpp).
#include "vm/Load.hpp"

#include <new>

#include "compiler/CodeGen.hpp"
#include "compiler/Lexer.hpp"
#include "gc/Heap.hpp"
#include "runtime/Function.hpp"
#include "runtime/String.hpp"
#include "runtime/Table.hpp"
#include "vm/Vm.hpp"

namespace tycho {

int loadSource(lua_State* L, std::string_view source, std::string_view chunkname) {
  ensureStack(L, 2);
  try {
    // The collector stays paused until the new closure is on the stack: the
    // prototypes are reachable from nothing else.
    gc::PauseGuard pause(G(L));
    Proto* p = compileChunk(L, source, chunkname);
    LuaClosure* c = newLuaClosure(L, p->numUpvalues);
    c->proto = p;
    *L->top++ = Value::luaClosure(c);
    for (int i = 0; i < p->numUpvalues; i++) {
      auto* uv = static_cast<UpVal*>(gc::newObject(L, kTagUpval, sizeof(UpVal)));
      uv->tbc = 0;
      uv->u.closed.setNil();
      uv->v = &uv->u.closed;
      c->upvals[i] = uv;
    }
    // The first upvalue of a main chunk is _ENV (§2.2).
    if (p->numUpvalues > 0) *c->upvals[0]->v = Value::table(globalsTable(L));
    return kOk;
  } catch (CompileError& e) {
    String* msg = newString(L, e.message);
    *L->top++ = Value::string(msg);
    return kErrSyntax;
  } catch (LuaException& e) {
    return e.status;  // a memory error, message already pushed
  } catch (std::bad_alloc&) {
    L->top->u.gc = G(L)->memoryErrorMessage;
    L->top->tagWord = kTagShortString;
    L->top++;
    return kErrMem;
  }
}

}  // namespace tycho

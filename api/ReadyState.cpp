#include "api/ReadyState.hpp"

#include "gc/Heap.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Debug.hpp"
#include "vm/Vm.hpp"

namespace tycho::api {

lua_State* newReadyState(const StateOptions& options) {
  lua_State* L = newState(options.allocFn, options.allocUd, options.privateHeap);
  if (!L) return nullptr;
  installErrorHandlerHook(G(L));
  if (!options.generational) gc::setMode(L, gc::kGCIncremental);
  if (options.openLibraries) {
    CatchScope scope(L);
    try {
      lib::openAll(L);
    } catch (...) {
      closeLuaState(L);
      return nullptr;
    }
  }
  return L;
}

}  // namespace tycho::api

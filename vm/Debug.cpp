// Debug: tracebacks, function names and the message-handler hook (see Debug.hpp).
#include "vm/Debug.hpp"
#include "runtime/Messages.hpp"

#include <vector>

#include "runtime/ChunkId.hpp"
#include "runtime/Error.hpp"
#include "runtime/String.hpp"
#include "runtime/Table.hpp"
#include "vm/Coroutine.hpp"
#include "vm/Vm.hpp"

namespace tycho {

namespace {

void callErrorHandler(lua_State* L) {
  if (L->nCcalls >= kMaxCCalls - 1) {
    // The handler keeps failing: give up with Lua's message.
    L->top--;
    pushFormat(L, msg::kErrorInErrorHandling);
    throw LuaException{kErrErr};
  }
  Value handler = *restoreStack(L, L->errorHandler);
  ensureStack(L, 2);
  Value err = L->top[-1];
  L->top[0] = handler;
  L->top[1] = err;
  L->top += 2;
  callNoYield(L, L->top - 2, 1);  // a message handler may not yield
  // The handler's result replaces the error object.
  L->top[-2] = L->top[-1];
  L->top--;
}

}  // namespace

void installErrorHandlerHook(GlobalState* g) {
  g->callErrorHandler = callErrorHandler;
  g->unwindForPanic = unwindForPanic;
}

namespace {

// Levels a long traceback shows before and after the levels it skips.
constexpr int kFirstLevels = 10;
constexpr int kLastLevels = 11;

constexpr std::string_view kGlobalPrefix = "_G.";

// package.loaded, found without allocating (the traceback may describe a
// thread other than the running one): the registry is scanned for the key.
Table* loadedTable(lua_State* L) {
  if (!G(L)->registry.isTable()) return nullptr;
  Value key = Value::nil(), value;
  while (tableNext(L, G(L)->registry.asTable(), &key, &value)) {
    if (key.isString() && view(key.asString()) == kRegistryLoaded) return value.isTable() ? value.asTable() : nullptr;
  }
  return nullptr;
}

// Searches `t` for `fn` under a string key, and `depth - 1` levels of
// tables below it; the name is the dotted path ("string.format").
bool findField(lua_State* L, Table* t, const Value& fn, int depth, std::string* name) {
  Value key = Value::nil(), value;
  while (tableNext(L, t, &key, &value)) {
    if (!key.isString()) continue;
    if (rawEquals(value, fn)) {
      name->assign(view(key.asString()));
      return true;
    }
    if (depth > 1 && value.isTable() && findField(L, value.asTable(), fn, depth - 1, name)) {
      name->insert(0, std::string(view(key.asString())) + ".");
      return true;
    }
  }
  return false;
}

std::string loadedName(lua_State* L, Table* loaded, const Value& fn) {
  std::string name;
  if (loaded) {
    if (!findField(L, loaded, fn, 2, &name)) return "";
  } else {
    if (!findField(L, globalsTable(L), fn, 1, &name)) return "";
    name.insert(0, kGlobalPrefix);
  }
  if (name.compare(0, kGlobalPrefix.size(), kGlobalPrefix) == 0) name.erase(0, kGlobalPrefix.size());
  return name;
}

std::string nameOf(lua_State* L, Table* loaded, const CallInfo* ci) {
  std::string global = loadedName(L, loaded, *ci->func);
  if (!global.empty()) return "function '" + global + "'";
  VarName called = calledName(L, ci);
  if (called.known()) return called.kind + " '" + called.name + "'";
  return "";
}

// One line of a traceback: "src:line: in <name>".
std::string frameLine(lua_State* L, Table* loaded, const CallInfo* ci) {
  std::string name = nameOf(L, loaded, ci);
  std::string line;
  if (ci->isLua()) {
    const Proto* p = ci->func->asLuaClosure()->proto;
    std::string src = p->source ? chunkId(view(p->source)) : "?";
    int current = currentLine(ci);
    line = current > 0 ? src + ":" + std::to_string(current) + ": in " : src + ": in ";
    if (!name.empty()) line += name;
    else if (p->lineDefined == 0) line += "main chunk";
    else line += "function <" + src + ":" + std::to_string(p->lineDefined) + ">";
    if (ci->status & CIST_TAIL) line += "\n\t(...tail calls...)";
  } else {
    line = "[C]: in " + (name.empty() ? std::string("?") : name);
  }
  return line;
}

}  // namespace

std::string loadedFunctionName(lua_State* L, const Value& fn) { return loadedName(L, loadedTable(L), fn); }

VarName calledName(const lua_State* L, const CallInfo* ci) {
  if (ci->status & CIST_TAIL) return {};
  const CallInfo* caller = ci->previous;
  if (!caller || caller == &L->baseCi) return {};
  return callerName(caller);
}

std::string functionName(lua_State* L, const CallInfo* ci) { return nameOf(L, loadedTable(L), ci); }

std::string traceback(lua_State* L1, int level) {
  std::vector<const CallInfo*> levels;
  for (const CallInfo* ci = L1->ci; ci && ci != &L1->baseCi; ci = ci->previous) levels.push_back(ci);
  int count = int(levels.size());
  int last = count - 1;
  Table* loaded = loadedTable(L1);
  std::string out = "stack traceback:";
  if (level < 0) return out;  // no such level: nothing to show
  // A long stack shows its first and last levels. The count of skipped
  // levels is lua5.4's, which is one short of the levels actually left out.
  int toShow = last - level > kFirstLevels + kLastLevels ? kFirstLevels : -1;
  for (int next = level; next < count;) {
    int current = next++;
    if (toShow-- == 0) {
      int skipped = last - next - kLastLevels + 1;
      out += "\n\t...\t(skipping " + std::to_string(skipped) + " levels)";
      next += skipped;
    } else {
      out += "\n\t" + frameLine(L1, loaded, levels[size_t(current)]);
    }
  }
  return out;
}

void pushTraceback(lua_State* L, lua_State* L1, const char* msg, int level) {
  std::string out = msg ? std::string(msg) + "\n" : std::string();
  out += traceback(L1, level);
  ensureStack(L, 1);
  String* s = newString(L, out);
  *L->top++ = Value::string(s);
}

}  // namespace tycho

// Run: running the chunks of the command line (see Run.hpp).
#include "cli/Run.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "cli/Interrupt.hpp"
#include "runtime/Messages.hpp"
#include "runtime/String.hpp"
#include "runtime/Table.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Debug.hpp"
#include "vm/Load.hpp"
#include "vm/Vm.hpp"

namespace tycho::cli {

namespace {

// The process has one command line, so its name is the process's too.
const char* currentProgramName = "tycho";

// The message handler of chunks (lua's msghandler): the message with a
// stack traceback. An error object that is not a string keeps its
// __tostring text without a traceback, or is described by its type.
int messageHandler(lua_State* L) {
  Value msg = lib::arg(L, 1);
  std::string text;
  if (msg.isString()) {
    text.assign(view(msg.asString()));
  } else if (msg.isNumber()) {
    text.assign(view(lib::toStringMeta(L, msg)));
  } else if (Table* mt = metatableOf(L, msg); mt && !tableGetShortString(mt, G(L)->tostringField)->isNil()) {
    lib::toStringMeta(L, msg);
    return 1;
  } else {
    char buf[64];
    std::snprintf(buf, sizeof buf, msg::kErrorObjectIsA, basicTypeName(msg.type()));
    text = buf;
  }
  text += '\n';
  text += traceback(L, 1);
  lib::pushString(L, text);
  return 1;
}

// Pops a value into the global `name` (lua_setglobal).
void setGlobal(lua_State* L, const char* name) {
  ensureStack(L, 1);
  lib::pushString(L, name);
  setTableMeta(L, Value::table(globalsTable(L)), L->top[-1], L->top[-2]);
  L->top -= 2;
}

bool runLoaded(lua_State* L, bool loaded, int nargs) {
  if (!loaded || callProtected(L, nargs, 0) != kOk) {
    reportError(L);
    return false;
  }
  return true;
}

// Pushes the script's arguments: arg[1] .. arg[#arg], read raw, with #arg
// through __len (lua reads them so). Returns their number. Errors unwind
// to the command line's protected call.
int pushScriptArguments(lua_State* L) {
  pushGlobal(L, "arg");
  if (!L->top[-1].isTable()) libError(L, msg::kArgNotTable);
  ptrdiff_t tableOff = saveStack(L, L->top - 1);
  lib::push(L, Value::nil());
  lengthMeta(L, L->top[-2], saveStack(L, L->top - 1));
  Integer n;
  if (!toInteger(L->top[-1], &n)) libError(L, msg::kLengthNotInteger);
  L->top--;
  if (n < 0) n = 0;
  if (n + 3 > kMaxStack - (L->top - L->stack)) libError(L, msg::kTooManyScriptArguments);
  ensureStack(L, int(n) + 3);
  for (Integer i = 1; i <= n; i++) lib::push(L, *tableGetInt(restoreStack(L, tableOff)->asTable(), i));
  // The table's slot goes: the arguments move down over it.
  StkId t = restoreStack(L, tableOff);
  for (StkId p = t; p < L->top - 1; p++) p[0] = p[1];
  L->top--;
  return int(n);
}

}  // namespace

void pushGlobal(lua_State* L, const char* name) {
  ensureStack(L, 2);
  lib::pushString(L, name);
  lib::push(L, Value::nil());
  getTableMeta(L, Value::table(globalsTable(L)), L->top[-2], saveStack(L, L->top - 1));
  L->top[-2] = L->top[-1];
  L->top--;
}

void setProgramName(const char* name) { currentProgramName = name; }

const char* programName() { return currentProgramName; }

void printMessage(std::string_view text) {
  std::fflush(stdout);
  if (currentProgramName) std::fprintf(stderr, "%s: ", currentProgramName);
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fputc('\n', stderr);
  std::fflush(stderr);
}

void reportError(lua_State* L) {
  Value msg = L->top[-1];
  if (msg.isString()) {
    printMessage(view(msg.asString()));
  } else if (msg.isNumber()) {
    printMessage(view(lib::toStringMeta(L, msg)));
    L->top--;
  } else {
    printMessage(msg::kErrorMessageNotString);
  }
  L->top--;
}

int callProtected(lua_State* L, int nargs, int nresults) {
  ptrdiff_t handlerOff = saveStack(L, L->top - nargs - 1);
  ensureStack(L, 1);
  // The handler goes below the function.
  StkId handler = restoreStack(L, handlerOff);
  for (StkId p = L->top; p > handler; p--) p[0] = p[-1];
  *handler = Value::lightFunction(messageHandler);
  L->top++;
  int status;
  {
    InterruptArmed armed(L);
    status = protectedCall(L, handler + 1, nresults, handlerOff);
  }
  handler = restoreStack(L, handlerOff);
  for (StkId p = handler; p < L->top - 1; p++) p[0] = p[1];
  L->top--;
  return status;
}

bool runString(lua_State* L, std::string_view chunk, std::string_view chunkname) {
  return runLoaded(L, loadSource(L, chunk, chunkname) == kOk, 0);
}

bool runFile(lua_State* L, const char* path) { return runLoaded(L, loadFile(L, path) == kOk, 0); }

bool requireModule(lua_State* L, const char* spec) {
  const char* eq = std::strchr(spec, '=');
  const char* module = eq ? eq + 1 : spec;
  // Without a name, the global is the module's name up to a '-' (a version
  // suffix, as package.searchers drop it from luaopen_ names).
  std::string global = eq ? std::string(spec, eq) : std::string(spec, std::strcspn(spec, "-"));
  pushGlobal(L, "require");
  lib::pushString(L, module);
  if (callProtected(L, 1, 1) != kOk) {
    reportError(L);
    return false;
  }
  setGlobal(L, global.c_str());
  return true;
}

bool runScript(lua_State* L, const char* path) {
  if (loadFile(L, path) != kOk) {
    reportError(L);
    return false;
  }
  return runLoaded(L, true, pushScriptArguments(L));
}

bool runInit(lua_State* L) {
  const char* name = "LUA_INIT_5_4";
  const char* init = std::getenv(name);
  if (!init) {
    name = "LUA_INIT";
    init = std::getenv(name);
  }
  if (!init) return true;
  if (init[0] == '@') return runFile(L, init + 1);
  return runString(L, init, std::string("=") + name);
}

void createArgTable(lua_State* L, int argc, char** argv, int script) {
  ensureStack(L, 2);
  Table* args = newTable(L, argc - script > 0 ? argc - script : 0, script + 1);
  lib::push(L, Value::table(args));
  for (int j = 0; j < argc; j++) {
    lib::pushString(L, argv[j]);
    tableSetInt(L, args, Integer(j - script), L->top[-1]);
    L->top--;
  }
  setGlobal(L, "arg");
}

}  // namespace tycho::cli

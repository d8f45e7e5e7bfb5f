// Lib: argument checking and small helpers for library functions.
#include "stdlib/Lib.hpp"
#include "runtime/Messages.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <sys/wait.h>

#include "runtime/Function.hpp"
#include "runtime/Number.hpp"
#include "vm/Debug.hpp"

namespace tycho::lib {

// As luaL_argerror: the function is named as its caller called it, else as
// package.loaded holds it, else by `fname` (the C API passes lua5.4's "?");
// for a method call the object is not counted, and a bad object is "bad
// self". Called with no function running (by a host through the C API),
// there is no function to name.
void argError(lua_State* L, int i, const char* fname, const char* msg) {
  if (L->ci == &L->baseCi) libError(L, msg::kBadArgumentNoFrame, i, msg);
  VarName called = calledName(L, L->ci);
  if (called.kind == "method") {
    i--;
    if (i == 0) libError(L, msg::kBadSelf, called.name.c_str(), msg);
  }
  std::string name = called.known() ? called.name : loadedFunctionName(L, *L->ci->func);
  if (name.empty()) name = fname;
  libError(L, msg::kBadArgument, i, name.c_str(), msg);
}

// As luaL_typeerror: a value is named by the __name of its metatable (of
// any type), then as a light userdata, then by its type.
const char* argTypeName(lua_State* L, const Value& v) {
  if (Table* mt = metatableOf(L, v)) {
    const Value* name = tableGetShortString(mt, G(L)->nameField);
    if (name->isString()) return name->asString()->data();
  }
  return v.isLightUserdata() ? "light userdata" : basicTypeName(v.type());
}

void argTypeError(lua_State* L, int i, const char* fname, const char* expected) {
  argTypeError(L, i, fname, expected, isNone(L, i) ? msg::kNoValue : argTypeName(L, args(L)[i - 1]));
}

void argTypeError(lua_State* L, int i, const char* fname, const char* expected, const char* got) {
  ensureStack(L, 1);
  String* text = pushFormat(L, msg::kTypeExpected, expected, got);
  argError(L, i, fname, text->data());
}

void checkAny(lua_State* L, int i, const char* fname) {
  if (isNone(L, i)) argError(L, i, fname, msg::kArgValueExpected);
}

Table* checkTable(lua_State* L, int i, const char* fname) {
  Value v = arg(L, i);
  if (!v.isTable()) argTypeError(L, i, fname, "table");
  return v.asTable();
}

Integer checkIntegerSlow(lua_State* L, int i, const char* fname) {
  Value v = arg(L, i);
  if (v.isInteger()) return v.u.i;
  Integer out;
  if (toInteger(v, &out)) return out;
  Value n;
  if (toNumber(v, &n)) argError(L, i, fname, msg::kArgNoIntegerRep);
  argTypeError(L, i, fname, "number");
}

Number checkNumberSlow(lua_State* L, int i, const char* fname) {
  Value n;
  if (!toNumber(arg(L, i), &n)) argTypeError(L, i, fname, "number");
  return n.asNumber();
}

String* checkStringSlow(lua_State* L, int i, const char* fname) {
  Value v = arg(L, i);
  if (v.isString()) return v.asString();
  if (v.isNumber()) {
    StkId slot = args(L) + (i - 1);
    numberToStringInPlace(L, slot);
    return args(L)[i - 1].asString();
  }
  argTypeError(L, i, fname, "string");
}

String* optString(lua_State* L, int i, const char* fname, String* def) {
  return isNoneOrNil(L, i) ? def : checkString(L, i, fname);
}

String* toStringMeta(lua_State* L, Value v) {
  ensureStack(L, 2);
  // __tostring first (§6.1 tostring).
  if (Table* mt = metatableOf(L, v)) {
    const Value* f = tableGetShortString(mt, G(L)->tostringField);
    if (!f->isNil()) {
      // __tostring receives the object alone.
      StkId func = L->top;
      func[0] = *f;
      func[1] = v;
      L->top = func + 2;
      call(L, func, 1);
      Value r = L->top[-1];
      if (!r.isString() && !r.isNumber()) libError(L, msg::kTostringNotString);
      numberToStringInPlace(L, &L->top[-1]);
      return L->top[-1].asString();
    }
  }
  char buf[kMaxNumberText + 64];
  switch (v.type()) {
    case kTypeNil: pushString(L, "nil"); break;
    case kTypeBoolean: pushString(L, v.isTrue() ? "true" : "false"); break;
    case kTypeNumber: {
      size_t n = numberToText(v, buf);
      pushString(L, std::string_view(buf, n));
      break;
    }
    case kTypeString: push(L, v); break;
    default: {
      const char* kind = typeNameForMessage(L, v);
      void* p = v.isLightFunction() ? reinterpret_cast<void*>(v.u.f) : v.u.p;
      std::string s = std::string(kind) + ": ";
      std::snprintf(buf, sizeof buf, "%p", p);
      s += buf;
      pushString(L, s);
      break;
    }
  }
  return L->top[-1].asString();
}

bool getSubtable(lua_State* L, Value t, const char* name) {
  ensureStack(L, 3);
  pushString(L, name);
  push(L, Value::nil());
  ptrdiff_t result = saveStack(L, L->top - 1);
  getTableMeta(L, t, L->top[-2], result);
  bool found = L->top[-1].isTable();
  if (!found) {
    L->top[-1] = Value::table(newTable(L));
    setTableMeta(L, t, L->top[-2], L->top[-1]);
  }
  L->top[-2] = L->top[-1];  // the table replaces the key
  L->top--;
  return found;
}

void requireModule(lua_State* L, const char* name, NativeFunction open, bool global) {
  ensureStack(L, 5);
  getSubtable(L, G(L)->registry, kRegistryLoaded);
  ptrdiff_t loaded = saveStack(L, L->top - 1);
  pushString(L, name);
  push(L, Value::nil());
  getTableMeta(L, *restoreStack(L, loaded), L->top[-2], saveStack(L, L->top - 1));
  if (!L->top[-1].isTruthy()) {
    L->top[-1] = Value::lightFunction(open);
    push(L, L->top[-2]);  // the name is the opener's argument
    call(L, L->top - 2, 1);
    setTableMeta(L, *restoreStack(L, loaded), L->top[-2], L->top[-1]);
  }
  // The stack holds _LOADED, the name and the module.
  if (global) setTableMeta(L, Value::table(globalsTable(L)), L->top[-2], L->top[-1]);
  StkId base = restoreStack(L, loaded);
  base[0] = L->top[-1];
  L->top = base + 1;
}

void openAll(lua_State* L) {
  // Lua's order (linit.c).
  static const struct { const char* name; NativeFunction open; } kLibraries[] = {
    {"_G", openBase}, {"package", openPackage}, {"coroutine", openCoroutine},
    {"table", openTable}, {"io", openIo}, {"os", openOs}, {"string", openString},
    {"math", openMath}, {"utf8", openUtf8}, {"debug", openDebug},
  };
  for (const auto& lib : kLibraries) {
    requireModule(L, lib.name, lib.open, true);
    L->top--;
  }
}

int fileResult(lua_State* L, bool ok, const char* name) {
  int err = errno;
  if (ok) {
    push(L, Value::boolean(true));
    return 1;
  }
  push(L, Value::nil());
  const char* reason = err != 0 ? std::strerror(err) : msg::kNoExtraInfo;
  std::string text = name ? std::string(name) + ": " + reason : std::string(reason);
  pushString(L, text);
  push(L, Value::integer(err));
  return 3;
}

int execResult(lua_State* L, int status) {
  if (status != 0 && errno != 0) return fileResult(L, false, nullptr);
  const char* what = "exit";
  if (WIFEXITED(status)) {
    status = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    status = WTERMSIG(status);
    what = "signal";
  }
  push(L, what[0] == 'e' && status == 0 ? Value::boolean(true) : Value::nil());
  pushString(L, what);
  push(L, Value::integer(status));
  return 3;
}

void setFunction(lua_State* L, Table* t, const char* name, NativeFunction f) {
  ensureStack(L, 2);
  *L->top++ = Value::table(t);  // keep t rooted while the key is created
  String* key = newString(L, name);
  tableSet(L, t, Value::string(key), Value::lightFunction(f));
  L->top--;
}

}  // namespace tycho::lib

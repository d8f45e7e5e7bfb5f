// PackageLib: require and the package library of manual §6.3.
//
// require(name) looks in package.loaded, then asks each function of
// package.searchers in turn: the preload table, Lua files along
// package.path, C libraries along package.cpath, and the all-in-one C
// searcher. A searcher returns a loader (and a value passed to it) or a
// string saying why it found nothing; require collects those strings into its
// error message. As in Lua, require and the preload searcher use the
// registry's _LOADED and _PRELOAD tables, which package.loaded and
// package.preload are unless a script replaces them. C libraries are opened
// with dlopen (package.loadlib and the C searchers).
#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "gc/Heap.hpp"
#include "runtime/Function.hpp"
#include "runtime/Messages.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Load.hpp"

namespace tycho::lib {

namespace {

constexpr const char* kDefaultPath =
    "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;"
    "/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;"
    "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;"
    "./?.lua;./?/init.lua";
constexpr const char* kDefaultCPath =
    "/usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;"
    "/usr/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so";

// The package table (upvalue 1 of the searchers and of require).
Table* packageTable(lua_State* L) {
  return L->ci->func->asNativeClosure()->upvalues[0].asTable();
}

Value field(lua_State* L, Table* t, const char* name) {
  String* key = newString(L, name);
  const Value* v = tableGetString(G(L), t, key);
  return v->isNil() ? Value::nil() : *v;
}

void setField(lua_State* L, Table* t, const char* name, const Value& v) {
  ensureStack(L, 2);
  push(L, v);  // rooted while the key is made
  String* key = newString(L, name);
  tableSet(L, t, Value::string(key), v);
  L->top--;
}

bool readable(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "r");
  if (!f) return false;
  std::fclose(f);
  return true;
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
  if (from.empty()) return s;
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
  return s;
}

// package.searchpath's search: the first readable file, or "" with Lua's
// message in *notFound: "no file 'a'\n\tno file 'b'", made from the whole
// path (so an empty path gives "no file ''").
std::string searchPath(const std::string& name, const std::string& path, const std::string& sep,
                       const std::string& rep, std::string* notFound) {
  std::string n = sep.empty() ? name : replaceAll(name, sep, rep);
  std::string full = replaceAll(path, "?", n);
  size_t start = 0;
  while (start < full.size()) {
    size_t end = full.find(';', start);
    if (end == std::string::npos) end = full.size();
    std::string file = full.substr(start, end - start);
    start = end + 1;
    if (file.empty()) continue;
    if (readable(file)) return file;
  }
  *notFound = "no file '" + replaceAll(full, ";", "'\n\tno file '") + "'";
  return "";
}

int pkgSearchpath(lua_State* L) {
  std::string name(view(checkString(L, 1, "searchpath")));
  std::string path(view(checkString(L, 2, "searchpath")));
  String* sepArg = optString(L, 3, "searchpath", nullptr);
  String* repArg = optString(L, 4, "searchpath", nullptr);
  std::string sep = sepArg ? std::string(view(sepArg)) : ".";
  std::string rep = repArg ? std::string(view(repArg)) : "/";
  std::string tried;
  std::string file = searchPath(name, path, sep, rep, &tried);
  if (!file.empty()) {
    pushString(L, file);
    return 1;
  }
  push(L, Value::nil());
  pushString(L, tried);
  return 2;
}

int searcherPreload(lua_State* L) {
  std::string name(view(checkString(L, 1, "searcher")));
  Value preload = field(L, G(L)->registry.asTable(), kRegistryPreload);
  if (!preload.isTable()) libError(L, "'package.preload' must be a table");
  String* key = newString(L, name);
  const Value* loader = tableGetString(G(L), preload.asTable(), key);
  if (loader->isNil()) {
    pushString(L, "\n\tno field package.preload['" + name + "']");
    return 1;
  }
  push(L, *loader);
  pushString(L, ":preload:");
  return 2;
}

int searcherLua(lua_State* L) {
  std::string name(view(checkString(L, 1, "searcher")));
  Value path = field(L, packageTable(L), "path");
  if (!path.isString()) libError(L, "'package.path' must be a string");
  std::string tried;
  std::string file = searchPath(name, std::string(view(path.asString())), ".", "/", &tried);
  if (file.empty()) {
    pushString(L, "\n\t" + tried);
    return 1;
  }
  if (loadFile(L, file.c_str()) != kOk) {
    std::string msg(view(L->top[-1].asString()));
    libError(L, "error loading module '%s' from file '%s':\n\t%s", name.c_str(), file.c_str(), msg.c_str());
  }
  pushString(L, file);
  return 2;
}

// --- C libraries (§6.3 package.loadlib, the C searchers) ---

// The libraries opened so far live in a registry table (as Lua's CLIBS):
// path -> handle, and the handles in opening order at 1..n, which its __gc
// closes, newest first, when the state closes (it was made when the package
// library opened, so it is finalized after the modules' own objects).
constexpr const char* kLibrariesKey = "_CLIBS";

int closeLibraries(lua_State* L) {
  Table* libs = checkTable(L, 1, "__gc");
  for (Integer i = Integer(tableLength(G(L), libs)); i >= 1; i--) {
    const Value* h = tableGetInt(libs, i);
    if (h->isLightUserdata()) dlclose(h->asLightUserdata());
  }
  return 0;
}

Table* librariesTable(lua_State* L) { return field(L, G(L)->registry.asTable(), kLibrariesKey).asTable(); }

void createLibrariesTable(lua_State* L) {
  Table* libs = newTable(L);
  push(L, Value::table(libs));
  Table* mt = newTable(L, 0, 1);
  push(L, Value::table(mt));
  setFunction(L, mt, "__gc", closeLibraries);
  libs->metatable = mt;
  gc::barrierBack(G(L), libs, Value::table(mt));  // making mt may have aged libs
  gc::markFinalizable(L, libs);
  setField(L, G(L)->registry.asTable(), kLibrariesKey, Value::table(libs));
  L->top -= 2;
}

enum class LoadStatus { kOk, kNoLibrary, kNoFunction };

// Opens the library at `path` (once per state) and pushes its function
// `symbol` as a C function, or true when `symbol` is "*" (only load the
// library, its symbols made global); on failure pushes the system's message.
LoadStatus lookForFunction(lua_State* L, const std::string& path, const std::string& symbol) {
  Table* libs = librariesTable(L);
  Value pathKey = Value::string(newString(L, path));
  push(L, pathKey);
  const Value* known = tableGet(G(L), libs, pathKey);
  void* handle = known->isLightUserdata() ? known->asLightUserdata() : nullptr;
  if (!handle) {
    handle = dlopen(path.c_str(), RTLD_NOW | (symbol == "*" ? RTLD_GLOBAL : RTLD_LOCAL));
    if (!handle) {
      L->top--;
      const char* error = dlerror();
      pushString(L, error ? error : "cannot open library");
      return LoadStatus::kNoLibrary;
    }
    tableSet(L, libs, L->top[-1], Value::lightUserdata(handle));
    tableSetInt(L, libs, Integer(tableLength(G(L), libs)) + 1, Value::lightUserdata(handle));
  }
  L->top--;
  if (symbol == "*") {
    push(L, Value::boolean(true));
    return LoadStatus::kOk;
  }
  auto f = reinterpret_cast<NativeFunction>(dlsym(handle, symbol.c_str()));
  if (!f) {
    const char* error = dlerror();
    pushString(L, error ? error : "undefined symbol");
    return LoadStatus::kNoFunction;
  }
  push(L, Value::lightFunction(f));
  return LoadStatus::kOk;
}

// Pushes the open function of module `name` from the library `file`: for
// "a.b-c", luaopen_a_b first (the part before the '-'), then luaopen_c (the
// part after it, the "version" mark of §6.3).
LoadStatus loadOpenFunction(lua_State* L, const std::string& file, const std::string& name) {
  std::string modname = name;
  for (char& ch : modname) {
    if (ch == '.') ch = '_';
  }
  size_t mark = modname.find('-');
  if (mark != std::string::npos) {
    LoadStatus status = lookForFunction(L, file, "luaopen_" + modname.substr(0, mark));
    if (status != LoadStatus::kNoFunction) return status;
    L->top--;
    modname = modname.substr(mark + 1);
  }
  return lookForFunction(L, file, "luaopen_" + modname);
}

// The searcher's result: the loader and the file name, or the error.
int loaderFound(lua_State* L, LoadStatus status, const std::string& name, const std::string& file) {
  if (status != LoadStatus::kOk) {
    libError(L, "error loading module '%s' from file '%s':\n\t%s", name.c_str(), file.c_str(),
             L->top[-1].isString() ? L->top[-1].asString()->data() : "?");
  }
  pushString(L, file);
  return 2;
}

int searcherC(lua_State* L) {
  std::string name(view(checkString(L, 1, "searcher")));
  Value cpath = field(L, packageTable(L), "cpath");
  if (!cpath.isString()) libError(L, "'package.cpath' must be a string");
  std::string tried;
  std::string file = searchPath(name, std::string(view(cpath.asString())), ".", "/", &tried);
  if (file.empty()) {
    pushString(L, "\n\t" + tried);
    return 1;
  }
  return loaderFound(L, loadOpenFunction(L, file, name), name, file);
}

// "a.b.c": the library of "a", which may hold the open function of a.b.c.
int searcherCRoot(lua_State* L) {
  std::string name(view(checkString(L, 1, "searcher")));
  size_t dot = name.find('.');
  if (dot == std::string::npos) return 0;  // only for submodules
  Value cpath = field(L, packageTable(L), "cpath");
  if (!cpath.isString()) libError(L, "'package.cpath' must be a string");
  std::string tried;
  std::string file = searchPath(name.substr(0, dot), std::string(view(cpath.asString())), ".", "/", &tried);
  if (file.empty()) {
    pushString(L, "\n\t" + tried);
    return 1;
  }
  LoadStatus status = loadOpenFunction(L, file, name);
  if (status == LoadStatus::kNoFunction) {
    pushString(L, "no module '" + name + "' in file '" + file + "'");
    return 1;
  }
  return loaderFound(L, status, name, file);
}

int pkgLoadlib(lua_State* L) {
  std::string path(view(checkString(L, 1, "loadlib")));
  std::string symbol(checkString(L, 2, "loadlib")->data());
  LoadStatus status = lookForFunction(L, path, symbol);
  if (status == LoadStatus::kOk) return 1;
  // nil, the message, and where it failed
  push(L, Value::nil());
  Value message = L->top[-2];
  L->top[-2] = L->top[-1];
  L->top[-1] = message;
  pushString(L, status == LoadStatus::kNoLibrary ? "open" : "init");
  return 3;
}

int baseRequire(lua_State* L) {
  std::string name(view(checkString(L, 1, "require")));
  L->top = args(L) + 1;
  // Module names are C strings in Lua: one with a NUL is the name before
  // it for package.loaded, the searchers and the messages (the loader gets
  // the argument as it was).
  Value searchName = args(L)[0];
  if (size_t nul = name.find('\0'); nul != std::string::npos) {
    name.resize(nul);
    searchName = Value::string(newString(L, name));
  }
  Table* pkg = packageTable(L);
  Value loadedValue = field(L, G(L)->registry.asTable(), kRegistryLoaded);
  if (!loadedValue.isTable()) libError(L, "'package.loaded' must be a table");
  Table* loaded = loadedValue.asTable();
  {
    String* key = newString(L, name);
    const Value* v = tableGetString(G(L), loaded, key);
    if (v->isTruthy()) {
      push(L, *v);
      return 1;
    }
  }
  Value searchers = field(L, pkg, "searchers");
  if (!searchers.isTable()) libError(L, "'package.searchers' must be a table");
  push(L, searchers);  // slot 2
  push(L, searchName);  // slot 3
  std::string notFound;
  for (Integer i = 1;; i++) {
    const Value* searcher = tableGetInt(args(L)[1].asTable(), i);
    if (searcher->isNil()) {
      libError(L, "module '%s' not found:%s", name.c_str(), notFound.c_str());
    }
    L->top = args(L) + 3;
    push(L, *searcher);
    push(L, args(L)[2]);
    call(L, L->top - 2, 2);
    StkId r = args(L) + 3;  // loader, extra value
    if (r[0].isFunction()) break;
    if (r[0].isString()) notFound += view(r[0].asString());
  }
  // Call the loader with the name and the extra value.
  StkId r = args(L) + 3;
  Value loader = r[0], extra = r[1];
  L->top = args(L) + 5;
  push(L, loader);
  push(L, args(L)[0]);
  push(L, extra);
  call(L, L->top - 3, 1);
  Value result = L->top[-1];
  String* key = newString(L, name);
  if (!result.isNil()) tableSet(L, loaded, Value::string(key), result);
  const Value* now = tableGetString(G(L), loaded, key);
  if (now->isNil()) {
    tableSet(L, loaded, Value::string(key), Value::boolean(true));
    now = tableGetString(G(L), loaded, key);
  }
  push(L, *now);
  push(L, extra);
  return 2;
}

// LUA_PATH_5_4 / LUA_PATH (and the C variants), with ";;" standing for the
// default path.
std::string pathFromEnvironment(const char* versioned, const char* plain, const char* def) {
  const char* env = std::getenv(versioned);
  if (!env) env = std::getenv(plain);
  if (!env) return def;
  std::string path = env;
  size_t pos = path.find(";;");
  if (pos == std::string::npos) return path;
  std::string before = path.substr(0, pos), after = path.substr(pos + 2);
  std::string middle = def;
  if (!before.empty()) middle = ";" + middle;
  if (!after.empty()) middle += ";";
  return before + middle + after;
}

}  // namespace

int openPackage(lua_State* L) {
  ensureStack(L, 4);
  Table* pkg = newTable(L, 0, 8);
  push(L, Value::table(pkg));
  // Searchers and require see the package table as their upvalue.
  auto closure = [&](NativeFunction f) {
    NativeClosure* c = newNativeClosure(L, f, 1);
    c->upvalues[0] = Value::table(pkg);
    return Value::nativeClosure(c);
  };
  Table* searchers = newTable(L, 4, 0);
  push(L, Value::table(searchers));
  NativeFunction kSearchers[] = {searcherPreload, searcherLua, searcherC, searcherCRoot};
  for (int i = 0; i < 4; i++) {
    Value c = closure(kSearchers[i]);
    tableSetInt(L, searchers, i + 1, c);
  }
  setField(L, pkg, "searchers", Value::table(searchers));
  L->top--;
  // package.loaded and package.preload are the registry's tables, which
  // luaL_requiref or the host may have made before.
  getSubtable(L, G(L)->registry, kRegistryLoaded);
  setField(L, pkg, "loaded", L->top[-1]);
  L->top--;
  getSubtable(L, G(L)->registry, kRegistryPreload);
  setField(L, pkg, "preload", L->top[-1]);
  L->top--;
  createLibrariesTable(L);
  bool ignoreEnvironment = G(L)->ignoreEnvironment;
  std::string path = ignoreEnvironment ? kDefaultPath : pathFromEnvironment("LUA_PATH_5_4", "LUA_PATH", kDefaultPath);
  std::string cpath = ignoreEnvironment ? kDefaultCPath : pathFromEnvironment("LUA_CPATH_5_4", "LUA_CPATH", kDefaultCPath);
  pushString(L, path);
  setField(L, pkg, "path", L->top[-1]);
  L->top--;
  pushString(L, cpath);
  setField(L, pkg, "cpath", L->top[-1]);
  L->top--;
  pushString(L, "/\n;\n?\n!\n-\n");
  setField(L, pkg, "config", L->top[-1]);
  L->top--;
  setFunction(L, pkg, "searchpath", pkgSearchpath);
  setFunction(L, pkg, "loadlib", pkgLoadlib);
  // require is a global of its own (the package library's table is set as
  // the global `package` by whoever requires it, luaL_openlibs).
  setField(L, globalsTable(L), "require", closure(baseRequire));
  return 1;
}

}  // namespace tycho::lib

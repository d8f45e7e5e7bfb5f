// tycho: the command line, compatible with the `lua` command.
//
//   tycho [options] [script [args]]
//     -e stat   execute string 'stat'
//     -i        enter interactive mode after running the script
//     -v        show version information
//     -E        ignore environment variables (LUA_PATH and friends)
//     -W        turn warnings on
//     --        stop handling options
//     -         execute stdin and stop handling options
//   Tycho's own options:
//     --disasm  list the bytecode of the script instead of running it
//     --jit=on|off  choose the execution tier (the JIT is not built yet: only off)
//
// Errors print "tycho: message" and a stack traceback to stderr and exit with
// status 1, as lua does.
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "compiler/CodeGen.hpp"
#include "compiler/Disassembler.hpp"
#include "compiler/Lexer.hpp"
#include "compiler/Parser.hpp"
#include "compiler/Resolver.hpp"
#include "gc/Heap.hpp"
#include "runtime/Messages.hpp"
#include "runtime/State.hpp"
#include "runtime/String.hpp"
#include "runtime/Table.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Debug.hpp"
#include "vm/Load.hpp"
#include "vm/Vm.hpp"

using namespace tycho;

namespace {

const char* progName = "tycho";
constexpr const char* kVersion = "Tycho 0.1.0 (Lua 5.4 compatible)";

// "--memory-limit=" followed by a byte count with an optional K, M or G
// suffix; 0 when malformed.
size_t parseMemoryLimit(const char* text) {
  char* end = nullptr;
  errno = 0;
  unsigned long long n = std::strtoull(text, &end, 10);
  if (!std::isdigit(static_cast<unsigned char>(*text)) || errno != 0) return 0;
  int shift = 0;
  switch (*end) {
    case 'k': case 'K': shift = 10; end++; break;
    case 'm': case 'M': shift = 20; end++; break;
    case 'g': case 'G': shift = 30; end++; break;
    default: break;
  }
  if (*end != '\0' || n > (SIZE_MAX >> shift)) return 0;
  return size_t(n) << shift;
}

void printUsage(const char* badOption) {
  std::fprintf(stderr, "%s: ", progName);
  if (badOption[1] == 'e' || badOption[1] == 'l') std::fprintf(stderr, "'%s' needs argument\n", badOption);
  else std::fprintf(stderr, "unrecognized option '%s'\n", badOption);
  std::fprintf(stderr,
               "usage: %s [options] [script [args]]\n"
               "Available options are:\n"
               "  -e stat   execute string 'stat'\n"
               "  -i        enter interactive mode after executing 'script'\n"
               "  -v        show version information\n"
               "  -E        ignore environment variables\n"
               "  -W        turn warnings on\n"
               "  --        stop handling options\n"
               "  -         stop handling options and execute stdin\n"
               "  --disasm  list the bytecode of 'script' instead of running it\n"
               "  --jit=off run with the interpreter only (the default)\n"
               "  --gc=mode start the collector in 'incremental' or 'generational' mode\n"
               "  --memory-limit=size  allocations past 'size' bytes (suffix K, M or G)\n"
               "            fail with \"not enough memory\"\n",
               progName);
}

// Message handler: adds a traceback to the error message (lua.c's msghandler).
int messageHandler(lua_State* L) {
  Value msg = lib::arg(L, 1);
  std::string text;
  if (msg.isString()) {
    text.assign(view(msg.asString()));
  } else if (msg.isNumber()) {
    text.assign(view(lib::toStringMeta(L, msg)));
  } else if (Table* mt = metatableOf(L, msg); mt && !tableGetShortString(mt, G(L)->tostringField)->isNil()) {
    return 1 + (lib::toStringMeta(L, msg), 0);  // __tostring gives the message, no traceback
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

void reportError(lua_State* L) {
  Value msg = L->top[-1];
  std::string text = msg.isString() ? std::string(view(msg.asString())) : std::string("(error object is not a string)");
  std::fprintf(stderr, "%s: %s\n", progName, text.c_str());
  std::fflush(stderr);
  L->top--;
}

// Calls its first argument with the others and returns all its results.
// Chunks run through it, so that a native level stands below them as lua.c's
// pmain does in lua5.4: tracebacks end in "[C]: in ?" and debug.getinfo
// finds that level.
int hostCall(lua_State* L) {
  call(L, lib::args(L), kMultRet);
  return int(L->top - lib::args(L));
}

// Calls the function on top of the stack (with `nargs` arguments above it)
// under the traceback handler. Returns true on success; `printResults` prints
// what the function returned (the interactive mode).
bool runProtected(lua_State* L, int nargs, bool printResults = false) {
  StkId func = L->top - nargs - 1;
  ptrdiff_t funcOff = saveStack(L, func);
  ensureStack(L, 2);
  func = restoreStack(L, funcOff);
  // Put the handler and hostCall below the function.
  for (StkId p = L->top + 1; p > func + 1; p--) p[0] = p[-2];
  func[0] = Value::lightFunction(messageHandler);
  func[1] = Value::lightFunction(hostCall);
  L->top += 2;
  int status = protectedCall(L, func + 1, kMultRet, saveStack(L, func));
  func = restoreStack(L, funcOff);
  if (status != kOk) {
    *func = L->top[-1];
    L->top = func + 1;
    reportError(L);
    return false;
  }
  if (printResults && L->top > func + 1) {
    for (StkId p = func + 1; p < L->top; p++) {
      ptrdiff_t off = saveStack(L, p);
      String* s = lib::toStringMeta(L, *p);
      if (restoreStack(L, off) > func + 1) std::fputc('\t', stdout);
      std::fwrite(s->data(), 1, s->length(), stdout);
      L->top--;
      p = restoreStack(L, off);
    }
    std::fputc('\n', stdout);
    std::fflush(stdout);
  }
  L->top = func;
  return true;
}

bool runChunk(lua_State* L, const std::string& source, const std::string& chunkname) {
  if (loadSource(L, source, chunkname) != kOk) {
    reportError(L);
    return false;
  }
  return runProtected(L, 0);
}

bool runFile(lua_State* L, const char* path, int nargs) {
  std::string source, error;
  std::string chunkname = path ? std::string("@") + path : std::string("=stdin");
  if (!readChunkFile(path, &source, &error)) {
    L->top -= nargs;
    lib::pushString(L, error);
    reportError(L);
    return false;
  }
  if (loadSource(L, source, chunkname) != kOk) {
    L->top -= nargs;
    Value msg = L->top[-1];
    L->top--;
    lib::push(L, msg);
    reportError(L);
    return false;
  }
  // Move the function below its arguments.
  Value fn = L->top[-1];
  L->top--;
  for (StkId p = L->top; p > L->top - nargs; p--) p[0] = p[-1];
  L->top[-nargs] = fn;
  L->top++;
  return runProtected(L, nargs);
}

bool disassembleFile(const char* path) {
  std::string source, error;
  if (!readChunkFile(path, &source, &error)) {
    std::fprintf(stderr, "%s: %s\n", progName, error.c_str());
    return false;
  }
  std::string chunkname = path ? std::string("@") + path : std::string("=stdin");
  try {
    ast::Chunk chunk = parseChunk(source, chunkname);
    resolveChunk(chunk, chunkname);
    std::unique_ptr<FunctionCode> code = generateCode(chunk, chunkname);
    std::fputs(disassemble(*code).c_str(), stdout);
    return true;
  } catch (CompileError& e) {
    std::fprintf(stderr, "%s: %s\n", progName, e.message.c_str());
    return false;
  }
}

// Reads a line from standard input without its newline; false at the end.
bool readLine(std::string& line) {
  line.clear();
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, stdin)) {
    line += buffer;
    if (!line.empty() && line.back() == '\n') {
      line.pop_back();
      return true;
    }
  }
  return !line.empty();
}

void repl(lua_State* L) {
  std::string line;
  for (;;) {
    std::fputs("> ", stdout);
    std::fflush(stdout);
    if (!readLine(line)) break;
    std::string chunk = line;
    // Try as an expression first, as lua does.
    if (loadSource(L, "return " + chunk, "=stdin") == kOk) {
      runProtected(L, 0, true);
      continue;
    }
    L->top--;
    for (;;) {
      if (loadSource(L, chunk, "=stdin") == kOk) {
        runProtected(L, 0, true);
        break;
      }
      std::string msg(view(L->top[-1].asString()));
      if (msg.size() >= 5 && msg.compare(msg.size() - 5, 5, "<eof>") == 0) {
        L->top--;
        std::fputs(">> ", stdout);
        std::fflush(stdout);
        if (!readLine(line)) return;
        chunk += "\n" + line;
        continue;
      }
      reportError(L);
      break;
    }
  }
  std::fputs("\n", stdout);
}

}  // namespace

int main(int argc, char** argv) {
  if (argv[0] && argv[0][0]) progName = "tycho";
  // First pass: options (as lua.c: everything before the script name).
  bool interactive = false, version = false, disasm = false, warningsOn = false, ignoreEnvironment = false;
  bool tinySteps = false;
  const char* gcMode = nullptr;
  size_t memoryLimit = 0;
  int scriptIndex = 0;
  std::vector<std::pair<char, const char*>> actions;  // -e chunks in order
  int i = 1;
  for (; i < argc; i++) {
    const char* a = argv[i];
    if (a[0] != '-') break;
    if (std::strcmp(a, "--") == 0) {
      i++;
      break;
    }
    if (std::strcmp(a, "-") == 0) break;
    if (std::strcmp(a, "--disasm") == 0) {
      disasm = true;
    } else if (std::strcmp(a, "--jit=off") == 0) {
      // The interpreter is the only tier so far.
    } else if (std::strcmp(a, "--jit=on") == 0) {
      std::fprintf(stderr, "%s: the JIT tier is not built yet\n", progName);
      return 1;
    } else if (std::strcmp(a, "-i") == 0) {
      interactive = version = true;
    } else if (std::strcmp(a, "-v") == 0) {
      version = true;
    } else if (std::strcmp(a, "--gc-tiny-steps") == 0) {
      // For tests: collection cycles that never stop, one object per step,
      // so that marking interleaves with every part of the program.
      tinySteps = true;
    } else if (std::strcmp(a, "--gc=incremental") == 0 || std::strcmp(a, "--gc=generational") == 0) {
      // The collector's mode from the start (as collectgarbage(mode) would set it).
      gcMode = a + 5;
    } else if (std::strncmp(a, "--memory-limit=", 15) == 0) {
      // The state's memory limit (gc/Memory.cpp): past it, allocations fail
      // with a Lua error, after an emergency collection.
      memoryLimit = parseMemoryLimit(a + 15);
      if (memoryLimit == 0) {
        std::fprintf(stderr, "%s: bad memory limit '%s' (a number of bytes, with K, M or G)\n", progName, a + 15);
        return 1;
      }
    } else if (std::strcmp(a, "-W") == 0) {
      warningsOn = true;
    } else if (std::strcmp(a, "-E") == 0) {
      ignoreEnvironment = true;
    } else if (a[1] == 'e' || a[1] == 'l') {
      const char* value = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : nullptr);
      if (!value) {
        printUsage(a);
        return 1;
      }
      actions.push_back({a[1], value});
    } else {
      printUsage(a);
      return 1;
    }
  }
  if (i < argc) scriptIndex = i;

  if (disasm) {
    if (!scriptIndex) {
      std::fprintf(stderr, "%s: --disasm needs a script\n", progName);
      return 1;
    }
    return disassembleFile(std::strcmp(argv[scriptIndex], "-") == 0 ? nullptr : argv[scriptIndex]) ? 0 : 1;
  }

  lua_State* L = newState();
  if (!L) {
    std::fprintf(stderr, "%s: cannot create state: not enough memory\n", progName);
    return 1;
  }
  installErrorHandlerHook(G(L));
  // TYCHO_GC_STATS=1: the collector's statistics at exit (pauses also in CPU time).
  const char* gcStats = ignoreEnvironment ? nullptr : std::getenv("TYCHO_GC_STATS");
  G(L)->gcTimeCpu = gcStats && *gcStats;
  G(L)->warningsOn = warningsOn;
  G(L)->ignoreEnvironment = ignoreEnvironment;
  G(L)->memoryLimit = memoryLimit;
  if (gcMode) gc::setMode(L, std::strcmp(gcMode, "incremental") == 0 ? gc::kGCIncremental : gc::kGCGenerational);
  if (tinySteps) {
    // Incrementally, cycles that never stop, one object per step;
    // generationally, a minor collection at every allocation and a major one
    // (itself in small steps) after every 64 of them.
    G(L)->gcTinySteps = true;
    G(L)->gcStepSize = 1;
    G(L)->gcStepMul = 1;
    G(L)->gcMinThreshold = 0;
    G(L)->gcThreshold = 0;
  }
  int status = 0;
  try {
    lib::openAll(L);
    // The arg table: script at 0, its arguments at 1.., the interpreter and
    // options at negative indices.
    {
      int base = scriptIndex;  // 0 without a script: arg[0] is then the interpreter
      Table* argTable = newTable(L, argc - base > 0 ? argc - base : 0, base + 1);
      lib::push(L, Value::table(argTable));
      for (int j = 0; j < argc; j++) {
        String* s = newString(L, argv[j]);
        tableSetInt(L, argTable, Integer(j - base), Value::string(s));
      }
      String* key = newString(L, "arg");
      tableSet(L, globalsTable(L), Value::string(key), Value::table(argTable));
      L->top--;
    }
    if (version) std::printf("%s\n", kVersion);
    bool ok = true;
    for (auto& [kind, value] : actions) {
      if (kind == 'e') {
        ok = runChunk(L, value, "=(command line)");
      } else {
        lib::pushString(L, std::string("module loading (-l ") + value + ") is not supported yet");
        reportError(L);
        ok = false;
      }
      if (!ok) break;
    }
    if (ok && scriptIndex) {
      const char* script = argv[scriptIndex];
      int nargs = 0;
      for (int j = scriptIndex + 1; j < argc; j++, nargs++) {
        ensureStack(L, 1);
        lib::pushString(L, argv[j]);
      }
      ok = runFile(L, std::strcmp(script, "-") == 0 ? nullptr : script, nargs);
    } else if (ok && !interactive && actions.empty() && !version) {
      if (isatty(0)) {
        std::printf("%s\n", kVersion);
        repl(L);
      } else {
        ok = runFile(L, nullptr, 0);
      }
    }
    if (ok && interactive) repl(L);
    status = ok ? 0 : 1;
  } catch (LuaException&) {
    reportError(L);
    status = 1;
  }
  std::fflush(stdout);
  if (gcStats && *gcStats) {
    std::fprintf(stderr, "gc: %llu cycles, %llu minor collections, longest pause %.3f ms (CPU time %.3f ms), %zu KB in use\n",
                 static_cast<unsigned long long>(G(L)->gcCycles), static_cast<unsigned long long>(G(L)->gcMinorCycles),
                 double(G(L)->gcLongestPauseNs) / 1e6, double(G(L)->gcLongestPauseCpuNs) / 1e6, G(L)->totalBytes / 1024);
  }
  closeLuaState(L);
  return status;
}

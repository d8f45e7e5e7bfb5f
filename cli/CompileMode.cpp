// CompileMode: `tycho -c` and `tycho --disasm` (see CompileMode.hpp).
//
// Both work on prototypes loaded into a bare Lua state (no libraries): a
// source file is compiled, a binary chunk loaded and verified, the same way
// `load` does it, so that what is listed or written is exactly what would
// run.
#include "cli/CompileMode.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli/Options.hpp"
#include "cli/Run.hpp"
#include "compiler/CodeGen.hpp"
#include "compiler/Disassembler.hpp"
#include "compiler/Dump.hpp"
#include "compiler/Verify.hpp"
#include "gc/Heap.hpp"
#include "runtime/Function.hpp"
#include "runtime/String.hpp"
#include "vm/Load.hpp"
#include "vm/Vm.hpp"

namespace tycho::cli {

namespace {

constexpr const char* kDefaultOutput = "luac.out";
// The source name of the main function that runs several files.
constexpr const char* kCombinedChunkName = "=(tycho -c)";

// luac's usage, with the program's name and -c.
int usageError(const std::string& message) {
  printMessage(message);
  std::fprintf(stderr, "usage: %s -c [options] [filenames]\nAvailable options are:\n%s", programName(),
               kCompileOptionLines);
  std::fflush(stderr);
  return 1;
}

// A bare state for loading chunks, closed on every path out.
class LoadingState {
 public:
  LoadingState() : L_(newState()) {}
  ~LoadingState() {
    if (L_) closeLuaState(L_);
  }
  lua_State* get() const { return L_; }

 private:
  lua_State* L_;
};

// Pushes the main closure of the chunk file `path` ("-" or null: stdin);
// false after reporting the error.
bool loadChunkFile(lua_State* L, const char* path) {
  if (path && std::strcmp(path, "-") == 0) path = nullptr;
  std::string source, error;
  if (!readChunkFile(path, &source, &error)) {
    printMessage(error);
    return false;
  }
  if (loadSource(L, source, path ? std::string("@") + path : std::string("=stdin")) != kOk) {
    reportError(L);
    return false;
  }
  return true;
}

// One main function that runs the n closures on top of the stack in order
// (each called without arguments, its results dropped). Their main
// functions become its nested functions, their upvalues its own (the first
// is _ENV; a loaded chunk may have more, which start as nil, as they would
// when each file is loaded alone). The caller pauses the collector.
Proto* combine(lua_State* L, int n) {
  std::vector<Proto*> parts;
  for (StkId p = L->top - n; p < L->top; p++) parts.push_back(p->asLuaClosure()->proto);
  FunctionCode main;
  main.isVararg = true;
  main.maxStack = 1;
  main.code.push_back(makeAx(OP_VARARGPREP, 0));
  int numUpvalues = 1;
  for (int i = 0; i < n; i++) {
    main.code.push_back(makeAx(OP_CLOSURE, uint32_t(i)));
    main.code.push_back(makeAB(OP_CALL, 0, 1));
    if (parts[i]->numUpvalues > numUpvalues) numUpvalues = parts[i]->numUpvalues;
  }
  main.code.push_back(makeNone(OP_RETURN0));
  for (int j = 0; j < numUpvalues; j++) {
    main.upvalues.push_back({j == 0 ? "_ENV" : "", true, j, 0});
  }
  Proto* p = materialize(L, main, newString(L, kCombinedChunkName));
  p->protos = static_cast<Proto**>(gc::allocRaw(L, sizeof(Proto*) * size_t(n)));
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < parts[i]->numUpvalues; j++) {
      parts[i]->upvalues[j].inStack = false;
      parts[i]->upvalues[j].index = uint16_t(j);
    }
    p->protos[i] = parts[i];
    p->numProtos = i + 1;
  }
  return p;
}

bool writeChunk(const std::string& chunk, const char* output) {
  bool toStdout = std::strcmp(output, "-") == 0;
  FILE* f = toStdout ? stdout : std::fopen(output, "wb");
  if (!f) {
    printMessage(std::string("cannot open ") + output + ": " + std::strerror(errno));
    return false;
  }
  bool ok = std::fwrite(chunk.data(), 1, chunk.size(), f) == chunk.size();
  ok = (toStdout ? std::fflush(f) : std::fclose(f)) == 0 && ok;
  if (!ok) printMessage(std::string("cannot write ") + output + ": " + std::strerror(errno));
  return ok;
}

}  // namespace

const char* const kCompileOptionLines =
    "  -l       list (use -l -l for full listing)\n"
    "  -o name  output to file 'name' (default is \"luac.out\")\n"
    "  -p       parse only\n"
    "  -s       strip debug information\n"
    "  -v       show version information\n"
    "  --       stop handling options\n"
    "  -        stop handling options and process stdin\n";

int runCompiler(int argc, char** argv) {
  int listing = 0;
  bool parseOnly = false, strip = false, version = false;
  const char* output = kDefaultOutput;
  int i = 2;
  for (; i < argc; i++) {
    const char* a = argv[i];
    if (a[0] != '-' || a[1] == '\0') break;  // a file, or "-": stdin
    if (std::strcmp(a, "--") == 0) {
      i++;
      break;
    }
    if (std::strcmp(a, "-l") == 0) {
      listing++;
    } else if (std::strcmp(a, "-o") == 0) {
      // The name may be "-" (stdout) but no other option-like word.
      const char* name = i + 1 < argc ? argv[i + 1] : nullptr;
      if (!name || name[0] == '\0' || (name[0] == '-' && name[1] != '\0')) return usageError("'-o' needs argument");
      output = argv[++i];
    } else if (std::strcmp(a, "-p") == 0) {
      parseOnly = true;
    } else if (std::strcmp(a, "-s") == 0) {
      strip = true;
    } else if (std::strcmp(a, "-v") == 0) {
      version = true;
    } else {
      return usageError(std::string("unrecognized option '") + a + "'");
    }
  }
  if (version) {
    std::printf("%s\n", versionLine());
    std::fflush(stdout);
    if (i == argc) return 0;
  }
  if (i == argc) return usageError("no input files given");

  LoadingState state;
  lua_State* L = state.get();
  if (!L) {
    printMessage("cannot create state: not enough memory");
    return 1;
  }
  int n = argc - i;
  CatchScope scope(L);
  try {
    ensureStack(L, n + 1);
    for (int j = i; j < argc; j++) {
      if (!loadChunkFile(L, argv[j])) return 1;
    }
    gc::PauseGuard pause(G(L));
    const Proto* p = n == 1 ? L->top[-1].asLuaClosure()->proto : combine(L, n);
    if (std::string problem = verifyFunction(p); !problem.empty()) {
      printMessage("internal error: the combined chunk does not verify: " + problem);
      return 1;
    }
    if (listing) {
      std::fputs(disassemble(*p, listing > 1 ? ListingDetail::kFull : ListingDetail::kInstructions).c_str(), stdout);
      std::fflush(stdout);
    }
    if (!parseOnly && !writeChunk(dumpFunction(p, strip), output)) return 1;
  } catch (LuaException&) {
    reportError(L);  // not enough memory
    return 1;
  }
  return 0;
}

int runDisassembler(const char* path) {
  LoadingState state;
  lua_State* L = state.get();
  if (!L) {
    printMessage("cannot create state: not enough memory");
    return 1;
  }
  CatchScope scope(L);
  try {
    if (!loadChunkFile(L, path ? path : "-")) return 1;
    std::fputs(disassemble(*L->top[-1].asLuaClosure()->proto).c_str(), stdout);
    std::fflush(stdout);
  } catch (LuaException&) {
    reportError(L);
    return 1;
  }
  return 0;
}

}  // namespace tycho::cli

// tycho: the command line, compatible with the `lua` command (manual §7).
//
//   tycho [options] [script [args]]     run (Options.hpp lists the options)
//   tycho -c [options] [filenames]      compile, as luac (CompileMode.hpp)
//
// The order of actions is lua's: the whole command line is read first (a bad
// option runs nothing); then -v prints the version; LUA_INIT_5_4 or
// LUA_INIT runs (not under -E); -e, -l and -W act in the order given; the
// script runs with its arguments; -i enters the interactive mode. Without a
// script, -e or -v, standard input is run: as a file, or interactively when
// it is a terminal. The first error ends the process with status 1 after a
// message "tycho: ..." on stderr (with a stack traceback when a chunk
// raised it).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "api/ReadyState.hpp"
#include "cli/CompileMode.hpp"
#include "cli/Options.hpp"
#include "cli/Repl.hpp"
#include "cli/Run.hpp"
#include "gc/Heap.hpp"
#include "runtime/State.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Debug.hpp"
#include "vm/Vm.hpp"

using namespace tycho;
using namespace tycho::cli;

namespace {

struct CommandLine {
  int argc;
  char** argv;
  const Options* options;
  bool ok;  // every action succeeded
};

void printVersion() {
  std::printf("%s\n", versionLine());
  std::fflush(stdout);
}

bool runActions(lua_State* L, const CommandLine& c) {
  const Options& o = *c.options;
  if (o.version) printVersion();
  if (!o.ignoreEnvironment && !runInit(L)) return false;
  for (const Options::Action& action : o.actions) {
    switch (action.option) {
      case 'e':
        if (!runString(L, action.value, "=(command line)")) return false;
        break;
      case 'l':
        if (!requireModule(L, action.value)) return false;
        break;
      case 'W':
        G(L)->warningsOn = true;
        break;
    }
  }
  if (o.script) {
    const char* script = c.argv[o.script];
    if (!runScript(L, std::strcmp(script, "-") == 0 ? nullptr : script)) return false;
  }
  if (o.interactive) {
    runInteractive(L);
  } else if (!o.script && !o.executeGiven && !o.version) {
    if (isatty(STDIN_FILENO)) {
      printVersion();
      runInteractive(L);
    } else if (!runFile(L, nullptr)) {
      return false;
    }
  }
  return true;
}

// Everything after the options, in one protected call (see Run.hpp): its
// argument is the CommandLine.
int runCommandLine(lua_State* L) {
  auto* c = static_cast<CommandLine*>(lib::arg(L, 1).asLightUserdata());
  L->top = lib::args(L);
  lib::openAll(L);
  createArgTable(L, c->argc, c->argv, c->options->script);
  c->ok = runActions(L, *c);
  return 0;
}

void configureState(lua_State* L, const Options& o, bool gcStats) {
  G(L)->gcTimeCpu = gcStats;
  G(L)->ignoreEnvironment = o.ignoreEnvironment;
  G(L)->memoryLimit = o.memoryLimit;
  if (o.gcMode) gc::setMode(L, std::strcmp(o.gcMode, "incremental") == 0 ? gc::kGCIncremental : gc::kGCGenerational);
  if (o.gcTinySteps) {
    // Incrementally, cycles that never stop, one object per step;
    // generationally, a minor collection at every allocation and a major one
    // (itself in small steps) after every 64 of them.
    G(L)->gcTinySteps = true;
    G(L)->gcStepSize = 1;
    G(L)->gcStepMul = 1;
    G(L)->gcMinThreshold = 0;
    G(L)->gcThreshold = 0;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argv[0] && argv[0][0]) setProgramName(argv[0]);
  if (argc > 1 && std::strcmp(argv[1], "-c") == 0) return runCompiler(argc, argv);
  Options options;
  if (!parseOptions(argc, argv, &options)) return 1;
  if (options.help) {
    printUsage(stdout);
    return 0;
  }
  if (options.disassemble) {
    if (!options.script) {
      printMessage("--disasm needs a script");
      return 1;
    }
    const char* script = argv[options.script];
    return runDisassembler(std::strcmp(script, "-") == 0 ? nullptr : script);
  }

  // The libraries are opened in the protected call below, after the options
  // that change what they see (-E).
  lua_State* L = api::newReadyState({.openLibraries = false});
  if (!L) {
    printMessage("cannot create state: not enough memory");
    return 1;
  }
  // TYCHO_GC_STATS=1: the collector's statistics at exit (pauses also in CPU time).
  const char* gcStats = options.ignoreEnvironment ? nullptr : std::getenv("TYCHO_GC_STATS");
  bool showGcStats = gcStats && *gcStats;
  configureState(L, options, showGcStats);
  CommandLine command{argc, argv, &options, false};
  ensureStack(L, 2);
  *L->top++ = Value::lightFunction(runCommandLine);
  *L->top++ = Value::lightUserdata(&command);
  int status = protectedCall(L, L->top - 2, 0);
  if (status != kOk) reportError(L);
  std::fflush(stdout);
  if (showGcStats) {
    std::fprintf(stderr, "gc: %llu cycles, %llu minor collections, longest pause %.3f ms (CPU time %.3f ms), %zu KB in use\n",
                 static_cast<unsigned long long>(G(L)->gcCycles), static_cast<unsigned long long>(G(L)->gcMinorCycles),
                 double(G(L)->gcLongestPauseNs) / 1e6, double(G(L)->gcLongestPauseCpuNs) / 1e6, G(L)->totalBytes / 1024);
  }
  closeLuaState(L);
  return status == kOk && command.ok ? 0 : 1;
}

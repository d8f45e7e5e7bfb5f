// Options: the command line of `tycho`, read as `lua` reads its own (manual
// §7), before anything runs.
//
//   tycho [options] [script [args]]
//
// Options end at the first argument that is not one (the script, whose
// arguments follow it), at "--", or at "-" (the script is then standard
// input). A malformed option stops everything with lua's usage message: no
// chunk runs. The actions -e, -l and -W run later in the order given, so
// they are kept as one list. Tycho's own options are long ones ("--name")
// and may sit anywhere among lua's.
//
// `tycho -c ...` (first argument only) is the compiler, with luac's options:
// see CompileMode.hpp.
#pragma once

#include <cstddef>
#include <cstdio>
#include <vector>

namespace tycho::cli {

struct Options {
  // One of -e stat, -l mod / -l g=mod, -W, in command-line order.
  struct Action {
    char option;        // 'e', 'l' or 'W'
    const char* value;  // the chunk or the module; null for -W
  };
  std::vector<Action> actions;
  bool interactive = false;        // -i
  bool version = false;            // -v (and -i)
  bool executeGiven = false;       // some -e: no standard input as a script
  bool ignoreEnvironment = false;  // -E
  int script = 0;                  // index in argv of the script ("-": stdin); 0 when none

  // Tycho's own options.
  bool help = false;               // --help
  bool disassemble = false;        // --disasm
  bool gcTinySteps = false;        // --gc-tiny-steps
  const char* gcMode = nullptr;    // --gc=incremental|generational
  size_t memoryLimit = 0;          // --memory-limit=size (0: none)
};

// Reads argv into *options. On a malformed command line, prints lua's
// message and the usage to stderr and returns false.
bool parseOptions(int argc, char** argv, Options* options);

// The usage text (lua's, then Tycho's own options and the compiler's).
void printUsage(FILE* to);

// The line printed by -v and at the start of the interactive mode.
const char* versionLine();

}  // namespace tycho::cli

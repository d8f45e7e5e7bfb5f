// Options: reading the command line (see Options.hpp).
#include "cli/Options.hpp"

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "cli/CompileMode.hpp"
#include "cli/Run.hpp"

#ifndef TYCHO_VERSION
#define TYCHO_VERSION "0"
#endif

namespace tycho::cli {

namespace {

// lua's usage lines first, character for character (scripts and people
// know them), then what Tycho adds.
constexpr const char* kUsage =
    "usage: %s [options] [script [args]]\n"
    "Available options are:\n"
    "  -e stat   execute string 'stat'\n"
    "  -i        enter interactive mode after executing 'script'\n"
    "  -l mod    require library 'mod' into global 'mod'\n"
    "  -l g=mod  require library 'mod' into global 'g'\n"
    "  -v        show version information\n"
    "  -E        ignore environment variables\n"
    "  -W        turn warnings on\n"
    "  --        stop handling options\n"
    "  -         stop handling options and execute stdin\n"
    "Tycho's own options:\n"
    "  --disasm  list the bytecode of 'script' (source or binary) instead of running it\n"
    "  --jit=off run with the interpreter only (the default)\n"
    "  --gc=mode start the collector in 'incremental' or 'generational' mode\n"
    "  --memory-limit=size  allocations past 'size' bytes (suffix K, M or G)\n"
    "            fail with \"not enough memory\"\n"
    "  --help    show this text\n"
    "Compiling to a binary chunk, as luac does (-c comes first):\n"
    "       %s -c [options] [filenames]\n";

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

// lua's complaint about an option, then the usage.
bool usageError(const std::string& message) {
  printMessage(message);
  printUsage(stderr);
  return false;
}

bool unrecognized(const char* option) { return usageError(std::string("unrecognized option '") + option + "'"); }

enum class LongOption { kRead, kUnknown, kBad };

// Tycho's options ("--name..."). kBad after reporting a bad value.
LongOption parseLongOption(const char* a, Options* o) {
  if (std::strcmp(a, "--disasm") == 0) {
    o->disassemble = true;
  } else if (std::strcmp(a, "--jit=off") == 0) {
    // The interpreter is the only tier so far.
  } else if (std::strcmp(a, "--jit=on") == 0) {
    printMessage("the JIT tier is not built yet");
    return LongOption::kBad;
  } else if (std::strcmp(a, "--help") == 0) {
    o->help = true;
  } else if (std::strcmp(a, "--gc-tiny-steps") == 0) {
    // For tests: collection cycles that never stop, one object per step,
    // so that marking interleaves with every part of the program.
    o->gcTinySteps = true;
  } else if (std::strcmp(a, "--gc=incremental") == 0 || std::strcmp(a, "--gc=generational") == 0) {
    o->gcMode = a + 5;
  } else if (std::strncmp(a, "--memory-limit=", 15) == 0) {
    o->memoryLimit = parseMemoryLimit(a + 15);
    if (o->memoryLimit == 0) {
      printMessage(std::string("bad memory limit '") + (a + 15) + "' (a number of bytes, with K, M or G)");
      return LongOption::kBad;
    }
  } else {
    return LongOption::kUnknown;
  }
  return LongOption::kRead;
}

}  // namespace

bool parseOptions(int argc, char** argv, Options* o) {
  int i = 1;
  for (; i < argc; i++) {
    const char* a = argv[i];
    if (a[0] != '-') break;          // the script
    if (a[1] == '\0') break;         // "-": standard input is the script
    if (std::strcmp(a, "--") == 0) {
      i++;
      break;
    }
    if (a[1] == '-') {
      LongOption read = parseLongOption(a, o);
      if (read == LongOption::kBad) return false;
      if (read == LongOption::kUnknown) return unrecognized(a);
      continue;
    }
    switch (a[1]) {
      case 'i':
      case 'v':
      case 'E':
      case 'W':
        // Flags stand alone: "-iv" is not -i -v.
        if (a[2] != '\0') return unrecognized(a);
        if (a[1] == 'i') o->interactive = o->version = true;
        if (a[1] == 'v') o->version = true;
        if (a[1] == 'E') o->ignoreEnvironment = true;
        if (a[1] == 'W') o->actions.push_back({'W', nullptr});
        break;
      case 'e':
      case 'l': {
        // The value is the rest of the option or the next argument, which
        // may not look like an option.
        const char* value = a + 2;
        if (*value == '\0') {
          if (i + 1 >= argc || argv[i + 1][0] == '-') return usageError(std::string("'") + a + "' needs argument");
          value = argv[++i];
        }
        o->actions.push_back({a[1], value});
        if (a[1] == 'e') o->executeGiven = true;
        break;
      }
      default:
        return unrecognized(a);
    }
  }
  o->script = i < argc ? i : 0;
  return true;
}

void printUsage(FILE* to) {
  const char* name = programName() ? programName() : "tycho";
  std::fprintf(to, kUsage, name, name);
  std::fputs(kCompileOptionLines, to);
  std::fflush(to);
}

const char* versionLine() {
  return "Tycho " TYCHO_VERSION " (Lua 5.4)  Lua: Copyright (C) 1994-2025 Lua.org, PUC-Rio";
}

}  // namespace tycho::cli

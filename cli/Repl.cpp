// Repl: the interactive mode (see Repl.hpp).
#include "cli/Repl.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#if TYCHO_HAVE_LIBEDIT
#include <dlfcn.h>
#include <editline/readline.h>
#endif

#include "cli/Run.hpp"
#include "runtime/Messages.hpp"
#include "runtime/String.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Load.hpp"
#include "vm/Vm.hpp"

namespace tycho::cli {

namespace {

constexpr const char* kChunkName = "=stdin";

#if TYCHO_HAVE_LIBEDIT
// The functions of libedit that the interactive mode uses, from the library
// opened when it is first needed (cli/CMakeLists.txt says why); null when
// it cannot be opened.
struct Editline {
  decltype(&::readline) readline = nullptr;
  decltype(&::add_history) addHistory = nullptr;

  static const Editline* open() {
    static const Editline editline = [] {
      Editline e;
      void* library = dlopen(TYCHO_LIBEDIT_SONAME, RTLD_NOW | RTLD_LOCAL);
      if (!library) return e;
      auto usingHistory = reinterpret_cast<decltype(&::using_history)>(dlsym(library, "using_history"));
      e.readline = reinterpret_cast<decltype(&::readline)>(dlsym(library, "readline"));
      e.addHistory = reinterpret_cast<decltype(&::add_history)>(dlsym(library, "add_history"));
      if (!usingHistory || !e.readline || !e.addHistory) return Editline();
      usingHistory();
      return e;
    }();
    return editline.readline ? &editline : nullptr;
  }
};
#endif

// Lines from standard input: through libedit at a terminal (when there is
// one), else plain reads after writing the prompt to stdout.
class LineReader {
 public:
  LineReader() {
#if TYCHO_HAVE_LIBEDIT
    if (isatty(STDIN_FILENO)) editline_ = Editline::open();
#endif
  }

  // Reads a line without its newline; false at the end of the input.
  bool read(const std::string& prompt, std::string* line) {
#if TYCHO_HAVE_LIBEDIT
    if (editline_) {
      char* text = editline_->readline(prompt.c_str());
      if (!text) return false;
      line->assign(text);
      std::free(text);
      return true;
    }
#endif
    std::fwrite(prompt.data(), 1, prompt.size(), stdout);
    std::fflush(stdout);
    line->clear();
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, stdin)) {
      line->append(buffer);
      if (line->back() == '\n') {
        line->pop_back();
        return true;
      }
    }
    return !line->empty();  // a last line without a newline
  }

  // Adds a chunk (all its lines) to the history.
  void remember(const std::string& chunk) {
#if TYCHO_HAVE_LIBEDIT
    if (editline_ && !chunk.empty()) editline_->addHistory(chunk.c_str());
#else
    (void)chunk;
#endif
  }

 private:
#if TYCHO_HAVE_LIBEDIT
  const Editline* editline_ = nullptr;
#endif
};

// _PROMPT (first line of a chunk) or _PROMPT2 (the lines that continue it)
// as tostring converts it, or the default.
std::string prompt(lua_State* L, bool firstLine) {
  pushGlobal(L, firstLine ? "_PROMPT" : "_PROMPT2");
  std::string text = firstLine ? "> " : ">> ";
  if (!L->top[-1].isNil()) {
    text.assign(view(lib::toStringMeta(L, L->top[-1])));
    L->top--;
  }
  L->top--;
  return text;
}

// A syntax error at the end of the input: more lines may complete the chunk.
bool incomplete(lua_State* L, int status) {
  if (status != kErrSyntax || !L->top[-1].isString()) return false;
  return view(L->top[-1].asString()).ends_with("<eof>");
}

enum class Read { kEnd, kChunk, kError };

// Reads and compiles one chunk: pushes its function (kChunk) or its error
// message (kError); kEnd, with nothing pushed, at the end of the input.
Read readChunk(lua_State* L, LineReader& reader) {
  std::string line;
  if (!reader.read(prompt(L, true), &line)) return Read::kEnd;
  if (!line.empty() && line[0] == '=') line = "return " + line.substr(1);
  if (loadSource(L, "return " + line, kChunkName) == kOk) {
    reader.remember(line);
    return Read::kChunk;
  }
  L->top--;
  std::string chunk = std::move(line);
  for (;;) {
    int status = loadSource(L, chunk, kChunkName);
    // An incomplete statement at the end of the input keeps its error.
    if (!incomplete(L, status) || !reader.read(prompt(L, false), &line)) {
      reader.remember(chunk);
      return status == kOk ? Read::kChunk : Read::kError;
    }
    L->top--;
    chunk += '\n';
    chunk += line;
  }
}

// Prints the values from the slot at `baseOff` to the top through the
// global `print`, and pops them.
void printResults(lua_State* L, ptrdiff_t baseOff) {
  if (L->top == restoreStack(L, baseOff)) return;
  pushGlobal(L, "print");
  StkId base = restoreStack(L, baseOff);
  Value print = L->top[-1];
  for (StkId p = L->top - 1; p > base; p--) p[0] = p[-1];
  *base = print;
  if (protectedCall(L, base, 0) != kOk) {
    // lua formats a missing text with printf's "%s" of a null pointer.
    Value error = L->top[-1];
    std::string text = error.isString() ? std::string(view(error.asString()))
                       : error.isNumber() ? std::string(view(lib::toStringMeta(L, error)))
                                          : std::string("(null)");
    printMessage(view(pushFormat(L, msg::kErrorCallingPrint, text.c_str())));
  }
  L->top = restoreStack(L, baseOff);
}

}  // namespace

void runInteractive(lua_State* L) {
  const char* name = programName();
  setProgramName(nullptr);
  LineReader reader;
  for (;;) {
    Read read = readChunk(L, reader);
    if (read == Read::kEnd) break;
    ptrdiff_t baseOff = saveStack(L, L->top - 1);
    if (read == Read::kChunk && callProtected(L, 0, kMultRet) == kOk) {
      printResults(L, baseOff);
    } else {
      reportError(L);
    }
  }
  std::fputc('\n', stdout);
  std::fflush(stdout);
  setProgramName(name);
}

}  // namespace tycho::cli

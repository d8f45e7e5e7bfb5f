// Error raising and message formatting (see Error.hpp).
#include "runtime/Error.hpp"

#include <cxxabi.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <string>

#include "runtime/ChunkId.hpp"
#include "runtime/Number.hpp"
#include "runtime/State.hpp"
#include "runtime/String.hpp"

namespace tycho {

void throwError(lua_State* L, int status) {
  if (status == kErrRun && L->errorHandler != 0 && G(L)->callErrorHandler) G(L)->callErrorHandler(L);
  GlobalState* g = G(L);
  if (g->catchers == 0) [[unlikely]] {
    if (g->panic) {
      if (g->unwindForPanic) g->unwindForPanic(L, status);
      g->panic(L);  // the error object is on top
    }
    std::abort();
  }
  throw LuaException{status};
}

CatchScope::CatchScope(lua_State* L) : g(G(L)) { g->catchers++; }
CatchScope::~CatchScope() { g->catchers--; }

void pushMemoryMessage(lua_State* L) {
  L->top->u.gc = G(L)->memoryErrorMessage;
  L->top->tagWord = kTagShortString;
  L->top++;
}

int caughtStatus(lua_State* L, bool passYields) {
  const char* what;
  try {
    throw;
  } catch (LuaException& e) {
    if (e.status == kYield && passYields) throw;
    return e.status;
  } catch (abi::__forced_unwind&) {
    throw;
  } catch (std::bad_alloc&) {
    pushMemoryMessage(L);
    return kErrMem;
  } catch (std::exception& e) {
    what = e.what();
  } catch (...) {
    what = nullptr;
  }
  try {
    if (what) pushFormat(L, "C++ exception: %s", what);
    else pushFormat(L, "unknown C++ exception");
    return kErrRun;
  } catch (...) {
    pushMemoryMessage(L);
    return kErrMem;
  }
}

static size_t encodeUtf8(char* buf, unsigned long x) {
  // Lua's extended UTF-8 (up to 6 bytes, code points < 2^31).
  if (x < 0x80) {
    buf[0] = char(x);
    return 1;
  }
  char tmp[8];
  int n = 1;
  unsigned long mfb = 0x3f;  // largest value that fits in the first byte
  do {
    tmp[8 - n] = char(0x80 | (x & 0x3f));
    n++;
    x >>= 6;
    mfb >>= 1;
  } while (x > mfb);
  tmp[8 - n] = char((~mfb << 1) | x);
  std::memcpy(buf, tmp + 8 - n, size_t(n));
  return size_t(n);
}

String* pushVFormat(lua_State* L, const char* fmt, va_list args) {
  std::string out;
  for (const char* p = fmt; *p; p++) {
    if (*p != '%') {
      out += *p;
      continue;
    }
    char buf[kMaxNumberText + 8];
    switch (*++p) {
      case 's': {
        const char* s = va_arg(args, const char*);
        out += s ? s : "(null)";
        break;
      }
      case 'c': out += char(va_arg(args, int)); break;
      case 'd': out += std::to_string(va_arg(args, int)); break;
      case 'I': {
        Value v = Value::integer(Integer(va_arg(args, long long)));
        out.append(buf, numberToText(v, buf));
        break;
      }
      case 'f': {
        Value v = Value::number(va_arg(args, double));
        out.append(buf, numberToText(v, buf));
        break;
      }
      case 'p': {
        void* ptr = va_arg(args, void*);
        int n = std::snprintf(buf, sizeof buf, "%p", ptr);
        out.append(buf, size_t(n));
        break;
      }
      case 'U': out.append(buf, encodeUtf8(buf, static_cast<unsigned long>(va_arg(args, long)))); break;
      case '%': out += '%'; break;
      default: out += '%'; out += *p; break;  // lua_pushfstring raises here; internal formats never do this
    }
  }
  String* s = newString(L, out);
  L->top->u.gc = s;
  L->top->tagWord = s->tag;
  L->top++;
  return s;
}

String* pushFormat(lua_State* L, const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  String* s = pushVFormat(L, fmt, args);
  va_end(args);
  return s;
}

int currentLine(const CallInfo* ci) {
  if (!ci->isLua()) return -1;
  const Proto* p = ci->func->asLuaClosure()->proto;
  int pc = int(ci->savedPc - p->code) - 1;
  if (pc < 0) pc = 0;
  if (pc >= p->codeSize) pc = p->codeSize - 1;
  return p->lineInfo ? p->lineInfo[pc] : -1;
}

void runError(lua_State* L, const char* fmt, ...) {
  ensureStack(L, 2);
  va_list args;
  va_start(args, fmt);
  pushVFormat(L, fmt, args);
  va_end(args);
  if (L->ci->isLua()) addPosition(L, L->ci);
  throwError(L, kErrRun);
}

void libError(lua_State* L, const char* fmt, ...) {
  ensureStack(L, 2);
  va_list args;
  va_start(args, fmt);
  pushVFormat(L, fmt, args);
  va_end(args);
  addWhere(L, L->ci->previous);
  throwError(L, kErrRun);
}

void addPosition(lua_State* L, const CallInfo* ci) {
  const Proto* p = ci->func->asLuaClosure()->proto;
  std::string text = p->source ? chunkId(view(p->source)) : std::string("?");
  text += ':';
  text += std::to_string(currentLine(ci));
  text += ": ";
  text += view(L->top[-1].asString());
  String* s = newString(L, text);
  L->top[-1] = Value::string(s);
}

std::string wherePrefix(const CallInfo* ci) {
  if (!ci || !ci->isLua()) return "";
  int line = currentLine(ci);
  if (line <= 0) return "";
  const Proto* p = ci->func->asLuaClosure()->proto;
  std::string text = p->source ? chunkId(view(p->source)) : std::string("?");
  return text + ':' + std::to_string(line) + ": ";
}

void addWhere(lua_State* L, const CallInfo* ci) {
  std::string prefix = wherePrefix(ci);
  if (prefix.empty()) return;
  prefix += view(L->top[-1].asString());
  String* s = newString(L, prefix);
  L->top[-1] = Value::string(s);
}

void warning(GlobalState* g, std::string_view piece, bool more) {
  if (g->warnCustom) {
    if (g->warnFn) g->warnFn(g->warnUd, std::string(piece).c_str(), more ? 1 : 0);
    return;
  }
  if (!g->warningContinued && !more && !piece.empty() && piece[0] == '@') {
    // A control message (a single piece).
    if (piece == "@on") g->warningsOn = true;
    else if (piece == "@off") g->warningsOn = false;
    return;
  }
  if (g->warningsOn) {
    if (!g->warningContinued) std::fputs("Lua warning: ", stderr);
    std::fwrite(piece.data(), 1, piece.size(), stderr);
    if (!more) std::fputc('\n', stderr);
    std::fflush(stderr);
  }
  g->warningContinued = more;
}

void memoryError(lua_State* L) {
  // While newState builds the state (no stack or message yet), it catches
  // the failure itself and gives up.
  if (G(L)->memoryErrorMessage == nullptr) throw LuaException{kErrMem};
  pushMemoryMessage(L);
  throwError(L, kErrMem);
}

}  // namespace tycho

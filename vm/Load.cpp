// Load: compile a chunk and close it over the global table (see Load.hpp).
#include "vm/Load.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>

#include "compiler/CodeGen.hpp"
#include "compiler/Lexer.hpp"
#include "compiler/Undump.hpp"
#include "gc/Heap.hpp"
#include "runtime/Function.hpp"
#include "runtime/Messages.hpp"
#include "runtime/String.hpp"
#include "runtime/Table.hpp"
#include "vm/Vm.hpp"

namespace tycho {

int loadSource(lua_State* L, std::string_view source, std::string_view chunkname, std::string_view mode) {
  ensureStack(L, 2);
  bool binary = !source.empty() && source[0] == '\x1b';
  if (mode.find(binary ? 'b' : 't') == std::string_view::npos) {
    pushFormat(L, binary ? msg::kLoadBinaryMode : msg::kLoadTextMode, std::string(mode).c_str());
    return kErrSyntax;
  }
  CatchScope scope(L);
  try {
    // The collector stays paused until the new closure is on the stack: the
    // prototypes are reachable from nothing else.
    gc::PauseGuard pause(G(L));
    Proto* p = binary ? undumpChunk(L, source) : compileChunk(L, source, chunkname);
    LuaClosure* c = newLuaClosure(L, p->numUpvalues);
    c->proto = p;
    *L->top++ = Value::luaClosure(c);
    for (int i = 0; i < p->numUpvalues; i++) {
      auto* uv = static_cast<UpVal*>(gc::newObject(L, kTagUpval, sizeof(UpVal)));
      uv->tbc = 0;
      uv->u.closed.setNil();
      uv->v = &uv->u.closed;
      c->upvals[i] = uv;
    }
    // The first upvalue of a main chunk is _ENV (§2.2).
    if (p->numUpvalues > 0) *c->upvals[0]->v = Value::table(globalsTable(L));
    return kOk;
  } catch (BadBinaryChunk& e) {
    pushFormat(L, msg::kBadBinaryFormat, binaryChunkName(chunkname).c_str(), e.reason.c_str());
    return kErrSyntax;
  } catch (CompileError& e) {
    String* msg = newString(L, e.message);
    *L->top++ = Value::string(msg);
    if (!e.isStackOverflow) return kErrSyntax;
  } catch (...) {
    return caughtStatus(L, false);  // a memory error, message already pushed
  }
  // Nesting too deep: as in Lua, a runtime error, which the message handler
  // of the enclosing protected call (if it has one) sees first.
  try {
    throwError(L, kErrRun);
  } catch (LuaException& e) {
    return e.status;
  }
}

bool readChunkFile(const char* path, std::string* source, std::string* error) {
  FILE* f = path ? std::fopen(path, "rb") : stdin;
  if (!f) {
    *error = std::string("cannot open ") + path + ": " + std::strerror(errno);
    return false;
  }
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) source->append(buf, n);
  bool failed = std::ferror(f);
  int readErrno = errno;
  if (path) std::fclose(f);
  if (failed) {
    *error = std::string("cannot read ") + (path ? path : "stdin") + ": " + std::strerror(readErrno);
    return false;
  }
  // A UTF-8 byte-order mark is not part of the chunk (editors on some systems
  // write one); only the whole three-byte sequence counts, as in lua5.4, and
  // a '#' first line may follow it.
  if (source->compare(0, 3, "\xEF\xBB\xBF") == 0) source->erase(0, 3);
  if (!source->empty() && (*source)[0] == '#') {
    size_t eol = source->find('\n');
    *source = eol == std::string::npos ? std::string() : source->substr(eol);
    // A binary chunk after the first line starts right after its newline.
    if (source->size() > 1 && (*source)[1] == '\x1b') source->erase(0, 1);
  }
  return true;
}

int loadFile(lua_State* L, const char* path, std::string_view mode) {
  std::string source, error;
  if (!readChunkFile(path, &source, &error)) {
    ensureStack(L, 1);
    String* msg = newString(L, error);
    *L->top++ = Value::string(msg);
    return kErrFile;
  }
  std::string chunkname = path ? std::string("@") + path : std::string("=stdin");
  return loadSource(L, source, chunkname, mode);
}

}  // namespace tycho

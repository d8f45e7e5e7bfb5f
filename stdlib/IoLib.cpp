// IoLib: the io library of manual §6.8 over C stdio.
//
// A file handle is a full userdata holding a FileHandle (the FILE* and the
// function that closes it: luaL_Stream's layout, so that C modules can make
// and use io's handles, §5.1 LUA_FILEHANDLE) whose metatable, kept in the registry under "FILE*", gives
// the methods (__index), the name for messages (__name), tostring, and
// __gc/__close so that a file that is dropped or leaves its scope is
// flushed and closed. A closed handle has no closing function: every later use of the handle raises "attempt to use a closed file".
// The standard files (io.stdin, io.stdout, io.stderr) are never closed by
// the library: closing one reports "cannot close standard file".
//
// The default input and output files live in the registry under
// "_IO_input" and "_IO_output", as in lua5.4, so that io.read, io.write,
// io.lines and io.close without a file use them.
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <sys/wait.h>

#include "gc/Heap.hpp"
#include "runtime/Function.hpp"
#include "runtime/Messages.hpp"
#include "runtime/Number.hpp"
#include "stdlib/Lib.hpp"

namespace tycho::lib {

namespace {

// luaL_Stream: the closing function runs with the handle as argument 1 and
// returns the results of file:close(); null once the handle is closed.
struct FileHandle {
  FILE* file;
  NativeFunction closef;
};

constexpr const char* kMetatableKey = "FILE*";
constexpr const char* kInputKey = "_IO_input";
constexpr const char* kOutputKey = "_IO_output";
constexpr int kMaxLinesFormats = 250;   // formats one io.lines iterator keeps
constexpr int kMaxNumberLength = 200;   // longest numeral read by "n"
constexpr size_t kReadChunk = 16384;
constexpr Integer kDefaultBufferSize = 1024;  // LUAL_BUFFERSIZE

// --- the registry ---

Value registryGet(lua_State* L, const char* key) {
  String* k = newString(L, key);
  return *tableGet(G(L), G(L)->registry.asTable(), Value::string(k));
}

// Sets registry[key] = v; v must be rooted.
void registrySet(lua_State* L, const char* key, const Value& v) {
  String* k = newString(L, key);
  tableSet(L, G(L)->registry.asTable(), Value::string(k), v);
}

// --- handles ---

FileHandle* toHandle(lua_State* L, const Value& v) {
  if (!v.isUserdata()) return nullptr;
  Userdata* u = v.asUserdata();
  Value mt = registryGet(L, kMetatableKey);
  if (!mt.isTable() || u->metatable != mt.asTable()) return nullptr;
  return static_cast<FileHandle*>(u->memory());
}

FileHandle* checkHandle(lua_State* L, int i, const char* fname) {
  FileHandle* h = toHandle(L, arg(L, i));
  if (!h) argTypeError(L, i, fname, kMetatableKey);
  return h;
}

// The open file of argument 1 (luaL's tofile).
FILE* checkOpenFile(lua_State* L, const char* fname) {
  FileHandle* h = checkHandle(L, 1, fname);
  if (h->closef == nullptr) libError(L, msg::kClosedFile);
  return h->file;
}

// Pushes a new, closed handle with the file metatable.
FileHandle* pushNewHandle(lua_State* L) {
  ensureStack(L, 2);
  Userdata* u = newUserdata(L, sizeof(FileHandle), 0);
  push(L, Value::userdata(u));
  auto* h = static_cast<FileHandle*>(u->memory());
  h->file = nullptr;
  h->closef = nullptr;
  Value mt = registryGet(L, kMetatableKey);
  u->metatable = mt.asTable();
  gc::barrierBack(G(L), u, mt);  // looking it up may have collected (and aged u)
  gc::markFinalizable(L, u);
  return h;
}

// The closing functions of io's own handles (argument 1 is the handle).
FileHandle* closingHandle(lua_State* L) { return static_cast<FileHandle*>(args(L)[0].asUserdata()->memory()); }

int closeRegularFile(lua_State* L) {
  errno = 0;
  return fileResult(L, std::fclose(closingHandle(L)->file) == 0, nullptr);
}

int closePipe(lua_State* L) {
  errno = 0;
  return execResult(L, pclose(closingHandle(L)->file));
}

// The standard files stay open (and their handles usable).
int keepStandardFile(lua_State* L) {
  closingHandle(L)->closef = keepStandardFile;
  push(L, Value::nil());
  pushString(L, msg::kCannotCloseStandardFile);
  return 2;
}

// Closes the open handle at argument 1 and returns the results of closing it.
int closeHandle(lua_State* L, FileHandle* h) {
  NativeFunction closef = h->closef;
  h->closef = nullptr;
  return closef(L);
}

// Opens `name` or raises "cannot open file" (io.lines, io.input, io.output).
void pushOpenedOrRaise(lua_State* L, String* name, const char* mode) {
  FileHandle* h = pushNewHandle(L);
  errno = 0;
  h->file = std::fopen(name->data(), mode);
  if (!h->file) libError(L, msg::kCannotOpenFile, name->data(), std::strerror(errno));
  h->closef = closeRegularFile;
}

// The default file under `key`, which must be open.
FILE* defaultFile(lua_State* L, const char* key) {
  Value v = registryGet(L, key);
  FileHandle* h = toHandle(L, v);
  if (!h || h->closef == nullptr) libError(L, msg::kDefaultFileClosed, key + 4);
  return h->file;
}

// --- reading ---

// Scans a numeral as Lua reads one: optional spaces and sign, "0x" for hex,
// digits with an optional point, an exponent; at most kMaxNumberLength
// characters, the first character that cannot continue it pushed back.
struct NumeralScanner {
  FILE* file;
  int current;
  int length = 0;
  char text[kMaxNumberLength + 1];

  bool accept() {
    if (length >= kMaxNumberLength) {
      text[0] = '\0';  // too long: invalid
      return false;
    }
    text[length++] = char(current);
    current = std::getc(file);
    return true;
  }
  bool acceptOneOf(char a, char b) { return (current == a || current == b) && accept(); }
  int acceptDigits(bool hex) {
    int count = 0;
    while ((hex ? std::isxdigit(current) : std::isdigit(current)) && accept()) count++;
    return count;
  }
};

bool readNumber(lua_State* L, FILE* f) {
  NumeralScanner s{f, 0, 0, {}};
  do s.current = std::getc(f); while (std::isspace(s.current));
  s.acceptOneOf('-', '+');
  int digits = 0;
  bool hex = false;
  if (s.acceptOneOf('0', '0')) {
    if (s.acceptOneOf('x', 'X')) hex = true;
    else digits = 1;
  }
  digits += s.acceptDigits(hex);
  if (s.acceptOneOf('.', '.')) digits += s.acceptDigits(hex);
  if (digits > 0 && (hex ? s.acceptOneOf('p', 'P') : s.acceptOneOf('e', 'E'))) {
    s.acceptOneOf('-', '+');
    s.acceptDigits(false);
  }
  std::ungetc(s.current, f);
  s.text[s.length] = '\0';
  Value n;
  if (stringToNumber(std::string_view(s.text), n)) {
    push(L, n);
    return true;
  }
  push(L, Value::nil());
  return false;
}

bool readLine(lua_State* L, FILE* f, bool keepNewline) {
  std::string line;
  int c;
  while ((c = std::getc(f)) != EOF && c != '\n') line += char(c);
  if (c == '\n' && keepNewline) line += '\n';
  pushString(L, line);
  return c == '\n' || !line.empty();
}

bool readChars(lua_State* L, FILE* f, size_t n) {
  std::string out;
  char buffer[kReadChunk];
  while (n > 0) {
    size_t want = n < kReadChunk ? n : kReadChunk;
    size_t got = std::fread(buffer, 1, want, f);
    out.append(buffer, got);
    n -= got;
    if (got < want) break;
  }
  pushString(L, out);
  return !out.empty();
}

void readAll(lua_State* L, FILE* f) {
  std::string out;
  char buffer[kReadChunk];
  size_t got;
  while ((got = std::fread(buffer, 1, kReadChunk, f)) > 0) out.append(buffer, got);
  pushString(L, out);
}

bool testEof(lua_State* L, FILE* f) {
  int c = std::getc(f);
  std::ungetc(c, f);
  pushString(L, "");
  return c != EOF;
}

// Reads with the formats at stack positions first..top (none: one line);
// pushes one value per format up to the first failure (nil). Returns the
// number of values pushed.
int readFormats(lua_State* L, FILE* f, int first, const char* fname) {
  int nformats = argCount(L) - first + 1;
  std::clearerr(f);
  ensureStack(L, nformats + kMinStack);
  int pushed = 0;
  bool ok = true;
  if (nformats <= 0) {
    ok = readLine(L, f, false);
    pushed = 1;
  } else {
    for (int i = first; i < first + nformats && ok; i++, pushed++) {
      Value format = args(L)[i - 1];
      if (format.isNumber()) {
        Integer count = checkInteger(L, i, fname);
        ok = count == 0 ? testEof(L, f) : readChars(L, f, size_t(count));
        continue;
      }
      String* s = checkString(L, i, fname);
      const char* p = s->data();
      if (*p == '*') p++;
      switch (*p) {
        case 'n': ok = readNumber(L, f); break;
        case 'l': ok = readLine(L, f, false); break;
        case 'L': ok = readLine(L, f, true); break;
        case 'a': readAll(L, f); ok = true; break;
        default: argError(L, i, fname, msg::kArgInvalidFormat);
      }
    }
  }
  if (std::ferror(f)) {
    L->top -= pushed;
    return fileResult(L, false, nullptr);
  }
  if (!ok) L->top[-1] = Value::nil();
  return pushed;
}

// --- writing ---

// Writes the values at stack positions first..top; pushes the file (at
// stack position `self`) or the error results.
int writeValues(lua_State* L, FILE* f, int first, Value self, const char* fname) {
  bool ok = true;
  int n = argCount(L);
  for (int i = first; i <= n; i++) {
    Value v = args(L)[i - 1];
    if (v.isInteger()) {
      ok = std::fprintf(f, "%lld", static_cast<long long>(v.asInteger())) > 0 && ok;
    } else if (v.isFloat()) {
      ok = std::fprintf(f, "%.14g", v.asFloat()) > 0 && ok;
    } else {
      String* s = checkString(L, i, fname);
      ok = std::fwrite(s->data(), 1, s->length(), f) == s->length() && ok;
    }
  }
  if (ok) {
    push(L, self);
    return 1;
  }
  return fileResult(L, false, nullptr);
}

// --- lines ---

// The iterator of io.lines and file:lines. Upvalues: the file, the number
// of formats, whether to close the file at the end, then the formats.
int linesIterator(lua_State* L) {
  NativeClosure* self = L->ci->func->asNativeClosure();
  FileHandle* h = toHandle(L, self->upvalues[0]);
  if (!h || h->closef == nullptr) libError(L, msg::kFileAlreadyClosed);
  int nformats = int(self->upvalues[1].asInteger());
  // The formats become this frame's arguments 2.. (argument 1 is ignored).
  ensureStack(L, nformats + kMinStack);
  if (argCount(L) < 1) push(L, Value::nil());
  L->top = args(L) + 1;
  self = L->ci->func->asNativeClosure();
  for (int i = 0; i < nformats; i++) push(L, self->upvalues[3 + i]);
  int n = readFormats(L, h->file, 2, "lines");
  if (L->top[-n].isTruthy()) return n;
  if (n > 1) {
    // An error: the message is the second result.
    Value message = L->top[-n + 1];
    libError(L, "%s", message.isString() ? message.asString()->data() : "?");
  }
  self = L->ci->func->asNativeClosure();
  if (self->upvalues[2].isTrue()) {
    Value file = self->upvalues[0];
    L->top = args(L);
    push(L, file);
    closeHandle(L, h);
  }
  return 0;
}

// Pushes an iterator over the file at argument 1 with the formats after it.
void pushLinesIterator(lua_State* L, bool closeAtEnd) {
  int nformats = argCount(L) - 1;
  if (nformats > kMaxLinesFormats) argError(L, kMaxLinesFormats + 2, "lines", msg::kTooManyArguments);
  NativeClosure* c = newNativeClosure(L, linesIterator, 3 + nformats);
  StkId base = args(L);
  c->upvalues[0] = base[0];
  c->upvalues[1] = Value::integer(nformats);
  c->upvalues[2] = Value::boolean(closeAtEnd);
  for (int i = 0; i < nformats; i++) c->upvalues[3 + i] = base[1 + i];
  push(L, Value::nativeClosure(c));
}

// --- io functions ---

bool validOpenMode(std::string_view mode) {
  size_t i = 0;
  if (mode.empty() || std::strchr("rwa", mode[0]) == nullptr) return false;
  i = 1;
  if (i < mode.size() && mode[i] == '+') i++;
  for (; i < mode.size(); i++) {
    if (mode[i] != 'b') return false;
  }
  return true;
}

int ioOpen(lua_State* L) {
  String* name = checkString(L, 1, "open");
  String* modeString = optString(L, 2, "open", nullptr);
  // The mode is read as a C string, as lua5.4 does.
  std::string mode = modeString ? std::string(modeString->data()) : "r";
  if (!validOpenMode(mode)) argError(L, 2, "open", msg::kArgInvalidMode);
  FileHandle* h = pushNewHandle(L);
  errno = 0;
  h->file = std::fopen(name->data(), mode.c_str());
  if (!h->file) return fileResult(L, false, name->data());
  h->closef = closeRegularFile;
  return 1;
}

int ioPopen(lua_State* L) {
  String* command = checkString(L, 1, "popen");
  String* modeString = optString(L, 2, "popen", nullptr);
  std::string_view mode = modeString ? std::string_view(modeString->data()) : "r";
  if (mode != "r" && mode != "w") argError(L, 2, "popen", msg::kArgInvalidMode);
  std::string modeText(mode);
  FileHandle* h = pushNewHandle(L);
  std::fflush(nullptr);
  errno = 0;
  h->file = popen(command->data(), modeText.c_str());
  if (!h->file) return fileResult(L, false, command->data());
  h->closef = closePipe;
  return 1;
}

int ioTmpfile(lua_State* L) {
  FileHandle* h = pushNewHandle(L);
  errno = 0;
  h->file = std::tmpfile();
  if (!h->file) return fileResult(L, false, nullptr);
  h->closef = closeRegularFile;
  return 1;
}

int ioType(lua_State* L) {
  checkAny(L, 1, "type");
  FileHandle* h = toHandle(L, arg(L, 1));
  if (!h) push(L, Value::nil());
  else pushString(L, h->closef == nullptr ? "closed file" : "file");
  return 1;
}

int fileClose(lua_State* L) {
  checkOpenFile(L, "close");
  return closeHandle(L, checkHandle(L, 1, "close"));
}

int ioClose(lua_State* L) {
  if (isNone(L, 1)) push(L, registryGet(L, kOutputKey));
  return fileClose(L);
}

// io.input and io.output: with a name, open it; with a file, use it.
int defaultFileAccess(lua_State* L, const char* key, const char* mode, const char* fname) {
  if (!isNoneOrNil(L, 1)) {
    Value v = arg(L, 1);
    if (v.isString() || v.isNumber()) {
      pushOpenedOrRaise(L, checkString(L, 1, fname), mode);
    } else {
      checkOpenFile(L, fname);
      push(L, v);
    }
    registrySet(L, key, L->top[-1]);
  }
  push(L, registryGet(L, key));
  return 1;
}

int ioInput(lua_State* L) { return defaultFileAccess(L, kInputKey, "r", "input"); }
int ioOutput(lua_State* L) { return defaultFileAccess(L, kOutputKey, "w", "output"); }

int ioRead(lua_State* L) { return readFormats(L, defaultFile(L, kInputKey), 1, "read"); }

int ioWrite(lua_State* L) {
  FILE* f = defaultFile(L, kOutputKey);
  return writeValues(L, f, 1, registryGet(L, kOutputKey), "write");
}

int ioFlush(lua_State* L) {
  FILE* f = defaultFile(L, kOutputKey);
  errno = 0;
  return fileResult(L, std::fflush(f) == 0, nullptr);
}

int ioLines(lua_State* L) {
  if (isNone(L, 1)) push(L, Value::nil());
  bool closeAtEnd = false;
  if (arg(L, 1).isNil()) {
    args(L)[0] = registryGet(L, kInputKey);
    checkOpenFile(L, "lines");
  } else {
    String* name = checkString(L, 1, "lines");
    pushOpenedOrRaise(L, name, "r");
    args(L)[0] = L->top[-1];
    L->top--;
    closeAtEnd = true;
  }
  pushLinesIterator(L, closeAtEnd);
  if (!closeAtEnd) return 1;
  // The file is the to-be-closed value of the generic for (fourth result).
  push(L, Value::nil());
  push(L, Value::nil());
  push(L, args(L)[0]);
  return 4;
}

// --- file methods ---

int fileRead(lua_State* L) { return readFormats(L, checkOpenFile(L, "read"), 2, "read"); }

int fileWrite(lua_State* L) {
  FILE* f = checkOpenFile(L, "write");
  return writeValues(L, f, 2, arg(L, 1), "write");
}

int fileLines(lua_State* L) {
  checkOpenFile(L, "lines");
  pushLinesIterator(L, false);
  return 1;
}

int fileFlush(lua_State* L) {
  FILE* f = checkOpenFile(L, "flush");
  errno = 0;
  return fileResult(L, std::fflush(f) == 0, nullptr);
}

// The index of option argument i among `names`, or an "invalid option" error.
// The option is compared up to its first zero byte, as lua5.4 does.
int checkOption(lua_State* L, int i, const char* fname, const char* def, const char* const* names, int count) {
  const char* name;
  if (def) {
    String* s = optString(L, i, fname, nullptr);
    name = s ? s->data() : def;
  } else {
    name = checkString(L, i, fname)->data();
  }
  for (int k = 0; k < count; k++) {
    if (std::strcmp(name, names[k]) == 0) return k;
  }
  std::string text = "invalid option '" + std::string(name) + "'";
  argError(L, i, fname, text.c_str());
}

int fileSeek(lua_State* L) {
  static const char* const kNames[] = {"set", "cur", "end"};
  static const int kWhence[] = {SEEK_SET, SEEK_CUR, SEEK_END};
  FILE* f = checkOpenFile(L, "seek");
  int op = checkOption(L, 2, "seek", "cur", kNames, 3);
  Integer offset = optInteger(L, 3, "seek", 0);
  if (Integer(off_t(offset)) != offset) argError(L, 3, "seek", msg::kArgSeekRange);
  errno = 0;
  if (fseeko(f, off_t(offset), kWhence[op]) != 0) return fileResult(L, false, nullptr);
  push(L, Value::integer(Integer(ftello(f))));
  return 1;
}

int fileSetvbuf(lua_State* L) {
  static const char* const kNames[] = {"no", "full", "line"};
  static const int kModes[] = {_IONBF, _IOFBF, _IOLBF};
  FILE* f = checkOpenFile(L, "setvbuf");
  int op = checkOption(L, 2, "setvbuf", nullptr, kNames, 3);
  Integer size = optInteger(L, 3, "setvbuf", kDefaultBufferSize);
  errno = 0;
  return fileResult(L, std::setvbuf(f, nullptr, kModes[op], size_t(size)) == 0, nullptr);
}

// __gc and __close: closes a file still open (results dropped). Called by
// hand, they check their argument as the other methods do.
int fileCollect(lua_State* L) {
  FileHandle* h = checkHandle(L, 1, "__gc");
  if (h->closef == keepStandardFile) std::fflush(h->file);
  else if (h->closef != nullptr && h->file != nullptr) closeHandle(L, h);
  return 0;
}

int fileToString(lua_State* L) {
  FileHandle* h = checkHandle(L, 1, "tostring");
  if (h->closef == nullptr) {
    pushString(L, "file (closed)");
  } else {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "file (%p)", static_cast<void*>(h->file));
    pushString(L, buffer);
  }
  return 1;
}

void setField(lua_State* L, Table* t, const char* name, const Value& v) {
  String* key = newString(L, name);
  tableSet(L, t, Value::string(key), v);
}

// Creates the metatable of file handles and stores it in the registry.
void createMetatable(lua_State* L) {
  static const struct { const char* name; NativeFunction fn; } kMethods[] = {
    {"close", fileClose}, {"flush", fileFlush}, {"lines", fileLines}, {"read", fileRead},
    {"seek", fileSeek}, {"setvbuf", fileSetvbuf}, {"write", fileWrite},
  };
  Table* mt = newTable(L, 0, 8);
  push(L, Value::table(mt));
  Table* methods = newTable(L, 0, 8);
  push(L, Value::table(methods));
  for (const auto& m : kMethods) setFunction(L, methods, m.name, m.fn);
  setField(L, mt, "__index", Value::table(methods));
  L->top--;
  String* name = newString(L, kMetatableKey);
  push(L, Value::string(name));
  setField(L, mt, "__name", Value::string(name));
  L->top--;
  setFunction(L, mt, "__gc", fileCollect);
  setFunction(L, mt, "__close", fileCollect);
  setFunction(L, mt, "__tostring", fileToString);
  registrySet(L, kMetatableKey, Value::table(mt));
  L->top--;
}

// io[name] = a standard file handle over f (and registry[key] when given).
void addStandardFile(lua_State* L, Table* io, FILE* f, const char* name, const char* key) {
  FileHandle* h = pushNewHandle(L);
  h->file = f;
  h->closef = keepStandardFile;
  setField(L, io, name, L->top[-1]);
  if (key) registrySet(L, key, L->top[-1]);
  L->top--;
}

}  // namespace

int openIo(lua_State* L) {
  static const struct { const char* name; NativeFunction fn; } kFunctions[] = {
    {"close", ioClose}, {"flush", ioFlush}, {"input", ioInput}, {"lines", ioLines},
    {"open", ioOpen}, {"output", ioOutput}, {"popen", ioPopen}, {"read", ioRead},
    {"tmpfile", ioTmpfile}, {"type", ioType}, {"write", ioWrite},
  };
  ensureStack(L, 4);
  createMetatable(L);
  Table* io = newTable(L, 0, 16);
  push(L, Value::table(io));
  for (const auto& f : kFunctions) setFunction(L, io, f.name, f.fn);
  addStandardFile(L, io, stdin, "stdin", kInputKey);
  addStandardFile(L, io, stdout, "stdout", kOutputKey);
  addStandardFile(L, io, stderr, "stderr", nullptr);
  return 1;
}

}  // namespace tycho::lib

// OsLib: the os library of manual §6.9 over the C library: clocks and
// calendar time (time, date, difftime, clock), files by name (remove,
// rename, tmpname), the environment, processes (execute, exit) and locales.
//
// Failures of the C library follow lua5.4's conventions: functions that can
// fail on the outside world return nil, a message and the errno value
// ("fail, msg, code"), while malformed arguments raise errors.
#include <cerrno>
#include <climits>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include "runtime/Messages.hpp"
#include "stdlib/Lib.hpp"

namespace tycho::lib {

namespace {

time_t checkTime(lua_State* L, int i, const char* fname) {
  Integer t = checkInteger(L, i, fname);
  if (Integer(time_t(t)) != t) argError(L, i, fname, msg::kArgTimeOutOfBounds);
  return time_t(t);
}

int osClock(lua_State* L) {
  push(L, Value::number(Number(std::clock()) / Number(CLOCKS_PER_SEC)));
  return 1;
}

// --- date ---

// The conversions lua5.4 accepts after '%' (those of C99 strftime): single
// letters, then the 'E' and 'O' modified forms.
constexpr const char* kSingleConversions = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
constexpr const char* kEConversions = "cCxXyY";
constexpr const char* kOConversions = "deHImMSuUVwWy";

// Checks the conversion at `conv` (just after a '%'); returns its length.
size_t conversionLength(lua_State* L, const char* conv, size_t left) {
  if (left >= 1 && conv[0] != '\0' && std::strchr(kSingleConversions, conv[0])) return 1;
  if (left >= 2 && conv[1] != '\0') {
    if (conv[0] == 'E' && std::strchr(kEConversions, conv[1])) return 2;
    if (conv[0] == 'O' && std::strchr(kOConversions, conv[1])) return 2;
  }
  std::string text = "invalid conversion specifier '%" + std::string(conv) + "'";
  argError(L, 1, "date", text.c_str());
}

void setIntegerField(lua_State* L, Table* t, const char* key, Integer value) {
  String* k = newString(L, key);
  tableSet(L, t, Value::string(k), Value::integer(value));
}

// Fills the date table at the top of the stack from `tm` (also os.time's
// normalisation of its argument).
void setDateFields(lua_State* L, Table* t, const struct tm& tm) {
  setIntegerField(L, t, "year", Integer(tm.tm_year) + 1900);
  setIntegerField(L, t, "month", Integer(tm.tm_mon) + 1);
  setIntegerField(L, t, "day", tm.tm_mday);
  setIntegerField(L, t, "hour", tm.tm_hour);
  setIntegerField(L, t, "min", tm.tm_min);
  setIntegerField(L, t, "sec", tm.tm_sec);
  setIntegerField(L, t, "yday", Integer(tm.tm_yday) + 1);
  setIntegerField(L, t, "wday", Integer(tm.tm_wday) + 1);
  if (tm.tm_isdst >= 0) {
    String* k = newString(L, "isdst");
    tableSet(L, t, Value::string(k), Value::boolean(tm.tm_isdst != 0));
  }
}

int osDate(lua_State* L) {
  String* fmtString = optString(L, 1, "date", nullptr);
  std::string format = fmtString ? std::string(view(fmtString)) : std::string("%c");
  time_t t = isNoneOrNil(L, 2) ? std::time(nullptr) : checkTime(L, 2, "date");
  const char* s = format.c_str();
  const char* end = s + format.size();
  struct tm tm;
  struct tm* ok;
  if (*s == '!') {
    ok = gmtime_r(&t, &tm);
    s++;
  } else {
    ok = localtime_r(&t, &tm);
  }
  if (!ok) libError(L, msg::kDateNotRepresentable);
  if (std::strcmp(s, "*t") == 0) {
    Table* table = newTable(L, 0, 9);
    push(L, Value::table(table));
    setDateFields(L, table, tm);
    return 1;
  }
  std::string out;
  while (s < end) {
    if (*s != '%') {
      out += *s++;
      continue;
    }
    s++;
    size_t n = conversionLength(L, s, size_t(end - s));
    char conv[4] = {'%', s[0], n == 2 ? s[1] : '\0', '\0'};
    s += n;
    char buffer[256];
    size_t len = std::strftime(buffer, sizeof buffer, conv, &tm);
    out.append(buffer, len);
  }
  pushString(L, out);
  return 1;
}

// --- time ---

// Reads date field `key` of the table argument as an int minus `delta`;
// `def` < 0 makes the field required.
int dateField(lua_State* L, const char* key, int def, int delta) {
  String* k = newString(L, key);
  push(L, Value::string(k));
  ptrdiff_t slot = saveStack(L, L->top - 1);
  getTableMeta(L, arg(L, 1), Value::string(k), slot);
  Value v = *restoreStack(L, slot);
  L->top--;
  Integer n;
  if (!toInteger(v, &n)) {
    if (!v.isNil()) libError(L, msg::kFieldNotInteger, key);
    if (def < 0) libError(L, msg::kFieldMissing, key);
    return def;
  }
  if (n >= 0 ? n - delta > INT_MAX : n < Integer(INT_MIN) + delta) libError(L, msg::kFieldOutOfBound, key);
  return int(n - delta);
}

int dateBoolField(lua_State* L, const char* key) {
  String* k = newString(L, key);
  push(L, Value::string(k));
  ptrdiff_t slot = saveStack(L, L->top - 1);
  getTableMeta(L, arg(L, 1), Value::string(k), slot);
  Value v = *restoreStack(L, slot);
  L->top--;
  return v.isNil() ? -1 : v.isTruthy() ? 1 : 0;
}

int osTime(lua_State* L) {
  time_t t;
  if (isNoneOrNil(L, 1)) {
    t = std::time(nullptr);
  } else {
    Table* table = checkTable(L, 1, "time");
    L->top = args(L) + 1;
    struct tm tm {};
    tm.tm_year = dateField(L, "year", -1, 1900);
    tm.tm_mon = dateField(L, "month", -1, 1);
    tm.tm_mday = dateField(L, "day", -1, 0);
    tm.tm_hour = dateField(L, "hour", 12, 0);
    tm.tm_min = dateField(L, "min", 0, 0);
    tm.tm_sec = dateField(L, "sec", 0, 0);
    tm.tm_isdst = dateBoolField(L, "isdst");
    t = std::mktime(&tm);
    if (t == time_t(-1)) libError(L, msg::kTimeNotRepresentable);
    setDateFields(L, table, tm);
  }
  push(L, Value::integer(Integer(t)));
  return 1;
}

int osDifftime(lua_State* L) {
  time_t t1 = checkTime(L, 1, "difftime");
  time_t t2 = checkTime(L, 2, "difftime");
  push(L, Value::number(std::difftime(t1, t2)));
  return 1;
}

// --- files, environment, processes ---

int osGetenv(lua_State* L) {
  String* name = checkString(L, 1, "getenv");
  const char* value = std::getenv(name->data());
  if (value) pushString(L, value);
  else push(L, Value::nil());
  return 1;
}

int osRemove(lua_State* L) {
  String* name = checkString(L, 1, "remove");
  errno = 0;
  return fileResult(L, std::remove(name->data()) == 0, name->data());
}

int osRename(lua_State* L) {
  String* from = checkString(L, 1, "rename");
  String* to = checkString(L, 2, "rename");
  errno = 0;
  return fileResult(L, std::rename(from->data(), to->data()) == 0, nullptr);
}

int osTmpname(lua_State* L) {
  char name[] = "/tmp/lua_XXXXXX";
  int fd = mkstemp(name);
  if (fd == -1) libError(L, msg::kUniqueFilename);
  close(fd);
  pushString(L, name);
  return 1;
}

int osExecute(lua_State* L) {
  String* command = optString(L, 1, "execute", nullptr);
  errno = 0;
  int status = std::system(command ? command->data() : nullptr);
  if (!command) {
    push(L, Value::boolean(status != 0));
    return 1;
  }
  return execResult(L, status);
}

int osExit(lua_State* L) {
  int status;
  Value code = arg(L, 1);
  if (code.isBoolean()) status = code.isTrue() ? EXIT_SUCCESS : EXIT_FAILURE;
  else status = int(optInteger(L, 1, "exit", EXIT_SUCCESS));
  bool closeFirst = arg(L, 2).isTruthy();
  std::fflush(stdout);
  // Closing the state runs every finalizer, which flushes and closes the
  // files still open; the state must not be touched afterwards.
  if (closeFirst) closeLuaState(G(L)->mainThread);
  std::exit(status);
}

int osSetlocale(lua_State* L) {
  static const char* const kNames[] = {"all", "collate", "ctype", "monetary", "numeric", "time"};
  static const int kCategories[] = {LC_ALL, LC_COLLATE, LC_CTYPE, LC_MONETARY, LC_NUMERIC, LC_TIME};
  String* locale = optString(L, 1, "setlocale", nullptr);
  const char* localeText = locale ? locale->data() : nullptr;
  String* category = optString(L, 2, "setlocale", nullptr);
  int which = 0;
  if (category) {
    which = -1;
    for (int i = 0; i < 6; i++) {
      if (view(category) == kNames[i]) which = i;
    }
    if (which < 0) {
      std::string text = "invalid option '" + std::string(view(category)) + "'";
      argError(L, 2, "setlocale", text.c_str());
    }
  }
  const char* result = std::setlocale(kCategories[which], localeText);
  if (result) pushString(L, result);
  else push(L, Value::nil());
  return 1;
}

}  // namespace

int openOs(lua_State* L) {
  static const struct { const char* name; NativeFunction fn; } kFunctions[] = {
    {"clock", osClock}, {"date", osDate}, {"difftime", osDifftime}, {"execute", osExecute},
    {"exit", osExit}, {"getenv", osGetenv}, {"remove", osRemove}, {"rename", osRename},
    {"setlocale", osSetlocale}, {"time", osTime}, {"tmpname", osTmpname},
  };
  ensureStack(L, 3);
  Table* os = newTable(L, 0, 16);
  push(L, Value::table(os));
  for (const auto& f : kFunctions) setFunction(L, os, f.name, f.fn);
  return 1;
}

}  // namespace tycho::lib

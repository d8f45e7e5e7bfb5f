// ChunkId: the short chunk name shown in messages, following Lua's luaO_chunkid
// rules with LUA_IDSIZE = kIdSize (the result, plus C's terminating '\0', fits
// in kIdSize bytes).
#include "runtime/ChunkId.hpp"

namespace tycho {

namespace {
constexpr std::string_view kEllipsis = "...";
constexpr std::string_view kStringPrefix = "[string \"";
constexpr std::string_view kStringSuffix = "\"]";
}  // namespace

std::string chunkId(std::string_view source) {
  // Chunk names are C strings in Lua's API, so anything after a '\0' is unseen.
  size_t nul = source.find('\0');
  if (nul != std::string_view::npos) source = source.substr(0, nul);

  const size_t maxChars = kIdSize - 1;
  if (!source.empty() && source[0] == '=') {  // a literal name: keep its start
    return std::string(source.substr(1, maxChars));
  }
  if (!source.empty() && source[0] == '@') {  // a file name: keep its end
    std::string_view name = source.substr(1);
    if (name.size() <= maxChars) return std::string(name);
    size_t keep = maxChars - kEllipsis.size();
    std::string out(kEllipsis);
    out += name.substr(name.size() - keep);
    return out;
  }
  // Source text: [string "first line..."], all within maxChars.
  const size_t room = maxChars - kStringPrefix.size() - kStringSuffix.size() - kEllipsis.size();
  size_t newline = source.find('\n');
  std::string out(kStringPrefix);
  if (newline == std::string_view::npos && source.size() < room) {
    out += source;
  } else {
    size_t length = newline == std::string_view::npos ? source.size() : newline;
    if (length > room) length = room;
    out += source.substr(0, length);
    out += kEllipsis;
  }
  out += kStringSuffix;
  return out;
}

}  // namespace tycho

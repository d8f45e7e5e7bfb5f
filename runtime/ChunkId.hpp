// ChunkId: the short name of a chunk used in messages (Lua's luaO_chunkid rules):
//   "=name"  -> "name"                 (truncated to fit kIdSize)
//   "@file"  -> "file"                 (long names keep their end: "...tail")
//   source   -> [string "first line..."] (first line only, truncated with "...")
#pragma once

#include <string>
#include <string_view>

namespace tycho {

constexpr size_t kIdSize = 60;  // LUA_IDSIZE, including the terminating '\0'

std::string chunkId(std::string_view source);

}  // namespace tycho

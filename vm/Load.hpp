// Load: turning source text into a callable main closure (the core of `load`,
// `loadfile`, `dofile`, the command line and lua_load).
#pragma once

#include <string>
#include <string_view>

#include "runtime/State.hpp"

namespace tycho {

// Compiles `source` and pushes its main closure (with _ENV set to the global
// table) and returns kOk; or pushes the error message and returns kErrSyntax
// (or kErrMem). Nesting too deep for the parser is, as in Lua, a runtime
// error (kErrRun, "C stack overflow") that the message handler of the
// running protected call transforms first: it may run Lua code.
// `mode` ("b", "t" or "bt", as load's argument) says which kinds of chunk are
// accepted. A chunk whose first byte is ESC is binary (string.dump's output):
// it is loaded and verified (compiler/Undump.hpp) instead of compiled.
int loadSource(lua_State* L, std::string_view source, std::string_view chunkname, std::string_view mode = "bt");

// Reads a chunk file (stdin when `path` is null) for the command line,
// loadfile, dofile and require: the whole text, without a UTF-8 byte-order
// mark at its start and then without a first line that starts with '#' (a
// shebang; its newline stays, so line numbers hold, except before a binary
// chunk).
// False with Lua's message ("cannot open f: reason", "cannot read f: reason")
// in *error on failure.
bool readChunkFile(const char* path, std::string* source, std::string* error);

// Loads a chunk file (stdin when `path` is null) as luaL_loadfilex does, for
// it, loadfile, dofile and require: reads it with readChunkFile and loads it
// with loadSource under the chunk name "@path" ("=stdin"). Pushes the main
// closure and returns kOk, or pushes the message and returns kErrFile (the
// file cannot be opened or read) or loadSource's error status.
int loadFile(lua_State* L, const char* path, std::string_view mode = "bt");

}  // namespace tycho

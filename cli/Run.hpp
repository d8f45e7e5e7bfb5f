// Run: how the command runs chunks and reports what goes wrong, as `lua`
// does (manual §7).
//
// Everything after the options runs inside one protected call of a native
// function (main.cpp's `runCommandLine`), lua's "pmain": an error raised
// outside a chunk (a failing __len of `arg`, 'arg' is not a table) unwinds to
// it and is reported as a plain message. Chunks run in protected calls of
// their own with a message handler that adds a stack traceback; that native
// frame below them is the "[C]: in ?" that ends every traceback.
//
// Messages go to stderr as "tycho: message" (the program name as invoked,
// argv[0]); the interactive mode clears the name, so its messages have none.
#pragma once

#include <string_view>

#include "runtime/State.hpp"

namespace tycho::cli {

// The name that starts messages; null for none.
void setProgramName(const char* name);
const char* programName();

// Writes "name: text" (or the text alone when there is no name) and a
// newline to stderr.
void printMessage(std::string_view text);

// Prints the error object on top of the stack as lua does (its text, or
// "(error object is a X value)") and pops it.
void reportError(lua_State* L);

// Calls the function below the `nargs` values on top of the stack with the
// traceback message handler and SIGINT armed (lua's docall). Returns the
// status; on success `nresults` results (kMultRet: all) replace the
// function and its arguments, on error the message does.
int callProtected(lua_State* L, int nargs, int nresults);

// Pushes the global `name`, through the metamethods of the global table
// (lua_getglobal).
void pushGlobal(lua_State* L, const char* name);

// The actions of the command line. Each reports its own errors and returns
// false after one.
// -e stat, and LUA_INIT's chunk (named "=LUA_INIT").
bool runString(lua_State* L, std::string_view chunk, std::string_view chunkname);
// LUA_INIT=@file: the file, without arguments.
bool runFile(lua_State* L, const char* path);
// -l mod / -l g=mod: require("mod"), its result in global g (by default
// the module name up to a '-').
bool requireModule(lua_State* L, const char* spec);
// The script (null: standard input), with the arguments found in the
// global `arg` at this point (after the -e chunks, which may change it).
bool runScript(lua_State* L, const char* path);
// LUA_INIT_5_4, or else LUA_INIT: a chunk or "@file", run before any
// other action. True when neither is set.
bool runInit(lua_State* L);

// The global `arg`: the script at 0, its arguments at 1.., the interpreter
// and the options at negative indices; without a script, argv[0] at 0 and
// the options at 1...
void createArgTable(lua_State* L, int argc, char** argv, int script);

}  // namespace tycho::cli

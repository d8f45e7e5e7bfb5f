// Repl: the interactive mode (`tycho -i`, or `tycho` alone at a terminal),
// as lua's (manual §7).
//
// Each input line is first tried as an expression ("return " + line); if it
// is not one, as a statement, and while that statement is incomplete (its
// syntax error is at the end of the input, "near <eof>") further lines are
// read and joined to it. "=expr" is a shortcut for "return expr". Results
// are printed by calling the global `print`. The prompts are the values of
// the globals _PROMPT and _PROMPT2 converted with tostring, "> " and ">> "
// when they are nil.
//
// At a terminal, lines are read with libedit (line editing and a history
// of the chunks entered) when Tycho is built with it; otherwise, and always
// when standard input is not a terminal, the prompt is written to stdout
// and a plain line read.
#pragma once

#include "runtime/State.hpp"

namespace tycho::cli {

// Reads, runs and prints until the end of standard input; then writes a
// newline. Messages have no program name meanwhile.
void runInteractive(lua_State* L);

}  // namespace tycho::cli

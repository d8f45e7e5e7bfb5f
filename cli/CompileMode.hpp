// CompileMode: Tycho's compiler as a command, `tycho -c`, with luac's
// options, and the listing of `tycho --disasm`.
//
//   tycho -c [options] [filenames]
//     -l       list (use -l -l for full listing)
//     -o name  output to file 'name' (default is "luac.out"; "-": stdout)
//     -p       parse only
//     -s       strip debug information
//     -v       show version information
//     --       stop handling options
//     -        stop handling options and process stdin
//
// Each file is a Lua source or a binary chunk (which is loaded and verified,
// so it can be listed, stripped or combined). Several files become one
// chunk whose main function runs them in the given order, as luac's does.
// The output is a binary chunk in Tycho's own portable format
// (compiler/BytecodeFormat.hpp): `tycho`, `load` and `dofile` run it; other
// Lua engines refuse it. Listings are Tycho's disassembly: instructions with
// lines, operands and comments; -l -l adds each function's constants,
// locals and upvalues.
#pragma once

namespace tycho::cli {

// The lines of the usage text that list the options of `tycho -c`.
extern const char* const kCompileOptionLines;

// Runs `tycho -c ...` (argv[1] is "-c"); returns the exit status.
int runCompiler(int argc, char** argv);

// Lists the chunk in `path` (stdin when null), source or binary, to
// stdout; returns the exit status (`tycho --disasm script`).
int runDisassembler(const char* path);

}  // namespace tycho::cli

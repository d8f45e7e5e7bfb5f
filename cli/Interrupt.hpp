// Interrupt: SIGINT (Ctrl-C) while a chunk of the command line runs, as in
// `lua`: the running Lua code raises the error "interrupted!" at its next
// safe point (a call or a loop's back-edge; vm/Vm.hpp requestInterrupt),
// which `pcall` may catch.
//
// The handler is installed only while a chunk runs (InterruptArmed around
// each protected call of Run.cpp), and it gives SIGINT back its default
// action as it runs: a second SIGINT, or one that arrives while no Lua code
// runs (at the interactive prompt, say), ends the process as usual. A SIGINT
// that was ignored when the process started (a background job of a shell
// script, `nohup`) stays ignored.
#pragma once

struct lua_State;

namespace tycho::cli {

// While it lives, SIGINT interrupts the Lua code of L's state.
class InterruptArmed {
 public:
  explicit InterruptArmed(lua_State* L);
  ~InterruptArmed();
  InterruptArmed(const InterruptArmed&) = delete;
  InterruptArmed& operator=(const InterruptArmed&) = delete;

 private:
  bool armed_;
};

}  // namespace tycho::cli

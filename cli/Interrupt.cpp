// Interrupt: the SIGINT handler of the command line (see Interrupt.hpp).
#include "cli/Interrupt.hpp"

#include <signal.h>

#include <atomic>

#include "vm/Vm.hpp"

namespace tycho::cli {

namespace {

// Signal dispositions belong to the process, so the state to interrupt is
// the process's too; the handler may only read it (lock-free atomic).
std::atomic<lua_State*> interruptedState{nullptr};

// Whether SIGINT was ignored when the process started, found out once.
enum class Startup { kUnknown, kDefault, kIgnored };
Startup startup = Startup::kUnknown;

// Runs with SA_RESETHAND: SIGINT has its default action again already.
// requestInterrupt only sets a bit (async-signal-safe).
extern "C" void onInterrupt(int) {
  if (lua_State* L = interruptedState.load(std::memory_order_relaxed)) requestInterrupt(L);
}

}  // namespace

InterruptArmed::InterruptArmed(lua_State* L) {
  if (startup == Startup::kUnknown) {
    struct sigaction current;
    sigaction(SIGINT, nullptr, &current);
    startup = current.sa_handler == SIG_IGN ? Startup::kIgnored : Startup::kDefault;
  }
  armed_ = startup == Startup::kDefault;
  if (!armed_) return;
  interruptedState.store(L, std::memory_order_relaxed);
  struct sigaction action = {};
  action.sa_handler = onInterrupt;
  sigemptyset(&action.sa_mask);
  // SA_RESTART: a system call that the signal interrupts (a read of the
  // terminal, say) goes on, and the Lua code stops after it returns.
  action.sa_flags = SA_RESETHAND | SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
}

InterruptArmed::~InterruptArmed() {
  if (!armed_) return;
  struct sigaction action = {};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
}

}  // namespace tycho::cli

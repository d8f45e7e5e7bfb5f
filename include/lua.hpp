// lua.hpp: the C API for C++ code. The headers declare C functions without
// saying so (a C compiler would not understand), so C++ reads them inside
// one extern "C" block. Tycho's API implementation includes it too: its
// definitions take the C linkage of these declarations.
extern "C" {
#include "lua.h"
#include "lualib.h"
#include "lauxlib.h"
}

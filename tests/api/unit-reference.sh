#!/usr/bin/env bash
# Builds the C API unit tests (tests/unit/LuaApi*Test.cpp) against Lua
# 5.4.8's own library instead of Tycho's, and runs them: every expectation
# they hold Tycho to must hold for the reference too. The tests use lua.h
# only; TYCHO_API_REFERENCE makes their states with lua_newstate and
# luaL_openlibs.
# usage: unit-reference.sh [DOCTEST_OPTIONS...]
# LUA_REF_DIR: the built Lua 5.4.8 source directory (liblua.a and headers);
# default ~/.cache/tycho-ref/lua-5.4.8, made by ../shared/reference/build-lua-5.4.8.sh.
# Exits 77 (skipped) when there is none.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
ref=${LUA_REF_DIR:-${HOME:-/root}/.cache/tycho-ref/lua-5.4.8}
if [[ ! -f $ref/liblua.a || ! -f $ref/lua.h ]]; then
  echo "unit-reference.sh: no Lua 5.4.8 build in $ref" >&2
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Lua 5.4.8's source has no lua.hpp: the usual one, over its C headers.
cat >"$work/lua.hpp" <<'HPP'
extern "C" {
#include "lua.h"
#include "lualib.h"
#include "lauxlib.h"
}
HPP
"${CXX:-c++}" -std=c++20 -O1 -g -DTYCHO_API_REFERENCE -I"$work" -I"$ref" -I"$root" \
  "$root"/tests/unit/main.cpp "$root"/tests/unit/LuaApi*Test.cpp "$ref/liblua.a" -lm -ldl -o "$work/api-tests"
if [[ -n ${KEEP_BINARY:-} ]]; then cp "$work/api-tests" "$KEEP_BINARY"; fi
"$work/api-tests" "$@"

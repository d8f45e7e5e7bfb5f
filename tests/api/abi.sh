#!/usr/bin/env bash
# Checks Tycho's C API headers (include/) against a reference set of Lua 5.4
# headers: Debian's /usr/include/lua5.4 (Lua 5.4.4), or Lua 5.4.8's own
# source directory when the reference interpreter was built from it.
#
#   facts         abi-facts.c built against both and run: every constant,
#                 string, type size and structure layout must print the same
#   names         the same macro names defined, by default and with the
#                 compatibility and debugging switches a module may set, and
#                 the same functions declared
#   declarations  declarations.cpp compiles against both (C++20): every
#                 function declared, with the same type
#   uses          macro-uses.c compiles against both (C99, not linked)
#   exports       exports.c, built with -fvisibility=hidden as C and as C++,
#                 exports its API definitions under their C names (ours only)
#   paths         LUA_PATH_DEFAULT and LUA_CPATH_DEFAULT equal package.path
#                 and package.cpath of the interpreter given instead of a
#                 header directory (Debian's lua5.4)
#
# Lines that differ on purpose are listed below, per reference release.
# usage: abi.sh CHECK [REFERENCE_INCLUDE_DIR | LUA_INTERPRETER]
# CC and CXX name the compilers (default cc and c++).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ours=$(cd "$here/../../include" && pwd)
cc=${CC:-cc}
cxx=${CXX:-c++}
check=$1
ref=${2:-/usr/include/lua5.4}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cflags=(-std=c99 -Wall -Wextra -Werror -pedantic)
cxxflags=(-std=c++20 -Wall -Wextra -Werror -pedantic)

# What Tycho's headers must say about the version, whatever the reference.
ours_5_4_8='LUA_VERSION_RELEASE_NUM 50408 half=25204 size=4 signed
LUA_VERSION_RELEASE "8" length=1
LUA_RELEASE "Lua 5.4.8" length=9
LUA_COPYRIGHT "Lua 5.4.8  Copyright (C) 1994-2025 Lua.org, PUC-Rio" length=51
LUA_IGMARK "-" length=1'

# The reference's LUA_VERSION_RELEASE_NUM, e.g. 50404.
release_of() {
  local expr
  expr=$(printf '#include "lua.h"\nLUA_VERSION_RELEASE_NUM\n' | "$cc" -E -P -I"$1" - | tail -n 1)
  echo $((expr))
}

# Facts (first word of a line) and macro names allowed to differ from the
# reference: 5.4.4 has another version and no LUA_IGMARK (5.4.8 moved it
# into luaconf.h) and its Debian build names its own path macros; Lua
# 5.4.8's own build searches no Debian directory.
allowed_facts() {
  case $1 in
    50404) echo 'LUA_VERSION_RELEASE_NUM LUA_VERSION_RELEASE LUA_RELEASE LUA_COPYRIGHT LUA_IGMARK' ;;
    50408) echo 'LUA_PATH_DEFAULT LUA_CPATH_DEFAULT' ;;
    *) echo "abi.sh: unexpected reference release $1" >&2; exit 1 ;;
  esac
}
allowed_names() {
  case $1 in
    50404) echo 'LUA_IGMARK DEB_HOST_MULTIARCH _LUA_DEB_MULTIARCH_ LUA_ROOT2 LUA_LDIR2 LUA_CDIR2 LUA_CDIR3' ;;
    50408) echo '' ;;
  esac
}

allowed_functions() {
  case $1 in
    50404) echo 'lua_closethread' ;;  # new in 5.4.6
    50408) echo '' ;;
  esac
}

# Drops the lines whose first word is in the list $1.
without() {
  awk -v names="$1" 'BEGIN { n = split(names, a, " "); for (i = 1; i <= n; i++) skip[a[i]] = 1 }
                     !($1 in skip)'
}

compare() {  # compare LABEL EXPECTED ACTUAL
  if ! diff -u --label "$1 (reference)" --label "$1 (Tycho)" "$2" "$3"; then
    echo "abi.sh: $1 differ" >&2
    exit 1
  fi
}

facts() {
  local dir=$1 out=$2
  "$cc" "${cflags[@]}" -I"$dir" "$here/abi-facts.c" -o "$work/facts" -lm
  "$work/facts" >"$out" 2>&1
}

case $check in
  facts)
    release=$(release_of "$ref")
    skip=$(allowed_facts "$release")
    facts "$ref" "$work/ref.txt"
    facts "$ours" "$work/ours.txt"
    without "$skip" <"$work/ref.txt" >"$work/ref-kept.txt"
    without "$skip" <"$work/ours.txt" >"$work/ours-kept.txt"
    compare "facts" "$work/ref-kept.txt" "$work/ours-kept.txt"
    printf '%s\n' "$ours_5_4_8" >"$work/expected-version.txt"
    grep -E '^(LUA_VERSION_RELEASE_NUM|LUA_VERSION_RELEASE|LUA_RELEASE|LUA_COPYRIGHT|LUA_IGMARK) ' \
      "$work/ours.txt" >"$work/ours-version.txt"
    compare "version facts" "$work/expected-version.txt" "$work/ours-version.txt"
    echo "abi.sh: $(wc -l <"$work/ours-kept.txt") facts equal to $ref's (Lua $release)"
    ;;

  names)
    release=$(release_of "$ref")
    skip=$(allowed_names "$release")
    printf '#include "lua.h"\n#include "lauxlib.h"\n#include "lualib.h"\n' >"$work/all.c"
    for switches in "" "-DLUA_COMPAT_5_3 -DLUA_USE_LINUX -DLUA_USE_APICHECK -DLUA_CORE -DLUAI_ASSERT"; do
      for side in ref ours; do
        dir=$ref; [[ $side == ours ]] && dir=$ours
        # shellcheck disable=SC2086  # the switches are separate words
        "$cc" -std=c99 -E -dM $switches -I"$dir" "$work/all.c" |
          awk '{ sub(/\(.*/, "", $2); print $2 }' |
          grep -E '^(LUA|LUAL|LUAI|lua|luaL|luai|luaopen|l_|lauxlib_h|lualib_h|luaconf_h|DEB_|_LUA)' |
          grep -v '^TYCHO_' | without "$skip" | sort >"$work/$side-names.txt"
      done
      compare "macro names${switches:+ with $switches}" "$work/ref-names.txt" "$work/ours-names.txt"
    done
    # The functions declared: the name before the parameter list of each
    # declaration (types, all capitalised after the prefix, do not match).
    for side in ref ours; do
      dir=$ref; [[ $side == ours ]] && dir=$ours
      "$cc" -std=c99 -E -P -I"$dir" "$work/all.c" |
        grep -oE '\b(lua|luaL|luaopen)_[a-z][a-z0-9_]*\)? *\(' | grep -oE '^[A-Za-z0-9_]+' |
        without "$(allowed_functions "$release")" | sort -u >"$work/$side-functions.txt"
    done
    compare "declared functions" "$work/ref-functions.txt" "$work/ours-functions.txt"
    echo "abi.sh: $(wc -l <"$work/ours-names.txt") macro names and" \
      "$(wc -l <"$work/ours-functions.txt") functions as in $ref (Lua $release)"
    ;;

  declarations)
    # Lua's source directory may lack lua.hpp; it only wraps the headers.
    shim=()
    if [[ ! -f $ref/lua.hpp ]]; then
      mkdir "$work/shim"
      printf 'extern "C" {\n#include "lua.h"\n#include "lualib.h"\n#include "lauxlib.h"\n}\n' \
        >"$work/shim/lua.hpp"
      shim=(-I"$work/shim")
    fi
    for switches in "" -DLUA_COMPAT_5_3; do
      "$cxx" "${cxxflags[@]}" $switches -fsyntax-only -I"$ref" "${shim[@]}" "$here/declarations.cpp"
      "$cxx" "${cxxflags[@]}" $switches -fsyntax-only -I"$ours" "$here/declarations.cpp"
    done
    echo "abi.sh: declarations.cpp compiles against $ref and against include/"
    ;;

  uses)
    for switches in "" "-DLUA_COMPAT_5_3 -DLUA_USE_APICHECK -DLUAI_ASSERT"; do
      for dir in "$ref" "$ours"; do
        # shellcheck disable=SC2086
        "$cc" "${cflags[@]}" $switches -I"$dir" -c "$here/macro-uses.c" -o "$work/uses.o"
      done
    done
    echo "abi.sh: macro-uses.c compiles against $ref and against include/"
    ;;

  exports)
    for lang in c c++; do
      compiler=$cc; flags=("${cflags[@]}")
      [[ $lang == c++ ]] && compiler=$cxx && flags=("${cxxflags[@]}")
      "$compiler" "${flags[@]}" -x "$lang" -fPIC -shared -fvisibility=hidden -I"$ours" \
        "$here/exports.c" -o "$work/exports.so"
      nm -D --defined-only "$work/exports.so" | awk '{ print $3 }' |
        grep -E '^(lua_|luaL_|luaopen_)' | sort >"$work/exported.txt"
      printf '%s\n' luaL_checkinteger lua_gettop lua_ident luaopen_base | sort >"$work/expected.txt"
      compare "symbols exported from $lang" "$work/expected.txt" "$work/exported.txt"
    done
    echo "abi.sh: API definitions exported under their C names with -fvisibility=hidden"
    ;;

  paths)
    facts "$ours" "$work/ours.txt"
    {
      printf 'LUA_PATH_DEFAULT "%s"\n' "$("$ref" -E -e 'io.write(package.path)')"
      printf 'LUA_CPATH_DEFAULT "%s"\n' "$("$ref" -E -e 'io.write(package.cpath)')"
    } >"$work/ref-paths.txt"
    grep -E '^LUA_C?PATH_DEFAULT ' "$work/ours.txt" | sed 's/ length=[0-9]*$//' >"$work/ours-paths.txt"
    compare "default paths" "$work/ref-paths.txt" "$work/ours-paths.txt"
    echo "abi.sh: default paths equal $ref's package.path and package.cpath"
    ;;

  *)
    echo "usage: abi.sh facts|names|declarations|uses|exports|paths [REFERENCE]" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# cmake --install, then a host built outside the project finds Tycho:
#   install.sh <build dir> <host.c> <demo.lua>
# with find_package(Tycho) (the shared and the static library) and with
# pkg-config; each host runs the demo script.
set -eu
build=$1 host=$2 demo=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/tycho-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" > /dev/null
mkdir "$work/host"
cp "$host" "$work/host/host.c"
cat > "$work/host/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.20)
project(host C)
find_package(Tycho REQUIRED)
add_executable(host_shared host.c)
target_link_libraries(host_shared PRIVATE Tycho::tycho)
add_executable(host_static host.c)
target_link_libraries(host_static PRIVATE Tycho::tycho_static)
CMAKE
cmake -S "$work/host" -B "$work/host/build" -DCMAKE_PREFIX_PATH="$work/prefix" > /dev/null
cmake --build "$work/host/build" > /dev/null
flags=$(PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig" pkg-config --cflags --libs tycho)
cc -o "$work/host/host_pc" "$work/host/host.c" $flags
expect='counters collected: 101; .* 0 bytes left after lua_close'
LD_LIBRARY_PATH="$work/prefix/lib" "$work/host/build/host_shared" "$demo" | grep -q "$expect"
"$work/host/build/host_static" "$demo" | grep -q "$expect"
LD_LIBRARY_PATH="$work/prefix/lib" "$work/host/host_pc" "$demo" | grep -q "$expect"
echo OK

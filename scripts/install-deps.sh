#!/usr/bin/env bash
# Installs Tycho's build and test dependencies from Debian packages (needs root).
# Does nothing when everything is already present.
set -euo pipefail
packages=(cmake g++ make pkg-config ccache libasmjit-dev libmimalloc-dev libxxhash-dev
          doctest-dev libbenchmark-dev libedit-dev lua5.4 liblua5.4-dev luajit python3 time
          # Lua C modules and busted, for tests/modules (the C API's acceptance test)
          lua-filesystem lua-lpeg lua-cjson lua-term lua-system lua-busted)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi

#!/usr/bin/env bash
# Sourced by test.sh (and so by .ci/run): installs the Debian packages the host tests need when
# they are missing, so a fresh Debian machine with only the .NET SDK runs the README's test
# command as it is: PostgreSQL (the ledger tests start a throwaway server from its binaries)
# and Chromium (the public page and the situation picture are tested in it).
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ -z "${SKOLD_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  need+=(chromium)
fi
if [ ${#need[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: ${need[*]} missing and no apt-get here: install them with your system's packages" >&2
    exit 1
  fi
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  echo "test.sh: installing ${need[*]} from Debian's packages"
  "${sudo[@]}" apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "test.sh: could not install ${need[*]}" >&2; exit 1; }
fi

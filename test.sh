#!/usr/bin/env bash
# Builds everything the host can build (including the nanoFramework subset check) and runs
# every host test. The ledger tests also run against a throwaway PostgreSQL server this script
# starts, and the public page is tested in Debian's Chromium (packages postgresql, chromium).
# Extra arguments go to `dotnet test`, e.g. --filter Name~Ed25519.
set -euo pipefail
cd "$(dirname "$0")"
source build/test-postgres.sh
dotnet test Firmware.Host.slnf --nologo "$@"

#!/usr/bin/env bash
# Builds everything the host can build (including the nanoFramework images against the real
# mscorlib and our declared package surfaces) and runs every host test. Installs what the tests
# need when it is missing (Debian's postgresql and chromium, build/prerequisites.sh); the
# ledger tests run against a throwaway PostgreSQL server this script starts.
# Extra arguments go to `dotnet test`, e.g. --filter Name~Ed25519.
set -euo pipefail
cd "$(dirname "$0")"
source build/prerequisites.sh
source build/test-postgres.sh
dotnet test Firmware.Host.slnf --nologo "$@"

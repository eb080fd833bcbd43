#!/usr/bin/env bash
# Builds everything the host can build (including the nanoFramework subset check) and runs
# every host test. Extra arguments go to `dotnet test`, e.g. --filter Name~Ed25519.
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet test Firmware.Host.slnf --nologo "$@"

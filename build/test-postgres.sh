#!/usr/bin/env bash
# Sourced by test.sh: starts a throwaway PostgreSQL server from the Debian binaries (package
# postgresql) on a private socket, exports SKOLD_TEST_POSTGRES for the ledger tests, and stops
# and removes it when the tests end. An already set SKOLD_TEST_POSTGRES is used as it is.
if [ -n "${SKOLD_TEST_POSTGRES:-}" ]; then
  return 0
fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "test.sh: PostgreSQL is not installed; the ledger tests run against it too (Debian: apt-get install postgresql)" >&2
  exit 1
fi
pg_dir=$(mktemp -d /tmp/skold-pg.XXXXXX)
pg_port=$((20000 + RANDOM % 20000))
as_pg=()
if [ "$(id -u)" = 0 ]; then
  # initdb refuses to run as root: the server runs as the package's postgres user.
  chown postgres "$pg_dir"
  as_pg=(runuser -u postgres --)
fi
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U skold --auth=trust -E UTF8 >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-k $pg_dir -p $pg_port -c listen_addresses='' -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$pg_dir/server.log" >&2; exit 1; }
stop_test_postgres() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_test_postgres EXIT
export SKOLD_TEST_POSTGRES="Host=$pg_dir;Port=$pg_port;Username=skold;Database=postgres;Pooling=true"

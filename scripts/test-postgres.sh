#!/usr/bin/env bash
# Starts a private PostgreSQL server for the tests (its own data folder and port, trust
# authentication on loopback only) and prints the connection string the tests read from
# OMSTILLING_TEST_POSTGRES. `scripts/test-postgres.sh stop` stops it again.
# Needs Debian's postgresql package; as root the server runs as the postgres user.
set -euo pipefail

port="${OMSTILLING_TEST_PG_PORT:-55432}"
folder="${OMSTILLING_TEST_PG_DIR:-/tmp/omstilling-test-pg}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-start}" = stop ]; then
  as_owner "$bin/pg_ctl" -D "$folder/data" -m fast stop >/dev/null 2>&1 || true
  exit 0
fi

if ! as_owner "$bin/pg_ctl" -D "$folder/data" status >/dev/null 2>&1; then
  rm -rf "$folder"
  mkdir -p "$folder"
  [ "$(id -u)" = 0 ] && chown postgres "$folder"
  as_owner "$bin/initdb" -D "$folder/data" -U omstilling --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w \
    -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
fi

echo "Host=127.0.0.1;Port=$port;Username=omstilling;Database=postgres"

#!/usr/bin/env bash
# Start a throw-away PostgreSQL on loopback for the register tests and print its URL.
#
# Usage:  eval "$(scripts/ci_postgres.sh)"   # exports ISASSIST_TEST_PG_URL
#         scripts/ci_postgres.sh stop        # stops the server started here
#
# Installs the Debian package `postgresql` when no server binaries are found (needs root and
# apt-get). The cluster lives in a temporary folder owned by the `postgres` user, listens only
# on 127.0.0.1 and trusts local connections: it is for tests, never for real data.
set -euo pipefail

PORT="${ISASSIST_PG_PORT:-55432}"
DATA="${ISASSIST_PG_DATA:-/tmp/isassist-pg-$PORT}"
DB="${ISASSIST_PG_DB:-isassist_test}"
LOG="$DATA.log"

log() { echo "ci_postgres: $*" >&2; }

find_bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
  done | sort -V | tail -n 1
}

BINDIR="$(find_bindir)"
if [ -z "$BINDIR" ]; then
  log "no PostgreSQL found; installing the Debian package postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BINDIR="$(find_bindir)"
fi
if [ -z "$BINDIR" ]; then
  log "PostgreSQL could not be installed (no initdb/pg_ctl under /usr/lib/postgresql/*/bin)"
  exit 1
fi

# PostgreSQL refuses to run as root: run the server as the postgres user when we are root.
as_owner() {
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home "$DATA" postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [ "${1:-start}" = "stop" ]; then
  as_owner "$BINDIR/pg_ctl" -D "$DATA" -m fast stop >&2 || true
  exit 0
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
  mkdir -p "$DATA"
  [ "$(id -u)" = "0" ] && chown postgres "$DATA"
  as_owner "$BINDIR/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >&2
fi
touch "$LOG"
[ "$(id -u)" = "0" ] && chown postgres "$LOG"
if ! as_owner "$BINDIR/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  as_owner "$BINDIR/pg_ctl" -D "$DATA" -l "$LOG" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k /tmp -c fsync=off" start >&2
fi
if ! "$BINDIR/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  "$BINDIR/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
fi

URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/$DB"
log "PostgreSQL is running on 127.0.0.1:$PORT (data in $DATA); database $DB"
echo "export ISASSIST_TEST_PG_URL=$URL"

#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the test suite: `start` makes a new data folder and serves
# it on 127.0.0.1:${PGPORT:-55432} as the `postgres` user; `stop` stops it and removes the folder.
# It never touches a system service. Installs Debian's postgresql package when it is missing.
set -euo pipefail

port="${PGPORT:-55432}"
bin=/usr/lib/postgresql/15/bin
state="${TMPDIR:-/tmp}/jastar-postgres-$port"

case "${1:-}" in
  start)
    if [ ! -x "$bin/pg_ctl" ]; then apt-get update && apt-get install -y postgresql-15; fi
    rm -rf "$state"
    mkdir -p "$state"
    chown postgres:postgres "$state"
    # The C locale orders text by code point, as SQLite does.
    runuser -u postgres -- "$bin/initdb" -D "$state/data" -U postgres --auth=trust --locale=C --encoding=UTF8 >/dev/null
    runuser -u postgres -- "$bin/pg_ctl" -D "$state/data" -l "$state/log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $state -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$state/data" ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$state/data" -m immediate -w stop >/dev/null || true; fi
    rm -rf "$state"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac

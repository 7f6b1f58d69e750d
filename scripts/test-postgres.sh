#!/usr/bin/env bash
# scripts/test-postgres.sh [command ...]
#
# Starts a throwaway PostgreSQL (Debian's postgresql package, no container engine needed) on 127.0.0.1
# at a free port, exports SALESFLOW_TEST_POSTGRES for it, runs the command (default: the Web tests),
# and stops and deletes the server whatever happens. The exit code is the command's.
#
#   scripts/test-postgres.sh                                  # dotnet test --project tests/SalesFlow.Web.Tests
#   scripts/test-postgres.sh dotnet test                      # the whole solution on PostgreSQL
#
# Sourced (as .ci/run does), it only defines salesflow_pg_start / salesflow_pg_stop.
set -euo pipefail

salesflow_pg_bin() {
  local bin
  for bin in ${SALESFLOW_PG_BIN:-} /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -Vr); do
    if [[ -x "$bin/initdb" && -x "$bin/pg_ctl" ]]; then
      echo "$bin"
      return 0
    fi
  done
  echo "test-postgres: no PostgreSQL server binaries found; install them with: apt-get install -y postgresql" >&2
  return 1
}

# Runs a PostgreSQL tool as the postgres user when we are root (initdb refuses to run as root).
salesflow_pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

salesflow_pg_port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Starts the server and exports SALESFLOW_TEST_POSTGRES. Call salesflow_pg_stop (e.g. from a trap) afterwards.
salesflow_pg_start() {
  local bin attempt port
  bin=$(salesflow_pg_bin)
  SALESFLOW_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/salesflow-pg.XXXXXX")
  export SALESFLOW_PG_DIR SALESFLOW_PG_CTL="$bin/pg_ctl"
  chmod 700 "$SALESFLOW_PG_DIR"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$SALESFLOW_PG_DIR"
  fi

  if ! salesflow_pg_as_owner "$bin/initdb" -A trust -U postgres -E UTF8 --locale=C.UTF-8 -D "$SALESFLOW_PG_DIR/data" >"$SALESFLOW_PG_DIR/initdb.log" 2>&1; then
    cat "$SALESFLOW_PG_DIR/initdb.log" >&2
    echo "test-postgres: initdb failed" >&2
    return 1
  fi

  # A random high port, retried if another process takes it between our probe and the server's bind.
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    salesflow_pg_port_free "$port" || continue
    # fsync and friends off: the server lives for one test run and nothing in it must survive a crash.
    if salesflow_pg_as_owner "$bin/pg_ctl" -D "$SALESFLOW_PG_DIR/data" -l "$SALESFLOW_PG_DIR/server.log" -w -t 60 \
      -o "-k /tmp -h 127.0.0.1 -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null; then
      export SALESFLOW_PG_PORT=$port
      export SALESFLOW_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Include Error Detail=true"
      echo "test-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $SALESFLOW_PG_DIR)"
      return 0
    fi
    echo "test-postgres: start on port $port failed (attempt $attempt), retrying" >&2
    tail -n 5 "$SALESFLOW_PG_DIR/server.log" >&2 || true
  done

  echo "test-postgres: could not start PostgreSQL" >&2
  return 1
}

salesflow_pg_stop() {
  if [[ -n "${SALESFLOW_PG_DIR:-}" && -d "$SALESFLOW_PG_DIR" ]]; then
    if [[ -f "$SALESFLOW_PG_DIR/data/postmaster.pid" ]]; then
      salesflow_pg_as_owner "$SALESFLOW_PG_CTL" -D "$SALESFLOW_PG_DIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$SALESFLOW_PG_DIR"
    echo "test-postgres: stopped PostgreSQL and removed $SALESFLOW_PG_DIR"
  fi
  unset SALESFLOW_PG_DIR SALESFLOW_TEST_POSTGRES SALESFLOW_PG_PORT
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  cd "$(dirname "$0")/.."
  trap salesflow_pg_stop EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  salesflow_pg_start
  if [[ $# -eq 0 ]]; then
    set -- dotnet test --project tests/SalesFlow.Web.Tests
  fi
  status=0
  "$@" || status=$?
  exit "$status"
fi

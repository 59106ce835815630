#!/usr/bin/env bash
# Starts (or stops) throwaway PostgreSQL and Redis servers on loopback for the integration tests.
#   scripts/services.sh start   # prints the environment variables the tests read; also written to $STATE/env
#   scripts/services.sh stop
# Needs Debian's postgresql and redis-server packages (apt-get install -y postgresql redis-server).
set -euo pipefail

STATE="${KUROBE_SERVICES_DIR:-${TMPDIR:-/tmp}/kurobe-services}"
PG_PORT="${KUROBE_TEST_PG_PORT:-55432}"
REDIS_PORT="${KUROBE_TEST_REDIS_PORT:-56379}"
PG_PASSWORD="kurobe-test"

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -n "$dir" ] || { echo "PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2; exit 1; }
  echo "$dir"
}

start() {
  mkdir -p "$STATE"
  chmod 755 "$STATE"
  if [ "$(id -u)" = "0" ]; then chown postgres "$STATE"; fi
  local bin; bin="$(pg_bin)"
  if [ ! -d "$STATE/pg" ]; then
    mkdir -p "$STATE/pg"
    printf '%s\n' "$PG_PASSWORD" > "$STATE/pwfile"
    if [ "$(id -u)" = "0" ]; then chown postgres "$STATE/pg" "$STATE/pwfile"; fi
    as_postgres "$bin/initdb" -D "$STATE/pg" -U postgres --pwfile="$STATE/pwfile" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$STATE/initdb.log"
  fi
  as_postgres "$bin/pg_ctl" -D "$STATE/pg" -l "$STATE/pg.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $STATE -c max_connections=200 -c fsync=off" start >/dev/null

  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log" --dir "$STATE"
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

  cat > "$STATE/env" <<ENV
export KUROBE_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=postgres"
export KUROBE_TEST_REDIS="127.0.0.1:$REDIS_PORT"
export KUROBE_TEST_REDIS_PIDFILE="$STATE/redis.pid"
ENV
  cat "$STATE/env"
}

stop() {
  local bin; bin="$(pg_bin)"
  if [ -f "$STATE/redis.pid" ]; then
    local pid; pid="$(cat "$STATE/redis.pid")"
    kill -CONT "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  if [ -d "$STATE/pg" ]; then as_postgres "$bin/pg_ctl" -D "$STATE/pg" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

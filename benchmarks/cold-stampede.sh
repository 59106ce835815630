#!/usr/bin/env bash
# Cold-stampede benchmark: COUNT identical runQuery requests sent at the same moment for a result that is not cached
# yet, with the cache (the default) and with it bypassed (cacheTtlSeconds: 0), in the same run (Release build).
# With the cache, HybridCache lets one caller run the query and the others wait for its result; bypassed, every
# request runs it. The SQL differs per burst only by a literal, so every burst starts cold.
#   benchmarks/cold-stampede.sh [count]      (default: 100)
# One warm-up burst of each kind is discarded, then RUNS (default 3) rounds of both. Executions are counted from the
# server's answers (see `burst` in benchmarks/Benchmarks). Prints a Markdown table. Linux only (reads /proc).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=benchmarks/auth.sh
source benchmarks/auth.sh
count=${1:-100}
runs=${RUNS:-3}
work=$(mktemp -d)
server_pid=""
cleanup() {
  # Keep the script's own exit status: a killed server's exit code must not become the script's.
  local status=$?
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

dotnet build -c Release src/Api >/dev/null
dotnet build -c Release benchmarks/Benchmarks >/dev/null
bench=benchmarks/Benchmarks/bin/Release/net10.0/Kurobe.Benchmarks.dll

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
KUROBE_DATA_DIR="$work/data" ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Api/bin/Release/net10.0/Kurobe.Api.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null   # fails the script when the server never got ready
url="http://127.0.0.1:$port/graphql"

# Revenue, orders, buyers and the median line by region, segment and category over every order line: 60 rows,
# some 0.2 s of engine time at scale 1 when nothing else runs. The tag literal makes each burst's SQL new.
sql() {
  echo "select c.region, c.segment, p.category, count(distinct oi.order_id) as orders, count(distinct o.customer_id) as buyers, round(sum(oi.quantity * oi.unit_price * (1 - oi.discount)), 2) as revenue, median(oi.quantity * oi.unit_price) as median_line, '$1' as burst from order_items oi join orders o using (order_id) join customers c using (customer_id) join products p using (product_id) group by all order by revenue desc"
}
burst() { dotnet "$bench" burst "$url" "$(sql "$1-$RANDOM$RANDOM")" "$count" "$2" "$server_pid"; }
field() { node -e "console.log(JSON.parse(process.argv[1])[process.argv[2]])" "$1" "$2"; }

burst warm-up-cached default >/dev/null
burst warm-up-bypassed 0 >/dev/null

echo "| round | cache | requests | engine executions (cacheHit: false) | distinct executedAt | seen in runningQueries | most running at once | wall time (s) | median latency (s) | server CPU (s) |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for round in $(seq 1 "$runs"); do
  for mode in default 0; do
    out=$(burst "round-$round-ttl-$mode" "$mode")
    [[ $(field "$out" errors) == 0 ]] || { echo "errors: $out" >&2; exit 1; }
    label=$([[ $mode == default ]] && echo "default (300 s)" || echo "bypassed (cacheTtlSeconds: 0)")
    node -e '
      const r = JSON.parse(process.argv[1]);
      console.log(`| ${process.argv[2]} | ${process.argv[3]} | ${r.requests} | ${r.cacheMisses} | ${r.distinctExecutedAt} | ${r.seenRunning} | ${r.mostRunningAtOnce} | ${(r.wallMs / 1000).toFixed(2)} | ${(r.p50Ms / 1000).toFixed(2)} | ${r.serverCpuSeconds.toFixed(2)} |`);
    ' "$out" "$round" "$label"
  done
done

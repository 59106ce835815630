#!/usr/bin/env bash
# Cached-query benchmark: requests/s and latency of a runQuery answered from the result cache, next to a bare
# ASP.NET Core endpoint that answers the same POST /graphql with the same bytes, measured in the same run
# (Release builds, both on loopback, same load generator, same concurrency).
# The difference is what Kurobe adds to a cache hit: GraphQL parsing, validation and execution, the mediator
# pipeline, request validation, the statement gate, the cache lookup and serialization.
#   [SQL=...] benchmarks/cached-query.sh [concurrency ...]      (default: 1 32)
# Each target and concurrency runs RUNS times (default 3) for DURATION seconds (default 10), each after a 2 s
# warm-up; the table shows medians. Prints a Markdown table. Linux only (reads /proc).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=benchmarks/auth.sh
source benchmarks/auth.sh
concurrencies=("${@:-1}")
[[ $# -eq 0 ]] && concurrencies=(1 32)
runs=${RUNS:-3}
duration=${DURATION:-10}
work=$(mktemp -d)
server_pid=""
bare_pid=""
cleanup() {
  # Keep the script's own exit status: a killed server's exit code must not become the script's.
  local status=$?
  if [[ -n "$bare_pid" ]]; then kill "$bare_pid" 2>/dev/null || true; wait "$bare_pid" 2>/dev/null || true; fi
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

dotnet build -c Release src/Api >/dev/null
dotnet build -c Release benchmarks/Benchmarks >/dev/null
bench=benchmarks/Benchmarks/bin/Release/net10.0/Kurobe.Benchmarks.dll

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
wait_ready() {
  for _ in $(seq 1 120); do curl -fsS "$1/health/ready" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "not ready: $1" >&2
  return 1
}

port=$(free_port)
KUROBE_DATA_DIR="$work/data" ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Api/bin/Release/net10.0/Kurobe.Api.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
wait_ready "http://127.0.0.1:$port"

# Revenue and orders by month and category over the last two years of the demo data: 120 rows. SQL='...' replaces
# it, e.g. SQL='select 42 as answer' to see the fixed cost of a hit apart from the size of its SQL and result.
sql=${SQL:-"select date_trunc('month', o.order_date) as month, p.category, count(distinct o.order_id) as orders, round(sum(oi.quantity * oi.unit_price * (1 - oi.discount)), 2) as revenue from orders o join order_items oi using (order_id) join products p using (product_id) where o.order_date >= date '2024-01-01' and o.status = 'completed' group by all order by month, p.category"}
node -e 'console.log(JSON.stringify({query: `{ runQuery(input: {sql: ${JSON.stringify(process.argv[1])}}) { columns { name type } rows rowCount cacheHit } }`}))' "$sql" >"$work/body.json"
post() {
  curl -fsS "$1/graphql" -H "authorization: Bearer $KUROBE_API_KEY" -H 'content-type: application/json' -H 'accept: application/graphql-response+json' \
    --data-binary @"$work/body.json" -o "$2"
}
# The first request runs the query and fills the cache; the second is answered from it: those are the bytes the
# bare endpoint sends back.
post "http://127.0.0.1:$port" "$work/first.json"
post "http://127.0.0.1:$port" "$work/response.json"
grep -q '"cacheHit":true' "$work/response.json" || { echo "the second request was not a cache hit" >&2; exit 1; }

bare_port=$(free_port)
dotnet "$bench" bare-endpoint "$bare_port" "$work/response.json" >"$work/bare.log" 2>&1 &
bare_pid=$!
wait_ready "http://127.0.0.1:$bare_port"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { node -e "console.log(JSON.parse(process.argv[1])[process.argv[2]])" "$1" "$2"; }

echo "Response: $(wc -c <"$work/response.json") bytes, $(grep -o '"rowCount":[0-9]*' "$work/response.json" | cut -d: -f2) rows; ${runs} runs of ${duration} s per line, medians."
echo
echo "| target | concurrency | requests/s | p50 ms | p99 ms | server CPU per request (µs) | cache hits / requests (all runs) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for concurrency in "${concurrencies[@]}"; do
  for target in kurobe bare; do
    if [[ $target == kurobe ]]; then url="http://127.0.0.1:$port/graphql"; pid=$server_pid; name="Kurobe runQuery (cache hit)"
    else url="http://127.0.0.1:$bare_port/graphql"; pid=$bare_pid; name="bare ASP.NET Core endpoint, same bytes"; fi
    rps=(); p50=(); p99=(); cpu=(); hits=0; requests=0
    for _ in $(seq 1 "$runs"); do
      out=$(dotnet "$bench" load "$url" "$work/body.json" "$concurrency" "$duration" "$pid")
      [[ $(field "$out" errors) == 0 ]] || { echo "errors from $target: $out" >&2; exit 1; }
      rps+=("$(field "$out" requestsPerSecond)"); p50+=("$(field "$out" p50Ms)"); p99+=("$(field "$out" p99Ms)")
      cpu+=("$(field "$out" serverCpuMicrosecondsPerRequest)")
      hits=$((hits + $(field "$out" cacheHits))); requests=$((requests + $(field "$out" requests)))
    done
    # The bare endpoint sends the captured hit, so its count only shows the client checked the same bytes.
    awk -v name="$name" -v c="$concurrency" -v rps="$(printf '%s\n' "${rps[@]}" | median)" \
      -v p50="$(printf '%s\n' "${p50[@]}" | median)" -v p99="$(printf '%s\n' "${p99[@]}" | median)" \
      -v cpu="$(printf '%s\n' "${cpu[@]}" | median)" -v hits="$hits" -v requests="$requests" \
      'BEGIN { printf "| %s | %d | %d | %.2f | %.2f | %d | %d / %d |\n", name, c, rps, p50, p99, cpu, hits, requests }'
  done
done

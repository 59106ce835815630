#!/usr/bin/env bash
# Streaming benchmark: rows/s of queryStream through Kurobe with the graphql-ws client, next to a raw DuckDB.NET
# reader over the same query on the same demo database, measured in the same run (Release builds).
# Each size runs once to warm up (JIT, caches) and then RUNS times (default 3); the table shows medians, the CPU time
# the server spent per streamed run, and the server's peak resident memory (VmHWM, since start) after that size:
# run several sizes in one call to see that memory stays flat as results grow.
#   benchmarks/stream-rows.sh [rows ...]      (default: 1000000)
# Prints a Markdown table. Linux only (reads /proc).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=benchmarks/auth.sh
source benchmarks/auth.sh
sizes=("${@:-1000000}")
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
(cd benchmarks && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
KUROBE_DATA_DIR="$work/data" ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Api/bin/Release/net10.0/Kurobe.Api.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 1; done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
server_cpu_ms() { awk '{print ($14 + $15) * 10}' "/proc/$server_pid/stat"; }
field() { node -e "console.log(JSON.parse(process.argv[1])[process.argv[2]])" "$1" "$2"; }

echo "| rows | raw DuckDB.NET reader (rows/s) | Kurobe queryStream via graphql-ws (rows/s) | ratio | server CPU per stream (s) | messages | MB on the wire | server peak RSS (MB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for rows in "${sizes[@]}"; do
  sql="select range as n, range * 2 as twice, 'row ' || range as label from range($rows)"
  dotnet benchmarks/Benchmarks/bin/Release/net10.0/Kurobe.Benchmarks.dll raw-duckdb "$work/data/demo.duckdb" "$sql" >/dev/null
  node benchmarks/stream-client.mjs "ws://127.0.0.1:$port/graphql" "$sql" >/dev/null
  raw=(); streamed=(); cpu=(); last=""
  for _ in $(seq 1 "$runs"); do
    raw+=("$(field "$(dotnet benchmarks/Benchmarks/bin/Release/net10.0/Kurobe.Benchmarks.dll raw-duckdb "$work/data/demo.duckdb" "$sql")" rowsPerSecond)")
    before=$(server_cpu_ms)
    last=$(node benchmarks/stream-client.mjs "ws://127.0.0.1:$port/graphql" "$sql")
    cpu+=("$(( $(server_cpu_ms) - before ))")
    streamed+=("$(field "$last" rowsPerSecond)")
  done
  raw_median=$(printf '%s\n' "${raw[@]}" | median)
  streamed_median=$(printf '%s\n' "${streamed[@]}" | median)
  cpu_median=$(printf '%s\n' "${cpu[@]}" | median)
  peak=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$server_pid/status")
  awk -v rows="$rows" -v raw="$raw_median" -v streamed="$streamed_median" -v cpu="$cpu_median" -v messages="$(field "$last" messages)" \
    -v bytes="$(field "$last" bytes)" -v peak="$peak" \
    'BEGIN { printf "| %d | %d | %d | %.2f | %.2f | %d | %.1f | %d |\n", rows, raw, streamed, streamed / raw, cpu / 1000, messages, bytes / 1048576, peak }'
done

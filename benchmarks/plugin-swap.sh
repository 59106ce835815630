#!/usr/bin/env bash
# Plugin swap: the time from replacing a plugin's files in the plugin directory of a running Kurobe (Release,
# production settings) to the new version serving, as `engines` reports it. Swaps the fixture visualization plugin
# between its versions 1.0 and 2.0, RUNS times each way (default 5), and prints the median, fastest and slowest swap
# with the reload debounce that is part of every swap (Kurobe:Plugins:ReloadDebounceMilliseconds, default 500 ms).
#   benchmarks/plugin-swap.sh [debounce-ms]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=benchmarks/auth.sh
source benchmarks/auth.sh
debounce=${1:-500}
runs=${RUNS:-5}
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release src/Api >/dev/null
for v in V1 V2; do dotnet build -c Release "tests/TestPlugins/Fixture.Visualization.$v" >/dev/null; done
mkdir -p "$work/config" "$work/plugins/fixture-visualization"
cat > "$work/config/engines.yaml" <<YAML
visualization:
  default: { provider: "fixture", config: {} }
YAML
v1="tests/TestPlugins/Fixture.Visualization.V1/bin/Release/net10.0"
v2="tests/TestPlugins/Fixture.Visualization.V2/bin/Release/net10.0"
cp -r "$v1"/. "$work/plugins/fixture-visualization/"

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
KUROBE_DATA_DIR="$work/data" KUROBE_CONFIG_DIR="$work/config" ASPNETCORE_ENVIRONMENT=Production \
  Kurobe__Plugins__Directory="$work/plugins" Kurobe__Plugins__ReloadDebounceMilliseconds="$debounce" \
  dotnet src/Api/bin/Release/net10.0/Kurobe.Api.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && break; sleep 1; done

result=$(node benchmarks/plugin-swap.mjs "http://127.0.0.1:$port/graphql" "$work/plugins/fixture-visualization" "$v1" "$v2" "$runs")
field() { node -e "console.log(Math.round(JSON.parse(process.argv[1])[process.argv[2]]))" "$result" "$1"; }
echo "| reload debounce (ms) | swaps | median (ms) | fastest (ms) | slowest (ms) | median minus debounce (ms) |"
echo "|---:|---:|---:|---:|---:|---:|"
echo "| $debounce | $(field swaps) | $(field medianMs) | $(field minMs) | $(field maxMs) | $(( $(field medianMs) - debounce )) |"

#!/usr/bin/env bash
# The deterministic semantic engine: questions per second and p50/p99 latency, for the engine alone and for the engine
# followed by the SQL compiler, against config/semantic/retail.yaml and the demo data's real values.
# Usage: benchmarks/semantic-engine.sh [seconds per measurement] [demo.duckdb]
# The demo database is written by the server on its first start (data/demo.duckdb).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
database="${2:-data/demo.duckdb}"
if [[ ! -f "$database" ]]; then
  echo "No demo database at $database: start the server once (dotnet run --project src/Api) to create it." >&2
  exit 1
fi
dotnet build benchmarks/Benchmarks -c Release -v q -nologo >/dev/null
dotnet benchmarks/Benchmarks/bin/Release/net10.0/Kurobe.Benchmarks.dll semantic config/semantic/retail.yaml "$database" "$seconds"

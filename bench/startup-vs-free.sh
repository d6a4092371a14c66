#!/usr/bin/env bash
# Start-up to exit of the native `hostdoc check writeback` (and `check memory`, `explain EEXIST`) beside procps
# `free` and the runtime's floor (bench/floor: a Native AOT program that reads /proc/meminfo), in one hyperfine run with the commands interleaved per round, as a ratio of medians.
# Usage: bench/startup-vs-free.sh [RUNS]     (needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-500}
command -v hyperfine >/dev/null || { echo "hyperfine is not installed (apt-get install hyperfine)"; exit 2; }
dotnet publish src/HostDoc.Cli -c Release -o artifacts/publish >/dev/null
dotnet publish bench/floor -c Release -o artifacts/floor >/dev/null   # the runtime's floor: AOT, reads /proc/meminfo
bin=artifacts/publish/hostdoc
out=$(mktemp --suffix=.json)
hyperfine -N --warmup 50 --runs "$runs" --export-json "$out" \
  "$bin check writeback" "$bin check memory" "$bin explain EEXIST" "free" "artifacts/floor/floor" >/dev/null 2>&1
python3 - "$out" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
free = results["free"]["median"]
floor = results["artifacts/floor/floor"]["median"]
for command, r in results.items():
    print(f"{command:45s} median {r['median']*1000:6.2f} ms  mean {r['mean']*1000:6.2f} ms  "
          f"x{r['median']/free:4.2f} of free  x{r['median']/floor:4.2f} of the floor")
PY

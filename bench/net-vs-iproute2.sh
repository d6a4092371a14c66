#!/usr/bin/env bash
# `hostdoc net` beside what an operator types for the same picture: `ss -s` + `ip -s link` + `nstat -az`
# (iproute2), in one hyperfine run, commands interleaved per round, as a ratio of medians; and the start-up of
# `hostdoc check net` beside `hostdoc check writeback`'s (the cheapest check). The native binary.
# Usage: bench/net-vs-iproute2.sh [RUNS]     (needs hyperfine and iproute2: apt-get install hyperfine iproute2)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-300}
command -v hyperfine >/dev/null || { echo "hyperfine is not installed (apt-get install hyperfine)"; exit 2; }
dotnet publish src/HostDoc.Cli -c Release -o artifacts/publish >/dev/null
bin=$PWD/artifacts/publish/hostdoc
out=$(mktemp --suffix=.json)
hyperfine -N --warmup 30 --runs "$runs" --export-json "$out" \
  "$bin net" "sh -c 'ss -s; ip -s link; nstat -az'" "$bin check net" "$bin check writeback" >/dev/null 2>&1
python3 - "$out" "$bin" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
b = sys.argv[2]
peer = results["sh -c 'ss -s; ip -s link; nstat -az'"]["median"]
writeback = results[f"{b} check writeback"]["median"]
for command, r in results.items():
    print(f"{command.replace(b, 'hostdoc'):45s} median {r['median']*1000:6.2f} ms  mean {r['mean']*1000:6.2f} ms")
print(f"hostdoc net / (ss -s + ip -s link + nstat -az): x{results[f'{b} net']['median']/peer:4.2f}")
print(f"check net / check writeback start-up:           x{results[f'{b} check net']['median']/writeback:4.2f}")
PY

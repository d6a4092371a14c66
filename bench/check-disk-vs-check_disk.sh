#!/usr/bin/env bash
# hostdoc check disk beside monitoring-plugins check_disk, process start to exit, in one hyperfine
# run (interleaved), as a ratio of medians. Same arguments on both sides (compatible mode), plus
# hostdoc's native mode for reference.
# Usage: bench/check-disk-vs-check_disk.sh [RUNS]   (needs hyperfine and monitoring-plugins-basic)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-500}
cd_bin=/usr/lib/nagios/plugins/check_disk
command -v hyperfine >/dev/null || { echo "hyperfine is not installed (apt-get install hyperfine)"; exit 2; }
[[ -x $cd_bin ]] || { echo "$cd_bin is missing (apt-get install monitoring-plugins-basic)"; exit 2; }
dotnet publish src/HostDoc.Cli -c Release -o artifacts/publish >/dev/null
dotnet publish bench/floor -c Release -o artifacts/floor >/dev/null   # the runtime's floor: AOT, reads /proc/meminfo
bin=artifacts/publish/hostdoc
out=$(mktemp --suffix=.json)
hyperfine -N --warmup 50 --runs "$runs" -i --export-json "$out" \
  "$cd_bin -w 20% -c 10% -A" "$bin check disk -w 20% -c 10% -A" \
  "$cd_bin -w 20% -c 10% -p /" "$bin check disk -w 20% -c 10% -p /" \
  "$bin check disk" "artifacts/floor/floor" >/dev/null 2>&1
python3 - "$out" "$cd_bin" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
peer = {r["command"].split(" ", 1)[1]: r["median"] for r in results if r["command"].startswith(sys.argv[2])}
floor = next(r["median"] for r in results if r["command"] == "artifacts/floor/floor")
for r in results:
    if r["command"] == "artifacts/floor/floor":
        print(f"{'the runtime floor (bench/floor)':70s} median {r['median']*1000:6.2f} ms")
        continue
    args = r["command"].split(" check disk", 1)[-1].strip() if "check disk" in r["command"] else r["command"].split(" ", 1)[1]
    base = peer.get(args)
    ratio = f"x{r['median']/base:4.2f} of check_disk" if base and not r["command"].startswith(sys.argv[2]) else ""
    print(f"{r['command']:70s} median {r['median']*1000:6.2f} ms  {ratio}  x{r['median']/floor:4.2f} of the floor")
PY

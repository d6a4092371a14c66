#!/usr/bin/env bash
# hostdoc stuck: (1) one sample of a generated tree of 10,000 processes (50 of them in D with
# kernel stacks), and (2) one live sample of this machine next to `ps -eo pid,stat,wchan`, in one
# hyperfine run, as a ratio. Usage: bench/stuck-vs-ps.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
dotnet publish src/HostDoc.Cli -c Release -o artifacts/publish >/dev/null
bin=artifacts/publish/hostdoc
tree=$(mktemp -d /tmp/hostdoc-bench-procs.XXXXXX)
trap 'rm -rf "$tree"' EXIT
python3 bench/make-proc-tree.py "$tree" --sched
echo "52.10 50.00 40.00 2/10000 11000" > "$tree/proc/loadavg"
out=$(mktemp --suffix=.json)
hyperfine -N --warmup 3 --runs "$runs" -i --export-json "$out" \
  "$bin --root $tree stuck --samples 1" "$bin stuck --samples 1" "ps -eo pid,stat,wchan" >/dev/null 2>&1
python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])).get("results")
ps = r[2].get("median")
print(f"10,000-process tree, one sample:   median {r[0].get('median')*1000:7.1f} ms")
print(f"live, hostdoc stuck --samples 1:   median {r[1].get('median')*1000:7.1f} ms  x{r[1].get('median')/ps:4.2f} of ps")
print(f"live, ps -eo pid,stat,wchan:       median {ps*1000:7.1f} ms")
PY

#!/usr/bin/env bash
# hostdoc report on a generated tree of 10,000 processes (50 in D with kernel stacks, open files and
# a mount), beside BASELINE (an older hostdoc binary) in one hyperfine run, as a ratio: the stuck
# task → filesystem → device chain must not make report slower.
# Usage: BASELINE=/path/to/old/hostdoc bench/report-10k-procs.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 2; }
dotnet publish src/HostDoc.Cli -c Release -o artifacts/publish >/dev/null
bin=artifacts/publish/hostdoc
tree=$(mktemp -d /tmp/hostdoc-bench-report.XXXXXX)
trap 'rm -rf "$tree"' EXIT
cp -a samples/failing-disk/. "$tree/"
python3 bench/make-proc-tree.py "$tree" --files /data
cmds=("$bin --root $tree report")
[[ -n ${BASELINE:-} ]] && cmds+=("$BASELINE --root $tree report")
out=$(mktemp --suffix=.json)
hyperfine -N --warmup 2 --runs "$runs" -i --export-json "$out" "${cmds[@]}" >/dev/null 2>&1
python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(f"this build:  median {r[0]['median']*1000:7.1f} ms")
if len(r) > 1:
    print(f"baseline:    median {r[1]['median']*1000:7.1f} ms   ratio this/baseline {r[0]['median']/r[1]['median']:.2f}")
PY

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
python3 - "$tree" <<'PY'
import os, sys
root = sys.argv[1]
tail = " 1 1 1 0 -1 4194304 100 0 0 0 2 3 0 0 20 0 1 0 {start} 4186112 150 18446744073709551615 1 2 3 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n"
for pid in range(1000, 11000):
    d = f"{root}/proc/{pid}/task/{pid}"
    os.makedirs(d)
    state = "D" if pid % 200 == 0 else "S"
    line = f"{pid} (worker {pid}) {state}" + tail.format(start=pid * 10)
    open(f"{root}/proc/{pid}/stat", "w").write(line)
    open(f"{d}/stat", "w").write(line)
    if state == "D":
        open(f"{d}/stack", "w").write("[<0>] folio_wait_writeback+0x2a/0x80\n[<0>] __filemap_fdatawait_range+0x8c/0xf0\n[<0>] file_write_and_wait_range+0x8c/0xb0\n[<0>] ext4_sync_file+0x10e/0x380\n")
        open(f"{d}/wchan", "w").write("folio_wait_writeback")
        open(f"{root}/proc/{pid}/cmdline", "w").write(f"worker\0{pid}\0")
        os.makedirs(f"{root}/proc/{pid}/fd")
        os.symlink(f"/data/work/{pid}.log", f"{root}/proc/{pid}/fd/3")
        os.symlink("/data/work", f"{root}/proc/{pid}/cwd")
PY
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

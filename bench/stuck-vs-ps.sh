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
        open(f"{d}/sched", "w").write("se.exec_start : 1000.0\nnr_switches : 5\n")
        open(f"{root}/proc/{pid}/cmdline", "w").write(f"worker\0{pid}\0")
os.makedirs(f"{root}/proc/self")
open(f"{root}/proc/self/sched", "w").write("se.exec_start : 61000.0\nnr_switches : 1\n")
open(f"{root}/proc/loadavg", "w").write("52.10 50.00 40.00 2/10000 11000\n")
PY
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

#!/usr/bin/env bash
# hostdoc iostat beside sysstat's iostat -x, in one run: both sample /proc/diskstats COUNT times,
# INTERVAL whole seconds apart (sysstat takes whole seconds), at the same time. Prints the CPU of
# each whole process (user + system from wait4, start-up included) per sample, and the ratio.
# Usage: bench/iostat-vs-sysstat.sh [COUNT] [INTERVAL]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-30} interval=${2:-1}
command -v iostat >/dev/null || { echo "iostat (sysstat) is missing: apt-get install sysstat" >&2; exit 2; }
dotnet publish src/HostDoc.Cli -c Release -o artifacts/publish >/dev/null
python3 - artifacts/publish/hostdoc "$count" "$interval" <<'PY'
import os, subprocess, sys
binary, n, interval = sys.argv[1], int(sys.argv[2]), sys.argv[3]
null = open(os.devnull, "w")
# iostat's first report is the since-boot one: COUNT + 1 reports are COUNT samples over intervals.
procs = {
    "hostdoc": subprocess.Popen([binary, "iostat", "--interval", interval, "--count", str(n)], stdout=null),
    "iostat": subprocess.Popen(["iostat", "-x", "-d", interval, str(n + 1)], stdout=null),
}
cpu = {}
for name, p in procs.items():
    _, status, usage = os.wait4(p.pid, 0)
    cpu[name] = usage.ru_utime + usage.ru_stime
for name in procs:
    print(f"{name:8s} {cpu[name]:.3f} s CPU over {n} samples: {cpu[name] / n * 1000:.2f} ms per sample")
print(f"ratio hostdoc / iostat: {cpu['hostdoc'] / max(cpu['iostat'], 1e-9):.2f}")
PY

#!/usr/bin/env bash
# hostdoc logs (full decoding into incidents) beside GNU grep -cE with one alternation of the
# recognizers' anchor phrases, on a generated syslog (0.1 % kernel error lines), in one run:
# median wall time of RUNS interleaved runs each, throughput, ratio, and hostdoc's peak RSS.
# Usage: bench/logs-vs-grep.sh [MIB] [RUNS]   (default 1024 MiB, 5 runs; the file is cached in /tmp)
# BASELINE=/path/to/older/hostdoc adds that binary to the same interleaved runs (is a change slower?).
set -euo pipefail
cd "$(dirname "$0")/.."
mib=${1:-1024}
runs=${2:-5}
dotnet publish src/HostDoc.Cli -c Release -o artifacts/publish >/dev/null
bin=artifacts/publish/hostdoc
log=/tmp/hostdoc-bench/syslog-${mib}m.log
mkdir -p /tmp/hostdoc-bench
[[ -s $log ]] || dotnet run -c Release --project bench/HostDoc.Bench -- syslog "$log" "$mib"
pattern=$(dotnet run -c Release --project bench/HostDoc.Bench -- anchors)
cat "$log" > /dev/null   # page cache warm: both sides read from memory
python3 - "$bin" "$log" "$pattern" "$runs" "${BASELINE:-}" <<'PY'
import os, resource, statistics, subprocess, sys, time
bin, log, pattern, runs, baseline = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
size = os.path.getsize(log)
cmds = {
    "hostdoc logs": [bin, "logs", "--format", "json", log],
    **({"baseline logs": [baseline, "logs", "--format", "json", log]} if baseline else {}),
    "grep -cE":     ["grep", "-cE", pattern, log],
    "wc -l":        ["wc", "-l", log],
}
times = {k: [] for k in cmds}
rss = 0
for _ in range(runs):
    for name, cmd in cmds.items():
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.PIPE, check=name != "grep -cE")   # a pipe: GNU grep stops at the first match when stdout is /dev/null
        times[name].append(time.perf_counter() - start)
        if name == "hostdoc logs" and not rss:   # the first child of all: getrusage then holds its own peak alone
            rss = max(rss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
base = statistics.median(times["grep -cE"])
print(f"input: {log}, {size/1e9:.2f} GB; {runs} interleaved runs each; {len(pattern.split('|'))} anchor phrases")
for name, t in times.items():
    m = statistics.median(t)
    print(f"{name:14s} median {m:6.3f} s  {size/m/1e9:5.2f} GB/s  x{m/base:4.2f} of grep")
print(f"hostdoc logs peak RSS {rss/1024:.1f} MiB (max of the runs, getrusage; the first child is hostdoc, so this is its own)")
out = subprocess.run(cmds["hostdoc logs"], capture_output=True, text=True).stdout
import json
doc = json.loads(out)
print(f"hostdoc found {len(doc['incidents'])} incidents in {doc['read']['lines']} lines ({doc['read']['candidate_lines']} passed the prefilter)")
PY

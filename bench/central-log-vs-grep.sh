#!/usr/bin/env bash
# A central syslog server's file (HOSTS hosts' lines interleaved, 0.1 % kernel error lines) beside the same size
# of one host's log: hostdoc logs on both (the central one must stay at >= 0.9x the single-host throughput, its
# memory bounded by incidents, not lines), and GNU grep -cE and ripgrep -c with the recognizers' anchors on the
# central file, in one run: median wall time of RUNS interleaved runs each, throughput, ratio to grep, peak RSS.
# Usage: bench/central-log-vs-grep.sh [MIB] [RUNS] [HOSTS]   (default 1024 MiB, 5 runs, 1000 hosts; files cached in /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
mib=${1:-1024}
runs=${2:-5}
hosts=${3:-1000}
command -v rg >/dev/null || { [[ $(id -u) == 0 ]] && apt-get install -y -qq ripgrep >/dev/null; }
dotnet publish src/HostDoc.Cli -c Release -o artifacts/publish >/dev/null
bin=artifacts/publish/hostdoc
mkdir -p /tmp/hostdoc-bench
single=/tmp/hostdoc-bench/syslog-${mib}m.log
central=/tmp/hostdoc-bench/central-${mib}m-${hosts}h.log
[[ -s $single ]] || dotnet run -c Release --project bench/HostDoc.Bench -- syslog "$single" "$mib"
[[ -s $central ]] || dotnet run -c Release --project bench/HostDoc.Bench -- syslog "$central" "$mib" "$hosts"
pattern=$(dotnet run -c Release --project bench/HostDoc.Bench -- anchors)
cat "$single" "$central" > /dev/null   # page cache warm: every side reads from memory
python3 - "$bin" "$single" "$central" "$pattern" "$runs" "$hosts" <<'PY'
import json, os, resource, statistics, subprocess, sys, time
bin, single, central, pattern, runs, hosts = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6]
cmds = {
    "hostdoc, 1 host":        ([bin, "logs", "--format", "json", single], single),
    f"hostdoc, {hosts} hosts": ([bin, "logs", "--format", "json", central], central),
    "grep -cE":               (["grep", "-cE", pattern, central], central),
    "rg -c":                  (["rg", "-c", pattern, central], central),
}
times = {k: [] for k in cmds}
rss = {k: 0 for k in cmds}
for _ in range(runs):
    for name, (cmd, _) in cmds.items():
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE)   # a pipe: GNU grep stops at the first match when stdout is /dev/null
        p.stdout.read()
        _, status, usage = os.wait4(p.pid, 0)
        times[name].append(time.perf_counter() - start)
        rss[name] = max(rss[name], usage.ru_maxrss)
base = statistics.median(times["grep -cE"])
one = statistics.median(times["hostdoc, 1 host"])
print(f"inputs: {single} and {central}, {os.path.getsize(central)/1e9:.2f} GB each; {runs} interleaved runs each; {len(pattern.split('|'))} anchor phrases")
for name, t in times.items():
    m = statistics.median(t)
    size = os.path.getsize(cmds[name][1])
    print(f"{name:18s} median {m:6.3f} s  {size/m/1e9:5.2f} GB/s  x{m/base:4.2f} of grep's time  peak RSS {rss[name]/1024:6.1f} MiB")
many = statistics.median(times[f"hostdoc, {hosts} hosts"])
print(f"central throughput = x{one/many:.2f} of the single-host throughput (target >= 0.9)")
doc = json.loads(subprocess.run(cmds[f"hostdoc, {hosts} hosts"][0], capture_output=True, text=True).stdout)
print(f"hostdoc found {len(doc['incidents'])} incidents on {len({i.get('host') for i in doc['incidents']})} hosts in {doc['read']['lines']} lines")
PY

#!/usr/bin/env bash
# hostdoc serve beside Debian's node_exporter 1.5 with matched collectors — every collector hostdoc
# serve has: meminfo, loadavg, cpu, stat, interrupts, vmstat, pressure, diskstats, filefd, entropy, uname,
# os, time, edac, hwmon, mdadm, netstat, netdev, sockstat, conntrack, softnet, netclass, filesystem,
# textfile (one shared directory with a .prom file) — both native, on this host, in one run: scrapes
# alternate between the two servers, each asking for gzip as Prometheus does. Per server: median and p90
# scrape latency, CPU seconds per scrape (utime+stime of the server process over the run / scrapes),
# peak RSS (VmHWM). hostdoc's figures include its findings (every checks evaluation in the run).
# Usage: [CHECKS_EVERY=S] bench/serve-vs-node_exporter.sh [SCRAPES]   (default 300 scrapes, findings every 30 s; needs prometheus-node-exporter)
set -euo pipefail
cd "$(dirname "$0")/.."
scrapes=${1:-300}
ne=/usr/bin/prometheus-node-exporter
[[ -x $ne ]] || { echo "$ne is missing (apt-get install prometheus-node-exporter)"; exit 2; }
dotnet publish src/HostDoc.Cli -c Release -o artifacts/publish >/dev/null
dotnet publish src/HostDoc.Serve -c Release -o artifacts/publish >/dev/null
out=$(mktemp)
textfiles=$(mktemp -d)
printf '# HELP backup_last_success_timestamp_seconds When the backup last succeeded.\n# TYPE backup_last_success_timestamp_seconds gauge\nbackup_last_success_timestamp_seconds{job="db"} 1.7e+09\n' > "$textfiles/backup.prom"
artifacts/publish/hostdoc-serve --listen 127.0.0.1:0 --checks-every "${CHECKS_EVERY:-30}" --collector.textfile.directory "$textfiles" >"$out" 2>&1 &
hd_pid=$!
port_ne=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
collectors=(meminfo loadavg cpu stat interrupts vmstat pressure diskstats filefd entropy uname os time edac hwmon mdadm
  netstat netdev sockstat conntrack softnet netclass filesystem textfile)
$ne --web.listen-address=127.0.0.1:$port_ne --collector.disable-defaults "${collectors[@]/#/--collector.}" \
  --collector.textfile.directory="$textfiles" >/dev/null 2>&1 &
ne_pid=$!
trap 'kill $hd_pid $ne_pid 2>/dev/null || true; rm -rf "$textfiles"' EXIT
for _ in $(seq 50); do grep -q listening "$out" && break; sleep 0.1; done
port_hd=$(grep -o '127.0.0.1:[0-9]*' "$out" | head -1 | cut -d: -f2)
sleep 0.5
python3 - "$scrapes" "$hd_pid" "$port_hd" "$ne_pid" "$port_ne" <<'PY'
import os, statistics, sys, time, urllib.request
n = int(sys.argv[1])
servers = {"hostdoc serve": (int(sys.argv[2]), int(sys.argv[3])), "node_exporter": (int(sys.argv[4]), int(sys.argv[5]))}
tick = os.sysconf("SC_CLK_TCK")
def cpu(pid):
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / tick
def hwm(pid):
    for l in open(f"/proc/{pid}/status"):
        if l.startswith("VmHWM:"): return int(l.split()[1]) / 1024
def scrape(port):
    t = time.perf_counter()
    ask = urllib.request.Request(f"http://127.0.0.1:{port}/metrics", headers={"Accept-Encoding": "gzip"})
    body = urllib.request.urlopen(ask, timeout=30).read()
    return time.perf_counter() - t, len(body)
for name, (pid, port) in servers.items():
    for _ in range(10): scrape(port)   # warm up
lat = {k: [] for k in servers}; size = {}
c0 = {k: cpu(p) for k, (p, _) in servers.items()}
for _ in range(n):
    for name, (pid, port) in servers.items():
        s, b = scrape(port); lat[name].append(s); size[name] = b
c1 = {k: cpu(p) for k, (p, _) in servers.items()}
print(f"{n} scrapes each, alternating, on this host")
ne_cpu = (c1["node_exporter"] - c0["node_exporter"]) / n
ne_rss = hwm(servers["node_exporter"][0])
for name, (pid, _) in servers.items():
    per = (c1[name] - c0[name]) / n
    l = sorted(lat[name]); rss = hwm(pid)
    print(f"{name:14s} median {statistics.median(l)*1000:7.2f} ms  p90 {l[int(len(l)*0.9)]*1000:7.2f} ms  "
          f"CPU {per*1000:6.2f} ms/scrape (x{per/ne_cpu:4.2f} of node_exporter)  peak RSS {rss:6.1f} MiB (x{rss/ne_rss:4.2f})  {size[name]/1024:.0f} KiB gzip")
PY

#!/usr/bin/env bash
# hostdoc df and check disk -A with many mounts, beside coreutils df and check_disk: in a private
# mount namespace (unshare -m, root), N small tmpfs mounts of the script's own are made, each tool
# is timed with hyperfine, and the time per mount is printed for N = 500, 1000, 2000 so growth can
# be seen to be linear. Everything made disappears with the namespace.
# Usage: bench/df-many-mounts.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
dotnet publish src/HostDoc.Cli -c Release -o artifacts/publish >/dev/null
bin=$(realpath artifacts/publish/hostdoc)
unshare -m --propagation private bash -euo pipefail -c '
  bin=$1; runs=$2
  base=$(mktemp -d /tmp/hostdoc-bench-mounts.XXXXXX)
  made=0
  for n in 500 1000 2000; do
    while ((made < n)); do
      mkdir -p "$base/m$made"; mount -t tmpfs -o size=64k hostdoc-bench "$base/m$made"; made=$((made + 1))
    done
    out=$(mktemp --suffix=.json)
    hyperfine -N --warmup 2 --runs "$runs" -i --export-json "$out" \
      "$bin df" "df" "$bin check disk -w 10% -c 5% -A" "/usr/lib/nagios/plugins/check_disk -w 10% -c 5% -A" >/dev/null 2>&1
    python3 - "$out" "$n" <<PY
import json, sys
n = int(sys.argv[2])
for r in json.load(open(sys.argv[1])).get("results"):
    cmd = r.get("command").replace("$bin", "hostdoc")
    m = r.get("median")
    print(f"{n:5d} mounts  {cmd[:60]:60s} median {m*1000:8.1f} ms  {m*1e6/n:6.1f} us/mount")
PY
  done
  umount -l "$base"/m* 2>/dev/null || true
' _ "$bin" "$runs"

#!/usr/bin/env bash
# hostdoc collect beside sosreport on this machine, in one run: (1) wall time and archive size of
# `hostdoc collect` and of `sos report --batch` limited to its kernel, block, filesys, memory, process
# and networking plugins, as ratios; (2) `hostdoc report --snapshot` beside `hostdoc report --root` on the
# same snapshot extracted (hyperfine). Usage: bench/collect-vs-sosreport.sh [RUNS]   (needs root for sos)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
command -v sos >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends sosreport >/dev/null; }
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends hyperfine >/dev/null; }
dotnet publish src/HostDoc.Cli -c Release -o artifacts/publish >/dev/null
bin=$PWD/artifacts/publish/hostdoc
work=$(mktemp -d /tmp/hostdoc-bench-collect.XXXXXX)
trap 'rm -rf "$work"' EXIT

best=999999
for i in $(seq 1 "$runs"); do
  t0=$(date +%s%N)
  "$bin" collect -o "$work/snapshot.tar.gz" >/dev/null 2>&1
  ms=$((($(date +%s%N) - t0) / 1000000))
  ((ms < best)) && best=$ms
  echo "hostdoc collect run $i: $ms ms"
done
hd_size=$(stat -c %s "$work/snapshot.tar.gz")

mkdir -p "$work/sos"
t0=$(date +%s%N)
sos report --batch --quiet --only-plugins kernel,block,filesys,memory,process,networking --tmp-dir "$work/sos" >/dev/null 2>&1 || true
sos_ms=$((($(date +%s%N) - t0) / 1000000))
sos_file=$(ls "$work"/sos/sosreport-*.tar.* 2>/dev/null | grep -v sha256 | head -1 || true)
sos_size=$( [[ -n $sos_file ]] && stat -c %s "$sos_file" || echo 0)

python3 - "$best" "$hd_size" "$sos_ms" "$sos_size" <<'PY'
import sys
hd_ms, hd_size, sos_ms, sos_size = map(int, sys.argv[1:])
print(f"hostdoc collect:  {hd_ms:8d} ms  {hd_size/1e6:8.2f} MB (best of the runs)")
if sos_size:
    print(f"sos report:       {sos_ms:8d} ms  {sos_size/1e6:8.2f} MB (kernel block filesys memory process networking)")
    print(f"ratio:            time x{hd_ms/sos_ms:.3f} of sos, size x{hd_size/sos_size:.3f} of sos")
else:
    print(f"sos report did not write an archive (took {sos_ms} ms): run as root")
PY

mkdir -p "$work/tree"
tar xzf "$work/snapshot.tar.gz" -C "$work/tree"
out=$(mktemp --suffix=.json)
hyperfine -N --warmup 2 --runs 20 --export-json "$out" \
  "$bin --snapshot $work/snapshot.tar.gz report" "$bin --root $work/tree report" >/dev/null 2>&1
python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
s, t = r[0]["median"], r[1]["median"]
print(f"report --snapshot: median {s*1000:7.1f} ms  x{s/t:4.2f} of --root on the extracted tree")
print(f"report --root:     median {t*1000:7.1f} ms")
PY

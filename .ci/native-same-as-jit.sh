#!/usr/bin/env bash
# The published native binary (Native AOT, trimmed) must print what the JIT build
# prints, byte for byte, on every fixture tree and for the usage errors: a framework path that
# needed reflection would show up here. Usage: .ci/native-same-as-jit.sh NATIVE JIT_DLL
set -uo pipefail
native=$1; jit=$2
failures=0
cases=()
for tree in tests/fixtures/*/ samples/*/; do
  [[ -d $tree/proc ]] || continue
  cases+=("--root $tree report" "--root $tree df" "--root $tree mem --bytes"
          "--root $tree check memory -v" "--root $tree check writeback -v" "--root $tree check disk -v"
          "--root $tree check disk -w 20% -c 10% -W 20% -K 10% -A -P" "--root $tree check io -v" "--root $tree check raid -v"
          "--root $tree iostat --partitions --format json" "--root $tree net" "--root $tree net --format json" "--root $tree check net -v")
done
cases+=("check memory -w abc" "check disk -w 20% -c 10% -r (" "bogus" "--help" "check --list"
        "decode sense 72 03 11 04 00 00 00 0c 00 0a 80 00 00 00 00 00 11 64 01 da" "decode scsi-result 0x08000002"
        "decode ata cmd\ 60/08:00:d7:01:64/00:00:11:00:00/40" "--root tests/fixtures/stuck-seed-jbd2 stuck"
        "--root tests/fixtures/stuck-seed-jbd2 check stuck -v" "--root samples/failing-disk logs"
        "--root samples/failing-disk check kernel-log -v" "logs --since 2014-03-18 /nonexistent"
        "--root samples/failing-disk stuck" "--root samples/failing-disk iostat")
# Snapshots: a tar.gz of a tree read through System.Formats.Tar and GZipStream in both builds.
snap=$(mktemp -d /tmp/hostdoc-native-snap.XXXXXX)
trap 'rm -rf "$snap"' EXIT
tar czf "$snap/failing-disk.tar.gz" -C samples/failing-disk .
tar czf "$snap/stuck.tar.gz" -C tests/fixtures stuck-seed-jbd2
cases+=("--snapshot $snap/failing-disk.tar.gz report" "--snapshot $snap/failing-disk.tar.gz logs --format json"
        "--snapshot $snap/failing-disk.tar.gz devices" "--snapshot $snap/stuck.tar.gz stuck" "--snapshot $snap/stuck.tar.gz check stuck -v"
        "--snapshot $snap/missing.tar.gz mem" "--snapshot $snap/failing-disk.tar.gz check disk -v")
for log in tests/fixtures/logs/*.log tests/fixtures/logs/*.dmesg tests/fixtures/logs/*.kmsg tests/fixtures/logs/envelopes/*.log*; do
  cases+=("logs --format json $log")
done
for c in "${cases[@]}"; do
  # shellcheck disable=SC2086
  # The report's first line carries the time it was made; the two runs straddle seconds.
  a=$($native $c 2>&1 | sed -E 's/ at [0-9-]+ [0-9:]+Z$//'; echo "exit ${PIPESTATUS[0]}")
  # shellcheck disable=SC2086
  b=$(dotnet "$jit" $c 2>&1 | sed -E 's/ at [0-9-]+ [0-9:]+Z$//'; echo "exit ${PIPESTATUS[0]}")
  if [[ "$a" != "$b" ]]; then
    echo "native and JIT builds differ: hostdoc $c"
    diff <(echo "$b") <(echo "$a") | head -5
    failures=$((failures + 1))
  fi
done
echo "native-vs-jit: ${#cases[@]} commands, $failures differ"
((failures == 0))

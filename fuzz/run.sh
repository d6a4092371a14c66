#!/usr/bin/env bash
# Runs the fuzz harnesses (fuzz/README.md) under AFL++ with SharpFuzz's instrumentation.
#   fuzz/run.sh [--execs N | --seconds S] [--jobs J] [HARNESS...]
#     default: every harness to 10,000,000 executions, one afl-fuzz per core.
#   fuzz/run.sh --smoke: every harness for 3 seconds (what CI runs).
# Each harness writes fuzz/findings/<harness>/ (not committed); a crash is copied to
# fuzz/crashes/<harness>/ (committed: the regression tests replay every file there) and the run
# exits 1. The last lines are one row per harness: executions, seconds, execs/s, crashes.
# Needs afl++ (Debian package; installed here when missing and running as root) and the SDK.
set -uo pipefail
cd "$(dirname "$0")/.."
execs=10000000 seconds="" jobs=$(nproc) smoke=0 names=()
while (($#)); do
  case $1 in
    --execs) execs=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --smoke) smoke=1 seconds=3; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) names+=("$1"); shift ;;
  esac
done

if ! command -v afl-fuzz >/dev/null; then
  if [[ $(id -u) == 0 ]]; then
    apt-get install -y -qq --no-install-recommends afl++ >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get install -y -qq --no-install-recommends afl++ >/dev/null; }
  fi
  command -v afl-fuzz >/dev/null || { echo "fuzz/run.sh: afl-fuzz is missing: apt-get install afl++" >&2; exit 2; }
fi

out=fuzz/out
dotnet build fuzz/HostDoc.Fuzz -c Release -o "$out" -v q -nologo >/dev/null || { echo "fuzz/run.sh: build failed" >&2; exit 2; }
dotnet tool restore >/dev/null
for assembly in HostDoc.Core.dll hostdoc.dll hostdoc-serve.dll; do
  dotnet tool run sharpfuzz "$out/$assembly" >/dev/null || { echo "fuzz/run.sh: sharpfuzz could not instrument $assembly" >&2; exit 2; }
done
((${#names[@]})) || mapfile -t names < <(ls fuzz/corpus)

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 \
  AFL_AUTORESUME=1 AFL_SHUFFLE_QUEUE=0 DOTNET_TieredCompilation=0 DOTNET_TieredPGO=0
fuzz_one() {
  local name=$1 limit
  if [[ -n $seconds ]]; then limit=(-V "$seconds"); else limit=(-E "$execs"); fi
  mkdir -p fuzz/findings
  afl-fuzz -i "fuzz/corpus/$name" -o "fuzz/findings/$name" -t 10000 -m none "${limit[@]}" \
    -- dotnet "$out/HostDoc.Fuzz.dll" "$name" > "fuzz/findings/$name.log" 2>&1
  local crash
  for crash in fuzz/findings/"$name"/default/crashes/id:*; do
    [[ -e $crash ]] || continue
    mkdir -p "fuzz/crashes/$name"
    cp "$crash" "fuzz/crashes/$name/crash-$(sha1sum "$crash" | cut -c1-16)"
  done
}
running=0
for name in "${names[@]}"; do
  [[ -d fuzz/corpus/$name ]] || { echo "fuzz/run.sh: no corpus for '$name'" >&2; exit 2; }
  fuzz_one "$name" &
  running=$((running + 1))
  if ((running >= jobs)); then wait -n; running=$((running - 1)); fi
done
wait

status=0
printf '%-16s %12s %8s %9s %7s\n' harness execs seconds execs/s crashes
for name in "${names[@]}"; do
  stats=fuzz/findings/$name/default/fuzzer_stats
  get() { sed -nE "s/^$1 *: *//p" "$stats" 2>/dev/null; }
  crashes=$(get saved_crashes)
  printf '%-16s %12s %8s %9s %7s\n' "$name" "$(get execs_done)" "$(get run_time)" "$(get execs_per_sec)" "${crashes:-?}"
  [[ ${crashes:-1} == 0 ]] || status=1
done
exit $status

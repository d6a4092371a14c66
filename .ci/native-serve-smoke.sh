#!/usr/bin/env bash
# The published native hostdoc serve (hostdoc execs hostdoc-serve) answers /metrics, / and /healthz on a
# captured tree and stops on SIGTERM. The JIT build is tested by the test suite; this covers the AOT one.
# Usage: .ci/native-serve-smoke.sh DIR_WITH_hostdoc_AND_hostdoc-serve
set -uo pipefail
bin=$1
out=$(mktemp)
"$bin/hostdoc" --root samples/failing-disk serve --listen 127.0.0.1:0 >"$out" 2>&1 &
pid=$!
for _ in $(seq 50); do grep -q listening "$out" && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$out" | head -1 | cut -d: -f2)
get() {
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET %s HTTP/1.1\r\nHost: localhost\r\n\r\n' "$1" >&3
  timeout 20 cat <&3
  exec 3<&-
}
failures=0
get /metrics | grep -q '^hostdoc_finding{id="log.disk-media-error",severity="critical",subject="sdf"} 1' || { echo "native serve: /metrics lacks the sample's disk finding"; failures=1; }
get / | grep -q '<svg id="memory-chart"' || { echo "native serve: / lacks the memory chart"; failures=1; }
get /healthz | grep -q '^ok' || { echo "native serve: /healthz is not ok"; failures=1; }
kill -TERM "$pid"
wait "$pid" || { echo "native serve: exit $? after SIGTERM"; failures=1; }
grep -q "stopped" "$out" || { echo "native serve: did not say it stopped"; failures=1; }
echo "native-serve: $([ $failures = 0 ] && echo ok || echo FAILED)"
exit $failures

#!/usr/bin/env bash
# The published native hostdoc serve (hostdoc execs hostdoc-serve) answers /metrics, / and /healthz on a
# captured tree and stops on SIGTERM, and serves TLS with basic auth from a web config (YAML, bcrypt and
# OpenSSL under AOT). The JIT build is tested by the test suite; this covers the AOT one.
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
  printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$1" >&3
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

# TLS and basic auth: a self-signed certificate and an htpasswd hash made here
tls=$(mktemp -d)
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=localhost \
  -addext subjectAltName=IP:127.0.0.1 -keyout "$tls/key.pem" -out "$tls/cert.pem" >/dev/null 2>&1
printf 'tls_server_config:\n  cert_file: cert.pem\n  key_file: key.pem\nbasic_auth_users:\n  ci: %s\n' "$(htpasswd -nbBC 10 ci secret | cut -d: -f2)" > "$tls/web.yml"
"$bin/hostdoc" --root samples/failing-disk serve --listen 127.0.0.1:0 --web.config.file "$tls/web.yml" >"$out" 2>&1 &
pid=$!
for _ in $(seq 50); do grep -q listening "$out" && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$out" | head -1 | cut -d: -f2)
code() { curl -s -o /dev/null -w '%{http_code} %{http_version}' --cacert "$tls/cert.pem" "$@" "https://127.0.0.1:$port/metrics"; }
[[ $(code) == "401 2" ]] || { echo "native serve: TLS without credentials is not 401 over HTTP/2: $(code) ($(cat "$out"))"; failures=1; }
[[ $(code -u ci:wrong) == 401* ]] || { echo "native serve: a wrong password is not 401"; failures=1; }
[[ $(code -u ci:secret) == "200 2" ]] || { echo "native serve: the right password is not 200 over HTTP/2: $(code -u ci:secret)"; failures=1; }
kill -TERM "$pid"; wait "$pid"
rm -rf "$tls"
echo "native-serve: $([ $failures = 0 ] && echo ok || echo FAILED)"
exit $failures

#!/usr/bin/env bash
# The Debian package, end to end: build it from the published binaries, lintian it, install it with dpkg -i, use it as an
# operator would (report, check disk, man -w, bash completion through bash-completion's loader, serve from the
# installed path scraped on 127.0.0.1), then dpkg --purge and check that nothing it installed is left.
#   .ci/deb-smoke.sh PUBLISH_DIR
set -uo pipefail
cd "$(dirname "$0")/.."
from=${1:?usage: .ci/deb-smoke.sh PUBLISH_DIR}
if dpkg -s hostdoc >/dev/null 2>&1; then
  echo "deb-smoke: a hostdoc package is installed on this machine already; not touching it"
  exit 1
fi
need=()
command -v man >/dev/null || need+=(man-db)
[[ -f /usr/share/bash-completion/bash_completion ]] || need+=(bash-completion)
command -v curl >/dev/null || need+=(curl)
command -v lintian >/dev/null || need+=(lintian)
if ((${#need[@]})); then apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; fi

failures=0
fail() { echo "deb-smoke: $*"; failures=$((failures + 1)); }
deb=$(contrib/debian/build-deb.sh --from "$from") || { echo "deb-smoke: the package did not build"; exit 1; }
# lintian, with the overrides the package ships (each justified in contrib/debian/lintian-overrides).
lintian --fail-on error,warning "$deb" 2>&1 | grep -v '^running with root' || true
lintian --fail-on error,warning "$deb" >/dev/null 2>&1 || fail "lintian found errors or warnings"
dpkg -i "$deb" >/dev/null || { echo "deb-smoke: dpkg -i $deb failed"; exit 1; }
files=$(dpkg -L hostdoc | while read -r f; do [[ -f $f || -L $f ]] && echo "$f"; done)

/usr/bin/hostdoc report >/dev/null || fail "hostdoc report exited $?"
/usr/bin/hostdoc check disk >/dev/null; rc=$?; ((rc <= 2)) || fail "hostdoc check disk exited $rc"
[[ $(man -w hostdoc 2>/dev/null) == /usr/share/man/man1/hostdoc.1.gz ]] || fail "man -w hostdoc: $(man -w hostdoc 2>&1)"
[[ $(bash -c 'source /usr/share/bash-completion/bash_completion; _completion_loader hostdoc 2>/dev/null || __load_completion hostdoc; complete -p hostdoc') == "complete -F _hostdoc hostdoc" ]] \
  || fail "bash-completion does not load hostdoc's completion"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 19847)
/usr/bin/hostdoc serve --listen "127.0.0.1:$port" >/dev/null 2>&1 &
serve=$!
for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "http://127.0.0.1:$port/metrics" | grep -q '^node_memory_MemTotal_bytes ' || fail "serve from /usr/bin/hostdoc: no node_memory_MemTotal_bytes on /metrics"
kill -TERM $serve; wait $serve 2>/dev/null

dpkg --purge hostdoc >/dev/null || fail "dpkg --purge hostdoc failed"
left=$(for f in $files; do [[ -e $f || -L $f ]] && echo "$f"; done)
[[ -z $left ]] || fail "left after purge: $left"
[[ ! -e /usr/lib/hostdoc && ! -e /usr/share/hostdoc && ! -e /usr/share/doc/hostdoc ]] || fail "directories left after purge"
echo "deb-smoke: $(basename "$deb") built, installed, used and purged; $failures failed"
((failures == 0))

#!/usr/bin/env bash
# Builds artifacts/hostdoc_VERSION_ARCH.deb with dpkg-deb: the native hostdoc and hostdoc-serve in
# /usr/lib/hostdoc (hostdoc serve execs hostdoc-serve from its own directory) and /usr/bin/hostdoc, the
# systemd unit (disabled: nothing starts on install), the man page and bash/zsh/fish completions made by
# the binary from its own --help, the Icinga 2, Nagios and Prometheus definitions under /usr/share/hostdoc,
# and README, THIRD-PARTY-NOTICES and the copyright under /usr/share/doc/hostdoc.
#   contrib/debian/build-deb.sh [--from DIR]   (DIR: hostdoc and hostdoc-serve already published there)
# The version is hostdoc's own (hostdoc --version: HelpText.Version).
set -euo pipefail
cd "$(dirname "$0")/../.."
from=
if [[ ${1:-} == --from ]]; then from=$2; fi
if [[ -z $from ]]; then
  from=artifacts/publish
  dotnet publish src/HostDoc.Cli -c Release -o "$from" >/dev/null
  dotnet publish src/HostDoc.Serve -c Release -o "$from" >/dev/null
fi
[[ -x $from/hostdoc && -x $from/hostdoc-serve ]] || { echo "build-deb: no hostdoc and hostdoc-serve in $from" >&2; exit 1; }

version=$("$from/hostdoc" --version | awk '{print $2}')
arch=$(dpkg --print-architecture)
stage=$(mktemp -d /tmp/hostdoc-deb.XXXXXX)
trap 'rm -rf "$stage"' EXIT
root=$stage/hostdoc
install -d -m 0755 "$root/DEBIAN" "$root/usr/bin" "$root/usr/lib/hostdoc" "$root/usr/lib/systemd/system" \
  "$root/usr/share/man/man1" "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
  "$root/usr/share/fish/vendor_completions.d" "$root/usr/share/doc/hostdoc" \
  "$root/usr/share/lintian/overrides" "$root/usr/share/hostdoc/icinga2" "$root/usr/share/hostdoc/nagios" "$root/usr/share/hostdoc/prometheus"

install -m 0755 "$from/hostdoc" "$from/hostdoc-serve" "$root/usr/lib/hostdoc/"
ln -s ../lib/hostdoc/hostdoc "$root/usr/bin/hostdoc"
bin=$root/usr/lib/hostdoc/hostdoc

"$bin" help --man | gzip -9n > "$root/usr/share/man/man1/hostdoc.1.gz"
"$bin" help --completion bash > "$root/usr/share/bash-completion/completions/hostdoc"
"$bin" help --completion zsh > "$root/usr/share/zsh/vendor-completions/_hostdoc"
"$bin" help --completion fish > "$root/usr/share/fish/vendor_completions.d/hostdoc.fish"
"$bin" help --monitoring icinga2 > "$root/usr/share/hostdoc/icinga2/hostdoc.conf"
"$bin" help --monitoring nagios > "$root/usr/share/hostdoc/nagios/hostdoc.cfg"
install -m 0644 contrib/prometheus/hostdoc.rules.yml contrib/prometheus/hostdoc.rules.test.yml contrib/prometheus/scrape.yml "$root/usr/share/hostdoc/prometheus/"
sed -e 's|/usr/local/bin/hostdoc|/usr/bin/hostdoc|g' -e 's|file:///usr/local/share/doc/hostdoc/README.md|man:hostdoc(1)|' \
    -e '/^# Install: copy/,/^# to \/usr\/local\/bin/d' -e 's|^# \(.*\)systemctl daemon-reload && systemctl enable --now hostdoc|# Enable: systemctl enable --now hostdoc|' \
    contrib/hostdoc.service > "$root/usr/lib/systemd/system/hostdoc.service"
chmod 0644 "$root/usr/lib/systemd/system/hostdoc.service"

install -m 0644 contrib/debian/lintian-overrides "$root/usr/share/lintian/overrides/hostdoc"
gzip -9nc README.md > "$root/usr/share/doc/hostdoc/README.md.gz"
gzip -9nc THIRD-PARTY-NOTICES.md > "$root/usr/share/doc/hostdoc/THIRD-PARTY-NOTICES.md.gz"
sed "s/@VERSION@/$version/" contrib/debian/copyright > "$root/usr/share/doc/hostdoc/copyright"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(date -R -d @"${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")/" \
    contrib/debian/changelog | gzip -9n > "$root/usr/share/doc/hostdoc/changelog.gz"
find "$root/usr" -type f -exec chmod 0644 {} + ; chmod 0755 "$root"/usr/lib/hostdoc/*

size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" contrib/debian/control > "$root/DEBIAN/control"
install -m 0755 contrib/debian/postinst contrib/debian/postrm "$root/DEBIAN/"
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums" "$root/DEBIAN/control"

mkdir -p artifacts
out=artifacts/hostdoc_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "$out"

#!/usr/bin/env bash
# Builds fuzz/corpus/<harness>/ from the repository's fixtures: the real kernel files the tests already
# carry (tests/fixtures, tests/fixtures/parser-samples), plus a few hand-written seeds for the argument
# and decoder harnesses. Files over 64 KiB are left out (AFL++ mutates small inputs best). Rerun it after
# adding fixtures; the corpora are committed so a fuzz run starts from what earlier runs found.
set -euo pipefail
cd "$(dirname "$0")/.."
fx=tests/fixtures
out=fuzz/corpus

seed() {   # seed HARNESS FILE...: copy each file as <harness>/seed-<hash>
  local harness=$1; shift
  mkdir -p "$out/$harness"
  local f
  for f in "$@"; do
    [[ -f $f && $(stat -c %s "$f") -le 65536 ]] || continue
    cp "$f" "$out/$harness/seed-$(sha1sum "$f" | cut -c1-12)"
  done
}
by_name() { find "$fx" -type f -name "$1" -not -name README.md -print0 | xargs -0 -r printf '%s\n'; }
samples() { find "$fx/parser-samples/$1" -type f -name '*.txt' 2>/dev/null | sort; }
text() {   # text HARNESS STRING...: one seed per string
  local harness=$1; shift
  mkdir -p "$out/$harness"
  local s
  for s in "$@"; do printf '%s' "$s" > "$out/$harness/seed-$(printf '%s' "$s" | sha1sum | cut -c1-12)"; done
}

mapfile -t f < <(by_name meminfo; samples meminfo); seed meminfo "${f[@]}"
mapfile -t f < <(find "$fx/interrupts" -type f -name '*.txt'; by_name interrupts; by_name softirqs; samples interrupts; samples softirqs); seed interrupts "${f[@]}"
mapfile -t f < <(find "$fx" -path '*/proc/stat' -type f; samples stat); seed stat "${f[@]}"
mapfile -t f < <(by_name vmstat; samples vmstat); seed vmstat "${f[@]}"
mapfile -t f < <(by_name zoneinfo; samples zoneinfo); seed zoneinfo "${f[@]}"
mapfile -t f < <(find "$fx" -path '*/pressure/*' -type f; samples pressure); seed pressure "${f[@]}"
mapfile -t f < <(by_name loadavg; samples loadavg); seed loadavg "${f[@]}"
mapfile -t f < <(find "$fx/diskstats" -type f -name 'diskstats*'; by_name diskstats); seed diskstats "${f[@]}"
mapfile -t f < <(find "$fx/mdstat" -type f -name '*.mdstat'; by_name mdstat); seed mdstat "${f[@]}"
mapfile -t f < <(by_name partitions; samples partitions); seed partitions "${f[@]}"
mapfile -t f < <(by_name swaps; samples swaps); seed swaps "${f[@]}"
mapfile -t f < <(by_name cmdline; samples cmdline); seed cmdline "${f[@]}"
mapfile -t f < <(find "$fx" -path '*/net/netstat' -o -path '*/net/snmp' -type f; samples netstat; samples snmp); seed netstat "${f[@]}"
mapfile -t f < <(by_name snmp6); seed snmp6 "${f[@]}"
mapfile -t f < <(find "$fx" -path '*/proc/net/dev' -type f); seed net-dev "${f[@]}"
text net-dev "Inter-|   Receive |  Transmit
 face |bytes packets|bytes
  eth0:1234567 10 0 0 0 0 0 0 7654321 9 0 0 0 0 0 0
"
mapfile -t f < <(by_name softnet_stat); seed softnet "${f[@]}"
text softnet "0001e240 00000005 00000002 00000000 00000000 00000000 00000000 00000000 00000003
"
mapfile -t f < <(by_name sockstat; by_name sockstat6); seed sockstat "${f[@]}"
mapfile -t f < <(find "$fx" -path '*/proc/net/tcp' -o -path '*/proc/net/tcp6' -type f); seed tcp-sockets "${f[@]}"
mapfile -t f < <(find "$fx" -path '*/stat/nf_conntrack' -type f); seed conntrack-stat "${f[@]}"
mapfile -t f < <(by_name consoles); seed consoles "${f[@]}"
text consoles "tty0                 -WU (E  p  )    4:7
netcon0              -W- (E     )
"
mapfile -t f < <(by_name listeners); seed listeners "${f[@]}"
text listeners "tcp * 22 0 128
tcp [::] 443 0 4096
"
text net-state "hostdoc.net-state/1
uptime 100.5
boot_id 4f6c
TcpExt_ListenOverflows 3
softnet/0/dropped 4294967290
dev/eth0/rx_packets 9
dev/eth0/ifindex 3
"
mkdir -p "$out/sock-diag"
# A reply datagram: one inet_diag_msg for 0.0.0.0:2024 (the rest zero), then NLMSG_DONE.
printf '\x58\x00\x00\x00\x14\x00\x02\x00\x01\x00\x00\x00\x00\x00\x00\x00\x02\x0a\x00\x00\x07\xe8\x00\x00%64s\x14\x00\x00\x00\x03\x00\x02\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00' '' | tr ' ' '\0' > "$out/sock-diag/seed-listener"
mapfile -t f < <(by_name mountinfo; samples mountinfo); seed mountinfo "${f[@]}"
mapfile -t f < <(find "$fx" -regex '.*/proc/[0-9]+\(/task/[0-9]+\)?/stat' -type f | head -20; samples pid-stat); seed pid-stat "${f[@]}"
mapfile -t f < <(find "$fx" -regex '.*/proc/[0-9]+\(/task/[0-9]+\)?/status' -type f | head -20; samples pid-status); seed pid-status "${f[@]}"
mapfile -t f < <(by_name sched | head -20); seed pid-sched "${f[@]}"
mapfile -t f < <(by_name stack | head -20; samples pid-stack); seed pid-stack "${f[@]}"
mapfile -t f < <(find "$fx" -regex '.*/proc/[0-9]+/io' -type f | head -10); seed pid-io "${f[@]}"
mapfile -t f < <(find "$fx/udev" "$fx" -path '*/run/udev/data/*' -type f; find "$fx/udev" -name '*.txt'; samples udev); seed udev "${f[@]}"
mapfile -t f < <(by_name smp_affinity_list | head -5; by_name effective_affinity_list | head -5; by_name online; by_name possible; by_name isolated; samples cpu-lists; samples cpuset); seed cpulist "${f[@]}"
text cpulist "0-3,8,10-15:2/4" "0" "" "ff,ffffffff" "1-0" "0-4095"
text nagios-range "10" "10:" "~:10" "10:20" "@10:20" "@~:5.5" "-3:-1" "1e3" ":" "@"
text tmpfs-size "512k" "10M" "1g" "50%" "0" "t" "3p" "1e" "100%" "999999999999999999999k"
text listen-address "127.0.0.1:9847" "[::1]:9847" "0.0.0.0:0" ":9100" "localhost:80" "[fe80::1%eth0]:1"
mapfile -t f < <(find "$fx/logs" -type f -not -name README.md); seed log-envelope "${f[@]}"; seed kernel-log "${f[@]}"
mapfile -t f < <(find samples -path '*/var/log/*' -type f); seed kernel-log "${f[@]}"
text log-time "2014-03-18" "2014-03-18 13:27" "2014-03-18 13:27:44" "today" "yesterday" "30m" "2h" "7d" "99999999999d" "0s"
text hung-task "INFO: task rm:19439 blocked for more than 120 seconds." "INFO: task jbd2/sda1-8:612 blocked for more than 122 seconds."
text sense-hex "72 03 11 04 00 00 00 34 00 0a 80 00 00 00 00 00 11 63 e2 da" "0x70,0x00,0x03" "f0000300000010000a00000000110000" "72031104"
mkdir -p "$out/sense"
printf '\x72\x03\x11\x04\x00\x00\x00\x0c\x00\x0a\x80\x00\x00\x00\x00\x00\x11\x63\xe2\xda' > "$out/sense/seed-descriptor"
printf '\xf0\x00\x03\x11\x63\xe2\xda\x0a\x00\x00\x00\x00\x11\x04\x00\x00\x00\x00' > "$out/sense/seed-fixed"
text ata-taskfile "cmd 25/00:08:da:e2:63/00:11:00/e0 tag 0 dma 4096 in" "res 51/40:00:da:e2:63/00:00:00/00 Emask 0x9 (media error)" "cmd c8/00:08:da:e2:63/00:00:00/e1 tag 0 dma 4096 in" "cmd 60/08:00:00:00:00/00:00:00/40 tag 3 ncq 4096 in"
mkdir -p "$out/scsi-result"; printf '\x00\x00\x00\x08' > "$out/scsi-result/seed-driver-sense"; printf '\x03\x20\x00\x00' > "$out/scsi-result/seed-unknown"
text web-config $'tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ca.pem\n  min_version: TLS12\n  cipher_suites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]\n  curve_preferences: [X25519]' $'http_server_config:\n  http2: false\n  headers:\n    X-Frame-Options: deny\nbasic_auth_users:\n  alice: $2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi' $'basic_auth_users:\n  john: doe' $'tls_server_config:\n  cert_filse: x' ''
text textfile $'# HELP backup_last_success_timestamp_seconds When.\n# TYPE backup_last_success_timestamp_seconds gauge\nbackup_last_success_timestamp_seconds{job="db"} 1.7e+09\n' $'# TYPE job_duration_seconds histogram\njob_duration_seconds_bucket{le="1"} 2\njob_duration_seconds_bucket{le="+Inf"} 5\njob_duration_seconds_sum 9.5\njob_duration_seconds_count 5\n' $'escaped{path="C:\\\\tmp\\"x\\""} 1 1700000000000\nuntyped NaN\n# TYPE s summary\ns{quantile="0.5"} 1\ns_sum 2\ns_count 3\n'
text serve-args $'--listen\n127.0.0.1:0\n--checks-every\n0.5\n--web.config.file=/etc/hostdoc/web.yml\n--collector.textfile.directory\n/var/lib/node\n--collector.diskstats.device-exclude\n^loop\\d+$' $'--web.listen-address=[::1]:9847\n--checks-every\nx'
text command-line "report" $'report\n--format\njson' $'--root\n/tmp\nmem\n-h' $'check\nmemory\n-w\n10:\n-c\n5:' $'check\ndisk\n--path\n/\n--space-warning\n10:' $'logs\n--since\n2h\n--format\njson' $'affinity\nset\n1\n0-3' $'check\nkernel-log\n--log\nF' $'tmpfs-resize\n/dev/shm\n1g\n--nr-inodes\n5' $'stuck\n--samples\n3\n--interval\n0.1' $'irq\n--interval\n1' $'devices\n--format\njson\nsdf' $'decode\nsense\n72\n03' $'serve\n--listen\n[::1]:9847\n--checks-every\n0'
text check-disk-args $'-w\n20%\n-c\n10%\n-p\n/' $'-w\n20%\n-c\n10%\n-W\n20%\n-K\n10%\n-A' $'-u\nGB\n-w\n20%\n-c\n10%\n-p\n/' $'10\n5\n/' $'-w\n20%\n-c\n10%\n-r\n^/dev' $'-w\n5%\n-X\next4\n-e\n-f\n-M\n-P' $'-g\ngrp\n-p\n/\n-p\n/dev/shm\n-E\n-C'
text decode $'\0\n72\n03\n11\n04\n00\n00\n00\n0c' $'\x01\ncmd 25/00:08:da:e2:63/00:11:00/e0 tag 0 dma 4096 in\nres 51/40:00:da:e2:63/00:00:00/00 Emask 0x9 (media error)' $'\x02\n0x08000002' $'\x02\nUNKNOWN(0x2003)'
# sys-values: the harness's files (FuzzTargets.SysValueFiles, in that order) joined by NUL, from the trees that have them.
sys_values() {
  local tree=$1 p first=1
  for p in /proc/uptime /proc/swaps /proc/sys/vm/dirty_ratio /proc/sys/vm/dirty_background_ratio /proc/sys/vm/dirty_bytes \
    /proc/sys/vm/dirty_background_bytes /proc/sys/vm/dirty_expire_centisecs /proc/sys/vm/dirty_writeback_centisecs \
    /sys/devices/system/clocksource/clocksource0/current_clocksource /sys/devices/system/clocksource/clocksource0/available_clocksource \
    /sys/devices/system/cpu/online /sys/devices/system/cpu/offline /sys/devices/system/cpu/present /sys/devices/system/cpu/isolated \
    /sys/fs/ext4/*/errors_count /sys/fs/ext4/*/first_error_time /sys/fs/ext4/*/first_error_func /sys/fs/ext4/*/first_error_line \
    /sys/fs/ext4/*/last_error_time /sys/fs/ext4/*/last_error_block /sys/class/ata_link/link*/sata_spd /sys/class/ata_link/link*/sata_spd_limit \
    /sys/class/ata_link/link*/hw_sata_spd_limit /sys/class/ata_device/dev*/class /sys/class/ata_device/dev*/xfer_mode \
    /sys/class/ata_device/dev*/spdn_cnt /proc/irq/0/smp_affinity_list /proc/irq/0/effective_affinity_list /proc/sys/kernel/hostname; do
    ((first)) || printf '\0'
    first=0
    local match=("$tree"$p)
    if [[ -f ${match[0]} ]]; then cat "${match[0]}"; fi
  done
}
mkdir -p "$out/sys-values"
for tree in "$fx"/*/ samples/*/; do
  [[ -d $tree/proc || -d $tree/sys ]] || continue
  tmp=$(mktemp); sys_values "${tree%/}" > "$tmp"; seed sys-values "$tmp"; rm -f "$tmp"
done

# Snapshots: small trees tarred as collect and tar write them (gzip'd and plain, ./ names and a top directory).
mkdir -p "$out/snapshot"
tmp=$(mktemp -d)
tar czf "$tmp/a" -C "$fx/seed-sata-ata6" ./proc/self ./sys/dev 2>/dev/null || true
tar cf "$tmp/b" -C "$fx/stuck-seed-jbd2" ./proc/19502 ./proc/self 2>/dev/null || true
tar czf "$tmp/c" -C "$fx" malformed-meminfo 2>/dev/null || true
seed snapshot "$tmp"/a "$tmp"/b "$tmp"/c; rm -rf "$tmp"

# Kernel files no fixture tree carries yet: this host's own, read now.
live() { local harness=$1 path=$2 tmp; tmp=$(mktemp); cat "$path" > "$tmp" 2>/dev/null && seed "$harness" "$tmp"; rm -f "$tmp"; }
live stat /proc/stat; live netstat /proc/net/netstat; live netstat /proc/net/snmp; live partitions /proc/partitions
live pid-status /proc/self/status; live pid-status /proc/1/status; live pid-stat /proc/self/stat; live pid-io /proc/self/io
live interrupts /proc/softirqs; live pressure /proc/pressure/io; live pressure /proc/pressure/memory
live pid-maps /proc/self/maps; live pid-maps /proc/1/maps; live diskstats /proc/diskstats

for d in "$out"/*/; do printf '%-16s %4d seeds\n' "$(basename "$d")" "$(find "$d" -type f | wc -l)"; done

#!/usr/bin/env python3
"""Adds N generated processes to a tree: every 200th in D with a writeback kernel stack, wchan and cmdline
(and, with --files MOUNT, an open file and a working directory under MOUNT), the rest sleeping.
Shared by bench/stuck-vs-ps.sh and bench/report-10k-procs.sh.
Usage: make-proc-tree.py ROOT [--count N] [--files MOUNT] [--sched]"""
import argparse, os

p = argparse.ArgumentParser()
p.add_argument("root")
p.add_argument("--count", type=int, default=10000)
p.add_argument("--files")
p.add_argument("--sched", action="store_true", help="give the D tasks a /proc/PID/sched and the tree a proc/self/sched")
a = p.parse_args()
tail = " 1 1 1 0 -1 4194304 100 0 0 0 2 3 0 0 20 0 1 0 {start} 4186112 150 18446744073709551615 1 2 3 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n"
for pid in range(1000, 1000 + a.count):
    d = f"{a.root}/proc/{pid}/task/{pid}"
    os.makedirs(d)
    state = "D" if pid % 200 == 0 else "S"
    line = f"{pid} (worker {pid}) {state}" + tail.format(start=pid * 10)
    open(f"{a.root}/proc/{pid}/stat", "w").write(line)
    open(f"{d}/stat", "w").write(line)
    if state != "D":
        continue
    open(f"{d}/stack", "w").write("[<0>] folio_wait_writeback+0x2a/0x80\n[<0>] __filemap_fdatawait_range+0x8c/0xf0\n[<0>] file_write_and_wait_range+0x8c/0xb0\n[<0>] ext4_sync_file+0x10e/0x380\n")
    open(f"{d}/wchan", "w").write("folio_wait_writeback")
    open(f"{a.root}/proc/{pid}/cmdline", "w").write(f"worker\0{pid}\0")
    if a.sched:
        open(f"{d}/sched", "w").write("se.exec_start : 1000.0\nnr_switches : 5\n")
    if a.files:
        os.makedirs(f"{a.root}/proc/{pid}/fd")
        os.symlink(f"{a.files}/work/{pid}.log", f"{a.root}/proc/{pid}/fd/3")
        os.symlink(f"{a.files}/work", f"{a.root}/proc/{pid}/cwd")
if a.sched:
    os.makedirs(f"{a.root}/proc/self", exist_ok=True)
    open(f"{a.root}/proc/self/sched", "w").write("se.exec_start : 61000.0\nnr_switches : 1\n")

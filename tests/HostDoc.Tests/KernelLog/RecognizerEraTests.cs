using HostDoc.Findings;
using Xunit;

namespace HostDoc.Tests.KernelLog;

/// <summary>
/// Each recognizer on the lines of each kernel era, as quoted from real logs and kernel sources in
/// shared/reference/kernel-log-formats.md (the section is named on each case).
/// </summary>
public sealed class RecognizerEraTests
{
    [Fact]
    public void Libata_before_2_6_19_one_line_with_stat_and_err()
    {
        // §2.2, ≤ 2.6.18: format "tag %d cmd 0x%x Emask 0x%x stat 0x%x err 0x%x (%s)"
        var i = LogAnalysis.Single(LogAnalysis.OfText("ata1.00: tag 0 cmd 0x25 Emask 0x9 stat 0x51 err 0x40 (media error)\n"));
        Assert.Equal("log.disk-media-error", i.Id);
        Assert.Contains("READ DMA EXT (0x25)", i.Facts.Single(f => f.Label == "ATA command").Value, StringComparison.Ordinal);
        Assert.Equal("status DRDY DSC ERR, error UNC", i.Facts.Single(f => f.Label == "ATA result").Value);
    }

    [Fact]
    public void Libata_2_6_19_era_28_bit_command_with_cdb_and_data_words()
    {
        // §2.2/§2.4: "cmd c8/00:08:10:20:30/00:00:00:00:00/e1 tag 0 cdb 0x0 data 4096 in" → 28-bit READ DMA, LBA 19,931,152
        var i = LogAnalysis.Single(LogAnalysis.OfText(
            "[  222.909534] ata1.00: cmd c8/00:08:10:20:30/00:00:00:00:00/e1 tag 0 cdb 0x0 data 4096 in\n" +
            "         res 51/40:00:12:20:30/00:00:00:00:00/e1 Emask 0x9 (media error)\n"));
        Assert.Contains("cannot read LBA 19,931,154", i.Summary, StringComparison.Ordinal);
        Assert.Contains("READ DMA (0xc8), LBA 19,931,152, 8 sectors", i.Facts.Single(f => f.Label == "ATA command").Value, StringComparison.Ordinal);
        Assert.Contains(i.CrossChecks, c => c.StartsWith("ATA result LBA 19,931,154 is sector 2 of the command's 8", StringComparison.Ordinal));
    }

    [Fact]
    public void Emask_0x449_says_internal_error_but_carries_media_and_unc()
    {
        // §2.3 trap: ata_err_string prints only the most severe word.
        var i = LogAnalysis.Single(LogAnalysis.OfText(
            "ata2.00: cmd 60/08:10:00:10:00/00:00:00:00:00/40 tag 2 ncq dma 4096 in\n" +
            "         res 41/40:00:00:10:00/00:00:00:00:00/40 Emask 0x449 (internal error) <F>\n"));
        Assert.Equal("log.disk-media-error", i.Id);
        var emask = i.Facts.Single(f => f.Label == "libata Emask").Value;
        Assert.Contains("MEDIA", emask, StringComparison.Ordinal);
        Assert.Contains("SYSTEM", emask, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_that_keeps_resetting_is_a_cable_or_port_incident_not_a_media_one()
    {
        // §2.1 6.1 format: exception with SErr, SError bit names, resets, speed limiting, a timeout
        var i = LogAnalysis.Single(LogAnalysis.OfText("""
            [ 100.000001] ata3: exception Emask 0x10 SAct 0x0 SErr 0x4050002 action 0xe frozen
            [ 100.000002] ata3: SError: { RecovComm PHYRdyChg CommWake DevExch }
            [ 100.000003] ata3: hard resetting link
            [ 101.000001] ata3: SATA link up 3.0 Gbps (SStatus 123 SControl 300)
            [ 101.000002] ata3.00: configured for UDMA/133
            [ 101.000003] ata3: EH complete
            [ 130.000001] ata3.00: exception Emask 0x0 SAct 0x0 SErr 0x0 action 0x6 frozen
            [ 130.000002] ata3.00: failed command: WRITE FPDMA QUEUED
            [ 130.000003] ata3.00: cmd 61/00:08:00:00:10/04:00:00:00:00/40 tag 1 ncq dma 524288 out
                     res 40/00:00:00:00:00/00:00:00:00:00/00 Emask 0x4 (timeout)
            [ 130.000004] ata3: hard resetting link
            [ 131.000001] ata3: limiting SATA link speed to 1.5 Gbps
            [ 131.000002] ata3: SATA link up 1.5 Gbps (SStatus 113 SControl 310)
            [ 131.000003] ata3: EH complete
            """));
        Assert.Equal("log.ata-link-error", i.Id);
        Assert.Equal(Severity.Warning, i.Severity);
        Assert.Contains("link reset ×2", i.Summary, StringComparison.Ordinal);
        Assert.Contains("timeout", i.Summary, StringComparison.Ordinal);
        Assert.Contains("speed limited", i.Summary, StringComparison.Ordinal);
        Assert.Contains(i.Facts, f => f.Label == "SError bits" && f.Value == "RecovComm PHYRdyChg CommWake DevExch");
    }

    [Fact]
    public void A_device_libata_disables_is_critical()
    {
        var i = LogAnalysis.Single(LogAnalysis.OfText("ata4: COMRESET failed (errno=-16)\nata4: reset failed, giving up\nata4.00: disabled\n"));
        Assert.Equal(Severity.Critical, i.Severity);
        Assert.Contains("gave up", i.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Scsi_4_x_and_later_with_tag_cdb_and_the_block_layers_sector()
    {
        // §3.1/§3.2: 3.19+ format (no sense bytes printed); §4: 5.3–5.15 block line with op and flags
        var i = LogAnalysis.Single(LogAnalysis.OfText("""
            [ 5000.100001] sd 2:0:0:0: [sdc] tag#3 FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_SENSE cmd_age=3s
            [ 5000.100002] sd 2:0:0:0: [sdc] tag#3 Sense Key : Medium Error [current]
            [ 5000.100003] sd 2:0:0:0: [sdc] tag#3 Add. Sense: Unrecovered read error
            [ 5000.100004] sd 2:0:0:0: [sdc] tag#3 CDB: Read(10) 28 00 05 97 b2 28 00 00 38 00
            [ 5000.100005] blk_update_request: critical medium error, dev sdc, sector 93827624 op 0x0:(READ) flags 0x0 phys_seg 7 prio class 0
            """));
        Assert.Equal("log.disk-media-error", i.Id);
        Assert.Equal(["2:0:0:0", "sdc"], i.Chain);
        Assert.Contains("sdc cannot read LBA 93,827,624", i.Summary, StringComparison.Ordinal);
        Assert.Equal("Medium Error: Unrecovered read error (ASC/ASCQ 11/00)", i.Facts.Single(f => f.Label == "SCSI sense").Value);
        Assert.Contains("block-layer sector 93,827,624 = the command's start LBA ✓", i.CrossChecks);
    }

    [Fact]
    public void A_4kn_disks_cdb_counts_4096_byte_blocks()
    {
        // §3.3 trap: CDB LBA N on a 4Kn disk is block-layer sector N × 8
        var i = LogAnalysis.Single(LogAnalysis.OfText("""
            [ 9.000001] sd 0:0:1:0: [sdb] tag#9 Sense Key : Medium Error [current]
            [ 9.000002] sd 0:0:1:0: [sdb] tag#9 Add. Sense: Unrecovered read error
            [ 9.000003] sd 0:0:1:0: [sdb] tag#9 CDB: Read(16) 88 00 00 00 00 00 00 10 00 00 00 00 00 08 00 00
            [ 9.000004] critical medium error, dev sdb, sector 8388608 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 2
            """));
        Assert.Contains(i.CrossChecks, c => c.Contains("a 4Kn disk", StringComparison.Ordinal));
    }

    [Fact]
    public void Numeric_asc_ascq_and_sense_key_from_kernels_without_scsi_constants()
    {
        // §3.1/§3.2: UNKNOWN(0x2003) disposition, "Sense Key : 0x3", "<<vendor>>ASC=0x.. ASCQ=0x.." spelled numerically
        var i = LogAnalysis.Single(LogAnalysis.OfText("""
            sd 0:0:0:0: [sda] tag#0 UNKNOWN(0x2003) Result: hostbyte=0x00 driverbyte=0x08
            sd 0:0:0:0: [sda] tag#0 Sense Key : 0x3 [current]
            sd 0:0:0:0: [sda] tag#0 ASC=0x11 ASCQ=0x4
            """));
        Assert.Equal("Medium Error: Unrecovered read error - auto reallocate failed (ASC/ASCQ 11/04)", i.Facts.Single(f => f.Label == "SCSI sense").Value);
    }

    [Theory]
    // §4, every generation of the block layer's line
    [InlineData("end_request: I/O error, dev sdb, sector 1234", "sdb", "I/O errors at 1 sector from 1,234")]
    [InlineData("end_request: critical target error, dev sdb, sector 0", "sdb", "critical target errors at 1 sector from 0")]
    [InlineData("blk_update_request: I/O error, dev sda, sector 2048", "sda", "I/O errors at 1 sector from 2,048")]
    [InlineData("print_req_error: I/O error, dev sda, sector 4096", "sda", "I/O errors")]
    [InlineData("print_req_error: I/O error, dev sda, sector 4096 flags 80700", "sda", "from 4,096")]
    [InlineData("blk_update_request: I/O error, dev sda, sector 8 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 0", "sda", "from 8")]
    [InlineData("I/O error, dev sde, sector 123456 op 0x0:(READ) flags 0x100 phys_seg 1 prio class 2", "sde", "from 123,456")]
    public void Block_layer_errors_of_every_generation(string line, string disk, string summaryPart)
    {
        var i = LogAnalysis.Single(LogAnalysis.OfText(line + "\n"));
        Assert.Equal("log.block-io-error", i.Id);
        Assert.Equal(disk, i.Subject);
        Assert.Contains(summaryPart, i.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Ratelimited_block_errors_are_counted_into_the_incident()
    {
        // lib/ratelimit.c: "%s: %d callbacks suppressed" with the function whose messages were dropped
        var i = LogAnalysis.Single(LogAnalysis.OfText("""
            [ 1.000001] blk_update_request: I/O error, dev sdb, sector 1234 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0
            [ 6.000001] blk_update_request: 24 callbacks suppressed
            [ 6.000002] print_req_error: 6 callbacks suppressed
            """));
        Assert.Contains(i.Facts, f => f.Label == "not logged" && f.Value.StartsWith("30 more error lines were dropped", StringComparison.Ordinal));
        Assert.Empty(LogAnalysis.OfText("[ 6.0] blk_update_request: 24 callbacks suppressed\n").Incidents);
    }

    [Fact]
    public void A_discard_the_device_does_not_support_is_not_a_failure()
    {
        Assert.Empty(LogAnalysis.OfText("blk_update_request: operation not supported error, dev loop0, sector 0 op 0x3:(DISCARD) flags 0x800 phys_seg 1 prio class 0\n").Incidents);
    }

    [Fact]
    public void Lost_async_page_writes()
    {
        // §4: fs/buffer.c, 6.1 "on dev", older "on device"
        var i = LogAnalysis.Single(LogAnalysis.OfText("Buffer I/O error on dev sdb1, logical block 12345, lost async page write\nBuffer I/O error on device sdb1, logical block 12346, lost async page write\n"));
        Assert.Equal("log.lost-write", i.Id);
        Assert.Equal(Severity.Critical, i.Severity);
        Assert.StartsWith("2 writes to sdb1 were lost", i.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Ext4_journal_abort_names_the_filesystem_not_the_journal_inode()
    {
        // §5: "Aborting journal on device sdb1-8." is the journal of sdb1 (inode 8)
        var i = LogAnalysis.Single(LogAnalysis.OfText("""
            EXT4-fs error (device sdb1) in ext4_reserve_inode_write:5712: Journal has aborted
            Aborting journal on device sdb1-8.
            EXT4-fs (sdb1): Remounting filesystem read-only
            """));
        Assert.Equal("log.fs-error", i.Id);
        Assert.Equal(Severity.Critical, i.Severity);
        Assert.Equal("sdb1", i.Subject);
        Assert.Contains("went read-only", i.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sdb1-8", "sdb1")]
    [InlineData("dm-0", "dm-0")]
    [InlineData("dm-0-8", "dm-0")]
    [InlineData("nvme0n1p2-8", "nvme0n1p2")]
    [InlineData("sdb-8", "sdb")]
    [InlineData("md0-8", "md0")]
    public void Journal_names_are_device_dash_inode(string journal, string owner) =>
        Assert.Equal(owner, HostDoc.KernelLog.Recognizers.FilesystemRecognizer.JournalOwner(journal));

    [Fact]
    public void Ext4_errors_with_comm_names_and_ratelimited_repeats()
    {
        // §5: "EXT4-fs error (device %s): %s:%d: inode #%lu: comm %s: %pV" and "EXT4-fs error: %d callbacks suppressed"
        var i = LogAnalysis.Single(LogAnalysis.OfText("""
            EXT4-fs error (device sda1): ext4_find_entry:1455: inode #2: comm ls: reading directory lblock 0
            EXT4-fs error: 3 callbacks suppressed
            EXT4-fs (sda1): error: remounting filesystem read-only
            """));
        Assert.Contains("2 errors", i.Summary, StringComparison.Ordinal);
        Assert.Contains(i.Consequences, c => c.Contains("first: ext4_find_entry:1455: inode #2: comm ls: reading directory lblock 0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("EXT4-fs error (device sda1): ext4_find_entry:1455: inode #2: comm ls: reading directory lblock 0")]
    [InlineData("EXT4-fs error (device sda1): ext4_find_entry:1455 inode #2: comm ls: reading directory lblock 0")]   // pasted into a bug report, the colon after func:line lost
    [InlineData("[1396.3] EXT4-fs error (device sda1): ext4_find_entry:1455 inode #2: comm ls: reading directory lblock 0")]
    public void Ext4_error_without_the_colon_after_func_line_is_the_same_event(string line)
    {
        // §5's format with the line above from this test class; the second and third as people retype them.
        var i = LogAnalysis.Single(LogAnalysis.OfText(line + "\n"));
        Assert.Equal("log.fs-error", i.Id);
        Assert.Equal("sda1", i.Subject);
        Assert.Contains(i.Consequences, c => c.Contains("first: ext4_find_entry:1455: inode #2: comm ls: reading directory lblock 0", StringComparison.Ordinal));
    }

    [Fact]
    public void One_clocksource_verdict_is_one_event_however_many_lines_it_prints()
    {
        // propolis#328 (tests/fixtures/logs/real/clock-watchdog-acpi_pm.log): eight lines, one verdict; a second verdict an hour later is a second.
        var lines = File.ReadAllText(LogAnalysis.Path("real/clock-watchdog-acpi_pm.log"));
        var i = LogAnalysis.Single(LogAnalysis.OfText(lines));
        Assert.Equal(1, i.Occurrences);
        Assert.DoesNotContain("twice", i.Summary, StringComparison.Ordinal);
        Assert.Contains("(watchdog: acpi_pm); the kernel switched to acpi_pm", i.Summary, StringComparison.Ordinal);
        var twice = LogAnalysis.Single(LogAnalysis.OfText(lines + lines.Replace("[ 8996.", "[12996.", StringComparison.Ordinal)));
        Assert.Equal(2, twice.Occurrences);
        var boot = LogAnalysis.OfText("[    0.000000] clocksource: Switched to clocksource tsc-early\n[    1.000000] clocksource: Switched to clocksource tsc\n");
        Assert.Empty(boot.Incidents);
    }

    [Fact]
    public void An_oom_event_begins_at_its_invoker_even_when_the_kill_is_cut_off()
    {
        // harvester#2419 (real/oom-invoked-kvm-comm.log) has the invoker and the dump, not the kill; with the kill line the two are one event.
        var alone = LogAnalysis.Single(LogAnalysis.OfFiles("real/oom-invoked-kvm-comm.log"));
        Assert.Contains("invoked by CPU 2/KVM", alone.Summary, StringComparison.Ordinal);
        var whole = LogAnalysis.Single(LogAnalysis.OfText("""
            [ 1573.878353] cp invoked oom-killer: gfp_mask=0x14000c0(GFP_KERNEL), nodemask=(null),  order=0, oom_score_adj=-998
            [ 1573.878400] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=ec39,mems_allowed=0,oom_memcg=/kubepods/pod1,task_memcg=/kubepods/pod1/c1,task=java,pid=4289,uid=0
            [ 1573.878500] Memory cgroup out of memory: Killed process 4289 (java) total-vm:100kB, anon-rss:50kB, file-rss:0kB, shmem-rss:0kB
            """));
        Assert.Equal("java", whole.Subject);
        Assert.Contains("invoked by cp, constraint CONSTRAINT_MEMCG (/kubepods/pod1)", whole.Summary, StringComparison.Ordinal);
        Assert.Contains(whole.Fields, f => f.Name == "oom_memcg" && f.Value.Text == "/kubepods/pod1");
    }

    [Fact]
    public void Xfs_metadata_error_and_forced_shutdown()
    {
        var i = LogAnalysis.Single(LogAnalysis.OfText("""
            XFS (dm-2): metadata I/O error in "xfs_trans_read_buf_map" at daddr 0x2 len 1 error 5
            XFS (dm-2): Log I/O Error Detected. Shutting down filesystem
            XFS (dm-2): Please unmount the filesystem and rectify the problem(s)
            """));
        Assert.Equal(Severity.Critical, i.Severity);
        Assert.Contains("the xfs filesystem on dm-2 shut down", i.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Btrfs_device_error_counters()
    {
        var i = LogAnalysis.Single(LogAnalysis.OfText("BTRFS error (device sda1): bdev /dev/sda1 errs: wr 0, rd 1, flush 0, corrupt 0, gen 0\n"));
        Assert.Equal("log.fs-error", i.Id);
        Assert.Equal("sda1", i.Subject);
    }

    [Theory]
    // §6 hung tasks: comm with ':' and '/'
    [InlineData("INFO: task kworker/u32:2:113 blocked for more than 122 seconds.", "log.hung-task", "kworker/u32:2")]
    [InlineData("INFO: task jbd2/dm-0-8:1234 blocked for more than 120 seconds.", "log.hung-task", "jbd2/dm-0-8")]
    // §7 OOM: every form; comm with parentheses
    [InlineData("Out of memory: Killed process 4243 ((sd-pam)) total-vm:1234kB, anon-rss:456kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:40kB oom_score_adj:0", "log.oom-kill", "(sd-pam)")]
    [InlineData("Memory cgroup out of memory: Killed process 77 (php-fpm) total-vm:9kB, anon-rss:8kB, file-rss:0kB, shmem-rss:0kB", "log.oom-kill", "php-fpm")]
    [InlineData("Out of memory: kill process 123 (httpd) score 5 or a child", "log.oom-kill", "httpd")]
    // §8 SYN flooding, all forms
    [InlineData("possible SYN flooding on port 80. Sending cookies.", "log.syn-flood", "port 80")]
    [InlineData("TCP: Possible SYN flooding on port 8080. Dropping request.", "log.syn-flood", "port 8080")]
    [InlineData("TCP: request_sock_TCP: Possible SYN flooding on port 80. Sending cookies.  Check SNMP counters.", "log.syn-flood", "port 80")]
    [InlineData("TCPv6: request_sock_TCPv6: Possible SYN flooding on port 443. Sending cookies.  Check SNMP counters.", "log.syn-flood", "port 443 (IPv6)")]
    [InlineData("TCP: request_sock_TCP: Possible SYN flooding on port 192.0.2.1:80. Sending cookies.", "log.syn-flood", "port 192.0.2.1:80")]
    [InlineData("nf_conntrack: nf_conntrack: table full, dropping packet", "log.conntrack-full", "conntrack table")]
    // §9 TSC and clocksource
    [InlineData("tsc: Marking TSC unstable due to clocksource watchdog", "log.clock-unstable", "tsc")]
    [InlineData("Marking TSC unstable due to check_tsc_sync_source failed", "log.clock-unstable", "tsc")]
    [InlineData("clocksource: timekeeping watchdog on CPU1: Marking clocksource 'tsc' as unstable because the skew is too large:", "log.clock-unstable", "tsc")]
    [InlineData("TSC found unstable after boot, most likely due to broken BIOS. Use 'tsc=unstable'.", "log.clock-unstable", "tsc")]
    // lockups, RCU, MCE/EDAC
    [InlineData("watchdog: BUG: soft lockup - CPU#3 stuck for 23s! [kworker/3:1:1234]", "log.lockup", "CPU3")]
    [InlineData("BUG: soft lockup - CPU#0 stuck for 61s! [java:1234]", "log.lockup", "CPU0")]
    [InlineData("rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:", "log.rcu-stall", "rcu")]
    [InlineData("INFO: rcu_sched self-detected stall on CPU { 3}  (t=60000 jiffies g=1 c=0 q=0)", "log.rcu-stall", "rcu")]
    [InlineData("EDAC MC0: 1 CE memory read error on CPU_SrcID#0_Ha#0_Chan#1_DIMM#0 (channel:1 slot:0 page:0x12345 offset:0x0 grain:32 syndrome:0x0)", "log.hardware-error", "CPU_SrcID#0_Ha#0_Chan#1_DIMM#0")]
    [InlineData("mce: [Hardware Error]: Machine check events logged", "log.hardware-error", "machine check")]
    public void Machine_level_reports(string line, string id, string subject)
    {
        var i = LogAnalysis.Single(LogAnalysis.OfText($"[ 7.000000] {line}\n"));
        Assert.Equal(id, i.Id);
        Assert.Equal(subject, i.Subject);
        Assert.Equal(Severity.Warning, i.Severity);
    }

    [Fact]
    public void The_two_line_oom_report_is_one_kill()
    {
        // §7: before ~4.19 "Out of memory: Kill process …" then "Killed process …" for the same pid
        var i = LogAnalysis.Single(LogAnalysis.OfText("""
            [ 9.000001] Out of memory: Kill process 4242 (java) score 900 or sacrifice child
            [ 9.000002] Killed process 4242 (java) total-vm:8123456kB, anon-rss:7000000kB, file-rss:0kB
            [ 99.000001] Out of memory: Killed process 5151 (java) total-vm:8123456kB, anon-rss:7100000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:40kB oom_score_adj:0
            """));
        Assert.Equal(2, i.Occurrences);
        Assert.Equal("java", i.Subject);
    }

    [Fact]
    public void Smp_disabled_names_its_cause_and_a_hard_lockup_is_critical()
    {
        var analysis = LogAnalysis.OfText("SMP motherboard not detected.\nSMP disabled\nNMI watchdog: Watchdog detected hard LOCKUP on cpu 2\n");
        Assert.Contains(analysis.Incidents, i => i.Id == "log.smp-disabled" && i.Summary.Contains("SMP motherboard not detected", StringComparison.Ordinal));
        Assert.Contains(analysis.Incidents, i => i.Id == "log.lockup" && i.Severity == Severity.Critical && i.Subject == "CPU2");
    }

    [Fact]
    public void Lines_other_programs_wrote_into_syslog_are_not_the_kernels()
    {
        Assert.Empty(LogAnalysis.OfText("Mar 18 13:27:44 web01 myapp[123]: I/O error, dev sda, sector 5 (a message that only looks like the kernel's)\n").Incidents);
    }
}

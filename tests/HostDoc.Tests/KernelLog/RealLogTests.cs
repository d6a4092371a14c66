using System.Text;
using HostDoc.Findings;
using HostDoc.KernelLog.Incidents;
using HostDoc.KernelLog.Reading;
using Xunit;

namespace HostDoc.Tests.KernelLog;

/// <summary>
/// Real excerpts from public bug reports (tests/fixtures/logs/real/README.md names each source): each class of
/// the analyzer's recognizers gives the right incident, with its typed members, in the envelope the reporter
/// pasted and re-enveloped in every envelope the analyzer reads.
/// </summary>
public sealed class RealLogTests
{
    public static TheoryData<string, string, Severity, string, string> Cases => new()
    {
        // file, id, severity, subject, "name=value;…" typed members that must be there
        { "oops-null-6.1.log", "log.kernel-oops", Severity.Critical, "bkn_seq_dma_next_pos", "kind=oops;function=bkn_seq_dma_next_pos;module=linux_bcm_knet;pid=9186;comm=cat;address=00000000000002e4;oops_number=1" },
        { "oops-null-3.12-syslog.log", "log.kernel-oops", Severity.Critical, "netflow_target", "fault=NULL pointer dereference;module=ipt_NETFLOW" },
        { "oops-gpf-4.15-syslog.log", "log.kernel-oops", Severity.Critical, "cidm_release", "fault=general protection fault;module=rina_irati_core;pid=6068;comm=ipcm;oops_number=2" },
        { "oops-divide-4.3-bare.log", "log.kernel-oops", Severity.Critical, "task_numa_find_cpu", "fault=divide error;comm=cadvisor;pid=1914" },
        { "oops-bug-at-xen-4.4.log", "log.kernel-oops", Severity.Critical, "mpage_prepare_extent_to_map", "fault=kernel BUG at fs/ext4/inode.c:2422;comm=kworker/u4:0" },
        { "oops-bug-at-5.0.log", "log.kernel-oops", Severity.Critical, "bch2_sort_extents", "fault=kernel BUG at fs/bcachefs/bkey_sort.c:122;module=bcachefs" },
        { "oops-unpadded-stamps-riscv.log", "log.kernel-oops", Severity.Critical, "bad memory access (page fault)", "comm=swapper/0;pid=0" },
        { "panic-fatal-exception.log", "log.kernel-panic", Severity.Critical, "kernel", "kind=panic;reason=Fatal exception" },
        { "panic-vfs-root-6.11.log", "log.kernel-panic", Severity.Critical, "kernel", "reason=VFS: Unable to mount root fs on unknown-block(0,0)" },
        { "netdev-lo-3.13-syslog.log", "log.netdev-leak", Severity.Warning, "lo", "netdev=lo;usage_count=-1" },
        { "netdev-lo-journal.log", "log.netdev-leak", Severity.Warning, "lo", "netdev=lo;usage_count=1" },
        { "netdev-wall-message.log", "log.netdev-leak", Severity.Warning, "lo", "usage_count=1" },
        { "nfs-dmesg.log", "log.nfs-not-responding", Severity.Warning, "thinkcentre", "server=thinkcentre;ended=true" },
        { "nfs-dmesg-T.log", "log.nfs-not-responding", Severity.Warning, "192.168.0.1", "ended=true" },
        { "nfs-syslog-no-stamp.log", "log.nfs-not-responding", Severity.Critical, "td-mf-cl2.princeton.edu", "client=nfs" },
        { "xfs-kernel-tag-only.log", "log.fs-error", Severity.Critical, "dm-4", "dm=dm-4;filesystem=xfs;shut_down=true;corrupted=true" },
        { "xfs-shutdown-0x8.log", "log.fs-error", Severity.Critical, "dm-11", "shut_down=true" },
        { "xfs-md0-syslog.log", "log.fs-error", Severity.Critical, "md0", "md=md0;corrupted=true" },
        { "cper-corrected-syslog.log", "log.hardware-error", Severity.Warning, "CorrectedErr", "source=cper;severity=corrected;section_type=memory error" },
        { "cper-recoverable-dimm.log", "log.hardware-error", Severity.Critical, "NODE 3 CPU0_DIMM_G1", "severity=recoverable;physical_address=0x00000007e025e400" },
        { "cper-fatal-bert.log", "log.hardware-error", Severity.Critical, "Firmware Error Record Reference", "severity=fatal" },
        { "edac-sbridge-ce-dmesg-T.log", "log.hardware-error", Severity.Warning, "CPU_SrcID#0_Ha#0_Chan#2_DIMM#0", "source=edac;memory_controller=MC0;ce_count=1" },
        { "edac-skx-ue.log", "log.hardware-error", Severity.Critical, "CPU_SrcID#0_MC#3_Chan#0_DIMM#0", "ue_count=1;severity=uncorrected" },
        { "softlockup-kvm-comm.log", "log.lockup", Severity.Warning, "CPU1", "comm=CPU 0/KVM;pid=31664;stuck_seconds=2471" },
        { "softlockup-wall-message.log", "log.lockup", Severity.Warning, "CPU20", "comm=SCTP timer;pid=2111" },
        { "softlockup-short-stamp.log", "log.lockup", Severity.Warning, "CPU0", "comm=splat_kmem_cach;pid=3369" },
        { "nvme-timeout-abort.log", "log.nvme-controller-error", Severity.Warning, "nvme0", "nvme_controller=nvme0;qid=5" },
        { "nvme-reset-removed.log", "log.nvme-controller-error", Severity.Critical, "nvme2", "qid=0" },
        { "nvme-down-syslog.log", "log.nvme-controller-error", Severity.Critical, "nvme0", "csts=0xffffffff" },
        { "nvme-io-error-journal.log", "log.block-io-error", Severity.Critical, "nvme0n1", "disk=nvme0n1;nvme_controller=nvme0;namespace=1;lba=32545872;sectors=8;nvme_sct=3;nvme_sc=113;nvme_status=Host Aborted Command" },
        { "nvme-medium-dnr-dmesg-H.log", "log.disk-media-error", Severity.Critical, "nvme0n1", "disk=nvme0n1;lba=0;media=true;nvme_sct=2;nvme_sc=134;nvme_status=Access Denied" },
        { "md-raid1-degraded.log", "log.raid-degraded", Severity.Critical, "md0", "md=md0;member=sdb1;remaining_devices=1;raid_level=raid1" },
        { "md-raid5-failed.log", "log.raid-degraded", Severity.Critical, "md2", "member=sdb6;array_failed=true;raid_level=raid4/5/6" },
        { "md-raid5-failed.log", "log.disk-media-error", Severity.Critical, "sdb", "lba=14010528;write=false;md=md2;sense_key=3" },
        { "multipathd-checker.log", "log.path-failed", Severity.Warning, "mpathaq", "map=mpathaq;path=sdak" },
        { "mmc-timeout-status.log", "log.mmc-error", Severity.Warning, "mmcblk1", "disk=mmcblk1;errno=-110" },
        { "usb-descriptor-error.log", "log.usb-error", Severity.Warning, "usb 2-3", "usb_port=2-3;action=enumeration-failed" },
        { "usb-uas-reset-quoted.log", "log.usb-error", Severity.Warning, "usb 2-1.4", "action=reset" },
        { "usb-disconnect-metalog.log", "log.usb-error", Severity.Warning, "usb 1-1.2", "action=disconnect" },
        { "loop-write-error-journal.log", "log.block-io-error", Severity.Critical, "loop2", "disk=loop2;write=true;loop_write_errors=2" },
        { "loop-write-error-sonic.log", "log.block-io-error", Severity.Critical, "loop1", "loop_write_errors=1" },
        { "clock-watchdog-acpi_pm.log", "log.clock-unstable", Severity.Warning, "tsc", "from=tsc;watchdog=acpi_pm;to=acpi_pm" },
        { "clock-watchdog-hpet.log", "log.clock-unstable", Severity.Warning, "tsc", "from=tsc;watchdog=hpet;to=hpet" },
        { "clock-watchdog-override.log", "log.clock-unstable", Severity.Warning, "tsc", "watchdog=hpet;to=hpet" },
        { "clock-watchdog-4.x-xen.log", "log.clock-unstable", Severity.Warning, "tsc", "watchdog=xen" },
        { "oom-invoked-kvm-comm.log", "log.oom-kill", Severity.Warning, "(invoked by CPU 2/KVM)", "invoker=CPU 2/KVM;order=0;oom_score_adj=872;gfp_mask=0xcc0(GFP_KERNEL)" },
        { "oom-killed-5.x-syslog.log", "log.oom-kill", Severity.Warning, "(resolved)", "comm=(resolved);pid=15925;anon_rss_kb=4064" },
        { "oom-memcg-3.10-dmesg-T.log", "log.oom-kill", Severity.Warning, "java", "memcg_limit=true" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Real_excerpt_gives_its_incident_with_typed_members(string file, string id, Severity severity, string subject, string members)
    {
        var incident = Find(LogAnalysis.OfFiles(Path.Combine("real", file)), id, subject);
        Assert.Equal(severity, incident.Severity);
        foreach (var pair in members.Split(';'))
        {
            var eq = pair.IndexOf('=');
            var field = incident.Fields.FirstOrDefault(f => f.Name == pair[..eq]);
            Assert.True(field is not null, $"{file}: no member {pair[..eq]} in {string.Join(", ", incident.Fields.Select(f => $"{f.Name}={f.Value.Text}"))}");
            Assert.Equal(pair[(eq + 1)..], field.Value.Text);
        }

        Assert.All(incident.Fields.Where(f => f.Name is "lba" or "pid" or "sectors" or "usage_count" or "qid" or "ce_count" or "ue_count"),
            f => Assert.True(f.Value is DataInteger or DataUnsigned, $"{f.Name} is {f.Value.GetType().Name}, not a number"));
    }

    /// <summary>The messages of each excerpt, re-enveloped: the same incidents come out of every envelope.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_envelope_gives_the_same_incident(string file, string id, Severity severity, string subject, string members)
    {
        _ = members;
        var messages = File.ReadAllLines(LogAnalysis.Path(Path.Combine("real", file)))
            .Select(LogEnvelopeParser.Parse).Where(e => e.IsKernel && e.Marker == LogMarker.None).SelectMany(e => e.Messages).ToArray();
        var boot = new DateTime(2024, 5, 6, 10, 0, 0);
        foreach (var (envelope, wrap) in Envelopes)
        {
            var text = new StringBuilder();
            for (var i = 0; i < messages.Length; i++)
            {
                text.Append(wrap(boot.AddMilliseconds(i), 100 + (i / 1000.0), messages[i])).Append('\n');
            }

            var incident = Find(LogAnalysis.OfText(text.ToString()), id, subject, envelope);
            Assert.Equal(severity, incident.Severity);
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };   // journalctl does not escape < >

    private static readonly (string Name, Func<DateTime, double, string, string> Wrap)[] Envelopes =
    [
        ("raw", (_, _, m) => m),
        ("dmesg", (_, up, m) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{up,12:0.000000}] {m}")),
        ("dmesg -T", (t, _, m) => $"[{t.ToString("ddd MMM d HH:mm:ss yyyy", System.Globalization.CultureInfo.InvariantCulture)}] {m}"),
        ("syslog", (t, up, m) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t:MMM d HH:mm:ss} host1 kernel: [{up,12:0.000000}] {m}")),
        ("syslog, kernel: only", (t, _, m) => $"{t.ToString("MMM dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} host1 kernel: {m}"),
        ("rfc3339", (t, _, m) => $"{t.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture)}+02:00 host1 kernel: {m}"),
        ("journal json", (t, up, m) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["__REALTIME_TIMESTAMP"] = ((t - DateTime.UnixEpoch).Ticks / 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__MONOTONIC_TIMESTAMP"] = ((long)(up * 1e6)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["_TRANSPORT"] = "kernel", ["PRIORITY"] = "3", ["MESSAGE"] = m,
        }, Relaxed)),
        ("kmsg", (_, up, m) => $"3,{(long)(up * 1000)},{(long)(up * 1e6)},-;{m}"),
        ("pasted", (_, up, m) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"> [{up:0.0}] {m}")),
        ("kernel: tag only", (_, _, m) => $"kernel: {m}"),
    ];

    private static Incident Find(HostDoc.KernelLog.KernelLogAnalysis analysis, string id, string subject, string envelope = "as pasted")
    {
        var found = analysis.Incidents.FirstOrDefault(i => i.Id == id && i.Subject == subject);
        Assert.True(found is not null,
            $"{envelope}: no {id} for {subject}; got {string.Join(" | ", analysis.Incidents.Select(i => $"{i.Id} {i.Subject}"))}");
        return found;
    }
}

using HostDoc.Findings;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Incidents;

/// <summary>What a machine-level incident is called and says: its kind, finding id, severity and sentences, per <see cref="SystemEventKind"/>.</summary>
internal static class SystemIncidentText
{
    /// <summary>The words of one incident.</summary>
    public sealed record Text(string Kind, string Id, Severity Severity, string Summary, string Explanation, string Advice);

    /// <summary>True when <paramref name="e"/> alone makes its incident critical (a fatal hardware error, a hard lockup, a failed array, a controller removed).</summary>
    public static bool IsCritical(SystemEventKind kind, SystemEvent e) => kind switch
    {
        SystemEventKind.HardwareError => FindingData.TextOf(e.Data, "severity") is "fatal" or "recoverable" or "uncorrected"
            || e.Detail.Contains("ncorrect", StringComparison.Ordinal) || e.Detail.Contains("context corrupt", StringComparison.Ordinal),
        SystemEventKind.Lockup => FindingData.TextOf(e.Data, "hard") == "true",
        SystemEventKind.RaidDegraded => FindingData.TextOf(e.Data, "array_failed") == "true",
        SystemEventKind.NvmeController => FindingData.TextOf(e.Data, "action") is "removed" or "disabled",
        SystemEventKind.MmcTrouble => FindingData.TextOf(e.Data, "action") is "recovery-failed",
        _ => false,
    };

    /// <summary>The incident's words; <paramref name="seen"/> is when the trouble was first reported and how many times.</summary>
    public static Text Describe(SystemEventKind kind, string subject, string when, (LogTime Time, int Count) seen, IReadOnlyList<string> details, FindingData data, LogTime? ended, bool critical)
    {
        var first = details.Count > 0 ? details[0] : "";
        string? Get(string name) => data.Text(name);
        var until = ended is { } end ? $"; it ended at {end}" : "";
        switch (kind)
        {
            case SystemEventKind.HungTask:
                return new("hung-task", "log.hung-task", Severity.Warning, $"task {subject} was blocked in the kernel for more than the hung-task timeout, {when}",
                    "The kernel's hung-task detector found the task in uninterruptible sleep (D state) without running for longer than kernel.hung_task_timeout_secs: it waits on I/O or a lock that is not coming (a dying disk, a journal commit, NFS).",
                    "Run hostdoc stuck to see what it waits on now; look for disk or network-filesystem errors before the report.");
            case SystemEventKind.OomKill:
                var invoker = Get("invoker");
                var constraint = Get("constraint") is { } c && c != "CONSTRAINT_NONE" ? $", constraint {c}{(Get("oom_memcg") is { } memcg ? $" ({memcg})" : "")}" : "";
                return new("oom-kill", "log.oom-kill", Severity.Warning,
                    subject.StartsWith("(invoked by ", StringComparison.Ordinal)
                        ? $"the OOM killer was invoked by {invoker} {when}{constraint}; the kill itself is not in this log"
                        : $"the OOM killer killed {subject} {when}{(invoker is null ? "" : $" (invoked by {invoker}{constraint})")}",
                    "Memory (or a memory cgroup's limit) ran out and reclaim could not free enough, so the kernel killed the process with the highest badness score to survive. "
                        + "The process named in 'invoked oom-killer' is the one whose allocation failed, not necessarily the one killed.",
                    "Find what grew (hostdoc mem, the process's RSS over time); raise the limit or memory, or fix the leak; set oom_score_adj for processes that must not die.");
            case SystemEventKind.SynFlood:
                return new("syn-flood", "log.syn-flood", Severity.Warning, $"SYN flood on {subject} {when}{(first.Length > 0 ? $" ({first})" : "")}",
                    "The listen queue for this port filled with half-open connections faster than they completed: an attack, or a server that accepts too slowly for its backlog. With syncookies the kernel keeps answering but drops TCP options; without them it drops new connections.",
                    "Compare netstat -s ListenOverflows/ListenDrops; raise the listen() backlog and net.core.somaxconn / net.ipv4.tcp_max_syn_backlog if the traffic is real, rate-limit upstream if not.");
            case SystemEventKind.ConntrackFull:
                return new("conntrack-full", "log.conntrack-full", Severity.Warning, $"the connection-tracking table was full {when}: new connections were dropped",
                    "Every new flow needs a conntrack entry; when net.netfilter.nf_conntrack_max is reached the kernel drops packets of new connections.",
                    "Raise net.netfilter.nf_conntrack_max (and the hash size), shorten timeouts, or exempt high-volume traffic with NOTRACK.");
            case SystemEventKind.ClockUnstable:
                var from = Get("from") ?? "a clocksource";
                var watchdog = Get("watchdog") is { } w ? $" (watchdog: {w})" : "";
                var to = Get("to") is { } t ? $"; the kernel switched to {t}" : "";
                return new("clock", "log.clock-unstable", Severity.Warning, $"clocksource {from} was marked unstable {when}{watchdog}{to}{(first.Length > 0 && to.Length == 0 ? $": {first}" : "")}",
                    "The kernel stopped trusting this clock (it drifted against the watchdog clocksource or stopped in deep idle) and switched to a slower clocksource; timekeeping calls get more expensive and time may have jumped.",
                    "Check /sys/devices/system/clocksource/clocksource0/current_clocksource; on VMs enable a stable paravirtual clock (kvm-clock); on hardware check BIOS power states and firmware.");
            case SystemEventKind.SmpDisabled:
                return new("cpu", "log.smp-disabled", Severity.Warning, $"SMP was disabled {when}: the kernel runs on one CPU{(first.Length > 0 ? $" ({first})" : "")}",
                    "The kernel found no usable multiprocessor description (no IO-APIC/MP table, nosmp or maxcpus=0) and brought up only the boot CPU.",
                    "Check the kernel command line for nosmp/maxcpus, the VM's IO-APIC setting, and the BIOS/ACPI tables.");
            case SystemEventKind.Lockup:
                return new("lockup", "log.lockup", critical ? Severity.Critical : Severity.Warning, $"{subject}: {(critical ? "hard" : "soft")} lockup {when}{(first.Length > 0 ? $" ({first})" : "")}",
                    "A CPU ran kernel code without scheduling (soft lockup) or without taking interrupts (hard lockup) for longer than the watchdog threshold: a driver or kernel bug, or a hypervisor that stopped the vCPU.",
                    "Read the stack trace after the report; on VMs check host steal time and overcommit; update the driver or kernel named in the trace.");
            case SystemEventKind.RcuStall:
                return new("cpu", "log.rcu-stall", Severity.Warning, $"RCU stall {when}",
                    "A CPU did not pass through a quiescent state for the RCU grace-period timeout: it was stuck in the kernel with preemption or interrupts off, or starved by the hypervisor.",
                    "Read the stack traces after the report; check for lockups and steal time.");
            case SystemEventKind.HardwareError:
                var counts = string.Join(", ", new[] { ("ce_count", "corrected"), ("ue_count", "uncorrected") }
                    .Where(p => Get(p.Item1) is not null).Select(p => $"{Get(p.Item1)} {p.Item2}"));
                return new("hardware", "log.hardware-error", critical ? Severity.Critical : Severity.Warning,
                    $"{subject}: {(Get("severity") is { } sev ? sev + " " : "")}hardware error reported {when}{(counts.Length > 0 ? $" ({counts})" : "")}{(first.Length > 0 && counts.Length == 0 ? $": {first}" : "")}",
                    "The platform reported a hardware error: the CPU's machine-check architecture, the memory controller (EDAC) or the firmware (APEI/CPER). Corrected errors were repaired but predict failure; "
                        + "recoverable and uncorrected errors corrupted data (the kernel poisons the page and kills what used it); fatal ones stop the machine.",
                    "Decode with rasdaemon or mcelog, identify the DIMM or CPU (the DIMM location, fru_text or EDAC label), and replace it if the count grows or any uncorrected error appears.");
            case SystemEventKind.Oops:
                var core = Get("module") is null && Get("function") is not null ? " (core kernel)" : "";
                return new("oops", "log.kernel-oops", Severity.Critical, $"kernel oops: {first}{core}, {when}",
                    "The kernel hit a fault in its own code (a bad pointer, a failed assertion, an impossible instruction) and killed the task that was running it. "
                        + "Locks the task held stay held and the kernel is marked tainted (D): later hangs and errors on this boot may follow from it.",
                    $"Read the call trace after the report; update or remove {(Get("module") is { } m ? $"the module {m}" : "the driver named in the trace")}, or the kernel; reboot when you can — the running kernel is no longer trustworthy.");
            case SystemEventKind.Panic:
                return new("panic", "log.kernel-panic", Severity.Critical, $"kernel panic {when}: {(first.Length > 0 ? first : "no reason given")}{(Get("after_oops") is { } o ? $" (after an oops in {o})" : "")}",
                    "The kernel stopped: it met a state it cannot continue from (a fatal exception, no init, no root filesystem, out of memory with panic_on_oom) and halted or rebooted. Everything running was lost.",
                    "Fix what the reason names (the oops before it, root= and the initramfs, memory); set kernel.panic so the machine reboots, and kdump to capture the next one.");
            case SystemEventKind.NetdevLeak:
                return new("network", "log.netdev-leak", Severity.Warning,
                    $"network device {subject} could not be unregistered: still referenced (usage count {Get("usage_count") ?? "?"}), reported {when}",
                    "unregister_netdevice waits until every reference to the device is dropped and says so every 10 s; a reference that is never dropped is a kernel leak "
                        + "(typically a container network namespace torn down with a socket or route still using it). The task tearing it down, and every later network namespace operation, waits.",
                    "Note which containers stopped at the first report; update the kernel (many such leaks are fixed upstream); a reboot is the only way to free it.");
            case SystemEventKind.NfsNotResponding:
                return new("nfs", "log.nfs-not-responding", ended is null ? Severity.Critical : Severity.Warning,
                    $"NFS server {subject} was not responding from {seen.Time} ({(seen.Count == 1 ? "1 report" : $"{seen.Count} reports")}){(ended is { } back ? $"; it answered again at {back}" : "; it has not answered since")}",
                    "The client's RPC calls to the server timed out. On a hard mount (the default) the processes using it wait in D state until the server answers; on a soft mount they get EIO after the retries.",
                    "Check the server and the network path (ping, rpcinfo -p SERVER, nfsstat -c retransmissions); find the waiting tasks with hostdoc stuck.");
            case SystemEventKind.RaidDegraded:
                var member = Get("member") is { } mem ? $"lost {mem}" : "lost a member";
                var left = Get("remaining_devices") is { } r ? $", running on {r} device{(r == "1" ? "" : "s")}" : "";
                return new("raid", "log.raid-degraded", critical || ended is null ? Severity.Critical : Severity.Warning,
                    critical ? $"md array {subject} failed {when}: {first}" : $"md array {subject} {member} {when}{left}{(ended is { } e ? $"; the rebuild finished at {e}" : "; it is degraded")}",
                    "md kicked a member out of the array after it failed a request. The array keeps working on the remaining devices with less (or no) redundancy: one more failure loses data.",
                    "cat /proc/mdstat; replace the failed disk (mdadm --manage /dev/ARRAY --remove, then --add the new one) and let it rebuild; read the member disk's errors in this log.");
            case SystemEventKind.PathFailed:
                var none = Get("remaining_paths") == "0" && ended is null;
                var map = Get("map") ?? Get("dm");
                return new("path", "log.path-failed", none ? Severity.Critical : Severity.Warning,
                    $"multipath{(map is null ? "" : $" {map}")}: path {Get("path") ?? "?"} failed {when}{(Get("remaining_paths") is { } p ? $", {p} active path{(p == "1" ? "" : "s")} left" : "")}{until}",
                    "device-mapper multipath took a path to the storage out of use after I/O on it failed. With paths left I/O continues on them; with none, I/O queues (queue_if_no_path) or fails.",
                    "multipath -ll; check the failed path's HBA, cable, switch port and the array's controller; the SCSI errors just before name the device.");
            case SystemEventKind.NvmeController:
                return new("nvme", "log.nvme-controller-error", critical ? Severity.Critical : Severity.Warning, $"NVMe controller {subject}: {string.Join("; ", details)}, {when}",
                    "The NVMe driver saw the controller stop answering: commands timed out and were aborted, the controller was reset, reported itself down (CSTS all ones: it fell off the PCIe bus), or was removed. Each reset stalls I/O; a removed controller's namespaces are gone.",
                    "Check the drive's health (nvme smart-log), firmware and temperature, the PCIe slot and power; power-state trouble (APST) is often worked around with nvme_core.default_ps_max_latency_us=0.");
            case SystemEventKind.UsbTrouble:
                return new("usb", "log.usb-error", Severity.Warning, $"USB device {subject}: {first} {when}",
                    "The USB host controller reset the device, could not enumerate it, or lost it. Storage on it sees its commands aborted and, after a disconnect, the disk disappears under the mounted filesystem.",
                    "Try another port or cable, a powered hub, or a shorter cable; for UAS disks that reset repeatedly, the usb-storage.quirks=VID:PID:u option disables UAS.");
            case SystemEventKind.MmcTrouble:
                return new("mmc", "log.mmc-error", critical ? Severity.Critical : Severity.Warning, $"MMC/SD {subject}: {first} {when}",
                    "The MMC/SD host controller or the card did not complete requests (timeouts, CRC errors -84, no response -110), or the card was removed. Worn-out or counterfeit cards and unstable power fail this way.",
                    "Copy the data off the card and replace it; check the power supply (Raspberry Pi undervoltage) and the card reader.");
            default:
                return new("event", "log.event", Severity.Warning, $"{subject}: {when}", "", "");
        }
    }
}

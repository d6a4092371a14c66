using HostDoc.Findings;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Incidents;

/// <summary>A machine-level report repeated for one subject (a process the OOM killer chose, a port under SYN flood, a CPU that locked up).</summary>
internal sealed class SystemDraft(LogLine first, SystemEventKind kind, string subject) : IncidentDraft(first)
{
    private readonly List<string> details = [];
    private bool uncorrected;

    public void Take(SystemEvent e)
    {
        Occurred(e.Line);
        if (e.Detail.Length > 0 && details.Count < 5 && !details.Contains(e.Detail))
        {
            details.Add(e.Detail);
        }

        uncorrected |= kind == SystemEventKind.HardwareError
            && (e.Detail.Contains("UE ", StringComparison.Ordinal) || e.Detail.Contains("ncorrect", StringComparison.Ordinal)
                || e.Detail.Contains("Fatal", StringComparison.OrdinalIgnoreCase) || e.Detail.Contains("context corrupt", StringComparison.Ordinal));
        uncorrected |= kind == SystemEventKind.Lockup && e.Detail.StartsWith("hard", StringComparison.Ordinal);
    }

    public override Incident Build(DeviceNames names)
    {
        foreach (var d in details)
        {
            Fact("detail", d);
        }

        var when = Occurrences == 1 ? $"at {FirstSeen}" : $"{IncidentText.Times(Occurrences)} between {FirstSeen} and {LastSeen}";
        var (id, summary, explanation, advice) = kind switch
        {
            SystemEventKind.HungTask => ("log.hung-task", $"task {subject} was blocked in the kernel for more than the hung-task timeout, {when}",
                "The kernel's hung-task detector found the task in uninterruptible sleep (D state) without running for longer than kernel.hung_task_timeout_secs: it waits on I/O or a lock that is not coming (a dying disk, a journal commit, NFS).",
                "Run hostdoc stuck to see what it waits on now; look for disk or network-filesystem errors before the report."),
            SystemEventKind.OomKill => ("log.oom-kill", $"the OOM killer killed {subject} {when}",
                "Memory (or a memory cgroup's limit) ran out and reclaim could not free enough, so the kernel killed the process with the highest badness score to survive.",
                "Find what grew (hostdoc mem, the process's RSS over time); raise the limit or memory, or fix the leak; set oom_score_adj for processes that must not die."),
            SystemEventKind.SynFlood => ("log.syn-flood", $"SYN flood on {subject} {when}{(details.Count > 0 ? $" ({details[0]})" : "")}",
                "The listen queue for this port filled with half-open connections faster than they completed: an attack, or a server that accepts too slowly for its backlog. With syncookies the kernel keeps answering but drops TCP options; without them it drops new connections.",
                "Compare netstat -s ListenOverflows/ListenDrops; raise the listen() backlog and net.core.somaxconn / net.ipv4.tcp_max_syn_backlog if the traffic is real, rate-limit upstream if not."),
            SystemEventKind.ConntrackFull => ("log.conntrack-full", $"the connection-tracking table was full {when}: new connections were dropped",
                "Every new flow needs a conntrack entry; when net.netfilter.nf_conntrack_max is reached the kernel drops packets of new connections.",
                "Raise net.netfilter.nf_conntrack_max (and the hash size), shorten timeouts, or exempt high-volume traffic with NOTRACK."),
            SystemEventKind.ClockUnstable => ("log.clock-unstable", $"clocksource {subject} was marked unstable {when}{(details.Count > 0 ? $": {details[0]}" : "")}",
                "The kernel stopped trusting this clock (it drifted against the watchdog or stopped in deep idle) and switched to a slower clocksource; timekeeping calls get more expensive and time may have jumped.",
                "Check /sys/devices/system/clocksource/clocksource0/current_clocksource; on VMs enable a stable paravirtual clock (kvm-clock); on hardware check BIOS power states and firmware."),
            SystemEventKind.SmpDisabled => ("log.smp-disabled", $"SMP was disabled {when}: the kernel runs on one CPU{(details.Count > 0 && details[0].Length > 0 ? $" ({details[0]})" : "")}",
                "The kernel found no usable multiprocessor description (no IO-APIC/MP table, nosmp or maxcpus=0) and brought up only the boot CPU.",
                "Check the kernel command line for nosmp/maxcpus, the VM's IO-APIC setting, and the BIOS/ACPI tables."),
            SystemEventKind.Lockup => ("log.lockup", $"{subject}: {(uncorrected ? "hard" : "soft")} lockup {when}{(details.Count > 0 ? $" ({details[0]})" : "")}",
                "A CPU ran kernel code without scheduling (soft lockup) or without taking interrupts (hard lockup) for longer than the watchdog threshold: a driver or kernel bug, or a hypervisor that stopped the vCPU.",
                "Read the stack trace after the report; on VMs check host steal time and overcommit; update the driver or kernel named in the trace."),
            SystemEventKind.RcuStall => ("log.rcu-stall", $"RCU stall {when}",
                "A CPU did not pass through a quiescent state for the RCU grace-period timeout: it was stuck in the kernel with preemption or interrupts off, or starved by the hypervisor.",
                "Read the stack traces after the report; check for lockups and steal time."),
            SystemEventKind.HardwareError => ("log.hardware-error", $"{subject}: hardware error reported {when}",
                "The CPU's machine-check architecture or the memory controller (EDAC) reported an error. Corrected errors (CE) are repaired but predict failure; uncorrected errors (UE) corrupt data or kill processes.",
                "Decode with rasdaemon or mcelog, identify the DIMM or CPU, and replace it if the count grows."),
            _ => ("log.event", $"{subject}: {when}", "", ""),
        };
        var severity = uncorrected ? Severity.Critical : Severity.Warning;
        return Make(id, severity, subject, summary, explanation, advice, []);
    }
}

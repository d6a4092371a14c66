using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>
/// Machine-level reports: the boot banner, hung tasks (<c>INFO: task comm:pid blocked for more than
/// N seconds.</c>), OOM kills in every historical form (<c>Out of memory: Kill process N (comm) score …
/// or sacrifice child</c>, <c>Killed process N (comm) total-vm:…</c>, the memcg variants; comms with
/// parentheses), SYN flooding (all forms, with or without address), <c>nf_conntrack: table full</c>,
/// TSC and clocksource instability, <c>SMP disabled</c>, soft and hard lockups, RCU stalls, machine
/// checks and EDAC.
/// </summary>
public sealed class SystemRecognizer : ILineRecognizer
{
    private static readonly string[] CommEnds = [") total-vm", "), UID", ") score", "),"];

    private int lastKilledPid = -1;

    /// <inheritdoc/>
    public IEnumerable<LogAnchor> Anchors =>
        ["Linux version", "INFO: ", "Kill", "kill process", "SYN flood", "table full", "unstable", "TSC", "SMP disabled", "BUG: ", "LOCKUP", "Hardware Error", "EDAC"];

    /// <inheritdoc/>
    public bool Recognize(LogLine line, LogLine? previous, IEventSink sink)
    {
        var m = line.Message;
        var e = m switch
        {
            _ when m.StartsWith("Linux version ", StringComparison.Ordinal) => new SystemEvent(line, SystemEventKind.Boot, "kernel", m[14..]),
            _ when m.Contains("blocked for more than", StringComparison.Ordinal) => HungTask(line, m),
            _ when m.Contains("ill process ", StringComparison.Ordinal) || m.Contains("illed process ", StringComparison.Ordinal) => Oom(line, m),
            _ when m.Contains("SYN flooding", StringComparison.Ordinal) => SynFlood(line, m),
            _ when m.Contains("conntrack: table full", StringComparison.Ordinal) => new SystemEvent(line, SystemEventKind.ConntrackFull, "conntrack table", "new connections dropped"),
            _ when m.Contains("unstable", StringComparison.Ordinal) || m.Contains("TSC warp", StringComparison.Ordinal) => Clock(line, m),
            _ when m.StartsWith("SMP disabled", StringComparison.Ordinal) => new SystemEvent(line, SystemEventKind.SmpDisabled, "cpus", Cause(previous)),
            _ when m.Contains("soft lockup", StringComparison.Ordinal) || m.Contains("hard LOCKUP", StringComparison.Ordinal) => Lockup(line, m),
            _ when m.Contains("rcu", StringComparison.Ordinal) && (m.Contains("detected stall", StringComparison.Ordinal) || m.Contains("self-detected stall", StringComparison.Ordinal)) =>
                new SystemEvent(line, SystemEventKind.RcuStall, "rcu", m[(m.IndexOf("INFO: ", StringComparison.Ordinal) is var i and >= 0 ? i + 6 : 0)..]),
            _ when m.Contains("[Hardware Error]", StringComparison.Ordinal) || m.StartsWith("EDAC ", StringComparison.Ordinal) || m.Contains("Machine check events logged", StringComparison.Ordinal) => Hardware(line, m),
            _ => null,
        };
        if (e is null)
        {
            return false;
        }

        sink.Emit(e);
        return true;
    }

    private static SystemEvent? HungTask(LogLine line, string m)
    {
        var at = m.IndexOf("INFO: task ", StringComparison.Ordinal);
        return at >= 0 && HungTaskReport.TryRecognize(m[at..], 0) is { } r
            ? new SystemEvent(line, SystemEventKind.HungTask, r.Comm, $"pid {r.Pid} blocked for more than {r.Seconds} s")
            : null;
    }

    private SystemEvent? Oom(LogLine line, string m)
    {
        // "Killed process 4242 ((sd-pam)) total-vm:…", "Out of memory: Kill process 4242 (java) score 900 or sacrifice child"
        var at = m.IndexOf("illed process ", StringComparison.Ordinal) is var killed and >= 0 ? killed + 14 : m.IndexOf("ill process ", StringComparison.Ordinal) + 12;
        var open = m.IndexOf(" (", at, StringComparison.Ordinal);
        if (open < 0 || !int.TryParse(m.AsSpan(at, open - at), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        var close = EndOfComm(m, open + 2);
        var comm = m[(open + 2)..close];
        if (pid == lastKilledPid)
        {
            return null;   // the two-line form's second line: one kill
        }

        lastKilledPid = pid;
        var memcg = m.StartsWith("Memory cgroup", StringComparison.Ordinal) || m.Contains("memcg", StringComparison.Ordinal);
        var rss = MessageText.WordAfter(m, "anon-rss:");
        var detail = $"pid {pid}{(rss is null ? "" : $", anon-rss {rss.TrimEnd(',')}")}{(memcg ? ", memory cgroup limit" : "")}";
        return new SystemEvent(line, SystemEventKind.OomKill, comm, detail);
    }

    private static int EndOfComm(string m, int start)
    {
        foreach (var end in CommEnds)
        {
            var at = m.IndexOf(end, start, StringComparison.Ordinal);
            if (at >= 0)
            {
                return at;
            }
        }

        var last = m.LastIndexOf(')');
        return last >= start ? last : m.Length;
    }

    private static SystemEvent SynFlood(LogLine line, string m)
    {
        var port = MessageText.WordAfter(m, "on port ")?.TrimEnd('.') ?? "?";
        var action = m.Contains("Sending cookies", StringComparison.Ordinal) ? "sending cookies"
            : m.Contains("Dropping request", StringComparison.Ordinal) ? "dropping requests" : "";
        var v6 = m.Contains("TCPv6", StringComparison.Ordinal);
        return new SystemEvent(line, SystemEventKind.SynFlood, $"port {port}{(v6 ? " (IPv6)" : "")}", action);
    }

    private static SystemEvent? Clock(LogLine line, string m)
    {
        if (m.Contains("Marking TSC unstable due to ", StringComparison.Ordinal))
        {
            return new SystemEvent(line, SystemEventKind.ClockUnstable, "tsc", m[(m.IndexOf("due to ", StringComparison.Ordinal) + 7)..]);
        }

        if (m.Contains("Marking clocksource '", StringComparison.Ordinal))
        {
            var name = MessageText.Between(m, "clocksource '", '\'') ?? "?";
            return new SystemEvent(line, SystemEventKind.ClockUnstable, name, "clocksource watchdog: skew too large");
        }

        if (m.Contains("TSC found unstable", StringComparison.Ordinal) || m.Contains("TSC warp", StringComparison.Ordinal))
        {
            return new SystemEvent(line, SystemEventKind.ClockUnstable, "tsc", m);
        }

        return m.StartsWith("sched_clock: Marking unstable", StringComparison.Ordinal)
            ? new SystemEvent(line, SystemEventKind.ClockUnstable, "sched_clock", m)
            : null;
    }

    private static string Cause(LogLine? previous) =>
        previous is { Message: var p } && (p.Contains("SMP", StringComparison.Ordinal) || p.Contains("nosmp", StringComparison.Ordinal) || p.Contains("not listed by the BIOS", StringComparison.Ordinal))
            ? p : "";

    private static SystemEvent Lockup(LogLine line, string m)
    {
        // "watchdog: BUG: soft lockup - CPU#3 stuck for 23s! [kworker/3:1:1234]", "Watchdog detected hard LOCKUP on cpu 2"
        var cpu = MessageText.WordAfter(m, "CPU#") is { } c ? $"CPU{c}" : MessageText.WordAfter(m, "on cpu ") is { } h ? $"CPU{h}" : "cpu";
        var hard = m.Contains("hard LOCKUP", StringComparison.Ordinal);
        var task = MessageText.Between(m, "! [", ']');
        var stuck = MessageText.WordAfter(m, "stuck for ")?.TrimEnd('!');
        return new SystemEvent(line, SystemEventKind.Lockup, cpu,
            $"{(hard ? "hard lockup" : "soft lockup")}{(stuck is null ? "" : $" for {stuck}")}{(task is null ? "" : $" running {task}")}");
    }

    private static SystemEvent Hardware(LogLine line, string m)
    {
        var colon = m.IndexOf(':', StringComparison.Ordinal);
        var subject = m.StartsWith("EDAC ", StringComparison.Ordinal) ? m[5..(colon > 5 ? colon : m.Length)]
            : MessageText.WordAfter(m, "CPU ") is { } cpu ? $"CPU{cpu.TrimEnd(':')}" : "machine check";
        return new SystemEvent(line, SystemEventKind.HardwareError, subject, m);
    }
}

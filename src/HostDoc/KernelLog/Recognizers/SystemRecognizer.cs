using HostDoc.Findings;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>
/// Machine-level reports: the boot banner, hung tasks (<c>INFO: task comm:pid blocked for more than
/// N seconds.</c>), OOM kills in every historical form (<c>Out of memory: Kill process N (comm) score …
/// or sacrifice child</c>, <c>Killed process N (comm) total-vm:…</c>, the memcg variants; comms with
/// parentheses) with the <c>X invoked oom-killer: gfp_mask=…, order=…</c> line that starts each (an OOM
/// event even when its kill line is cut off) and the 4.19+ <c>oom-kill:constraint=…,oom_memcg=…,task=…,pid=…</c>
/// summary, SYN flooding (all forms, with or without address), <c>nf_conntrack: table full</c>, clocksource
/// watchdog verdicts (one event however many lines it prints: the verdict, the <c>wd_now</c>/<c>cs_now</c> lines,
/// <c>Marking TSC unstable</c>, <c>TSC found unstable after boot</c>, <c>sched_clock: Marking unstable</c>,
/// <c>Override clocksource …</c>, <c>Switched to clocksource X</c>), <c>SMP disabled</c>, soft and hard lockups
/// (comms with spaces and colons: <c>[CPU 0/KVM:31664]</c>) and RCU stalls.
/// </summary>
public sealed class SystemRecognizer : ILineRecognizer
{
    private const double ClockEvent = 60;   // seconds: the lines of one watchdog verdict

    private static readonly string[] CommEnds = [") total-vm", "), UID", ") score", "),"];

    private int lastKilledPid = -1;
    private bool choseParent;
    private OomStart? invoked;
    private LogLine? clockOpen;

    /// <inheritdoc/>
    public IEnumerable<LogAnchor> Anchors =>
        ["Linux version", "INFO: ", "Kill", "kill process", "oom-kill", "SYN flood", "table full", "unstable", "TSC", "SMP disabled", "BUG", "LOCKUP", "_now", "clocksource"];

    /// <inheritdoc/>
    public bool Recognize(LogLine line, LogLine? previous, IEventSink sink)
    {
        var m = line.Message;
        var e = m switch
        {
            _ when m.StartsWith("Linux version ", StringComparison.Ordinal) => new SystemEvent(line, SystemEventKind.Boot, "kernel", m[14..]),
            _ when m.Contains("blocked for more than", StringComparison.Ordinal) => HungTask(line, m),
            _ when m.Contains(" invoked oom-killer: ", StringComparison.Ordinal) => Invoked(line, m, sink),
            _ when m.StartsWith("oom-kill:", StringComparison.Ordinal) => OomSummary(line, m),
            _ when m.Contains("ill process ", StringComparison.Ordinal) || m.Contains("illed process ", StringComparison.Ordinal) => Oom(line, m),
            _ when m.Contains("SYN flooding", StringComparison.Ordinal) => SynFlood(line, m),
            _ when m.Contains("conntrack: table full", StringComparison.Ordinal) => new SystemEvent(line, SystemEventKind.ConntrackFull, "conntrack table", "new connections dropped"),
            _ when IsClockLine(m) => Clock(line, m),
            _ when m.StartsWith("SMP disabled", StringComparison.Ordinal) => new SystemEvent(line, SystemEventKind.SmpDisabled, "cpus", Cause(previous)),
            _ when m.Contains("soft lockup", StringComparison.Ordinal) || m.Contains("hard LOCKUP", StringComparison.Ordinal) => Lockup(line, m),
            _ when m.Contains("rcu", StringComparison.Ordinal) && (m.Contains("detected stall", StringComparison.Ordinal) || m.Contains("self-detected stall", StringComparison.Ordinal)) =>
                new SystemEvent(line, SystemEventKind.RcuStall, "rcu", m[(m.IndexOf("INFO: ", StringComparison.Ordinal) is var i and >= 0 ? i + 6 : 0)..]),
            _ => null,
        };
        if (e is null)
        {
            return false;
        }

        sink.Emit(e);
        return true;
    }

    /// <inheritdoc/>
    public void Flush(IEventSink sink)
    {
        if (invoked is { } pending)
        {
            invoked = null;
            sink.Emit(pending.Alone());
        }
    }

    private static SystemEvent? HungTask(LogLine line, string m)
    {
        var at = m.IndexOf("INFO: task ", StringComparison.Ordinal);
        return at >= 0 && HungTaskReport.TryRecognize(m[at..], 0) is { } r
            ? new SystemEvent(line, SystemEventKind.HungTask, r.Comm, $"pid {r.Pid} blocked for more than {r.Seconds} s",
                new FindingData().Set("comm", r.Comm).Set("pid", r.Pid).Set("blocked_seconds", r.Seconds).Fields)
            : null;
    }

    /// <summary><c>java invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0</c>: an OOM event begins; the kill follows.</summary>
    private SystemEvent? Invoked(LogLine line, string m, IEventSink sink)
    {
        if (invoked is { } unfinished)
        {
            sink.Emit(unfinished.Alone());
        }

        var at = m.IndexOf(" invoked oom-killer: ", StringComparison.Ordinal);
        var data = new FindingData()
            .Set("invoker", m[..at])
            .Set("gfp_mask", MessageText.WordAfter(m, "gfp_mask="))
            .Set("order", MessageText.WholeNumberAfter(m, "order="))
            .Set("oom_score_adj", MessageText.WholeNumber(MessageText.WordAfter(m, "oom_score_adj="), allowMinus: true));
        invoked = new OomStart(line, m[..at], data);
        return null;
    }

    /// <summary><c>oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=…,mems_allowed=0,oom_memcg=/…,task_memcg=/…,task=java,pid=1234,uid=0</c>.</summary>
    private SystemEvent? OomSummary(LogLine line, string m)
    {
        if (invoked is not { } start)
        {
            return null;
        }

        foreach (var pair in m[9..].Split(','))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var (key, value) = (pair[..eq], pair[(eq + 1)..]);
            switch (key)
            {
                case "constraint":
                    start.Data.Set("constraint", value);
                    break;
                case "oom_memcg":
                    start.Data.Set("oom_memcg", value);
                    break;
                case "task":
                    start.Victim ??= value;
                    break;
                case "pid":
                    start.Data.Set("victim_pid", MessageText.WholeNumber(value));
                    break;
                default:
                    break;
            }
        }

        return null;
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
        var sacrifice = m.Contains("sacrifice child", StringComparison.Ordinal);
        if (pid == lastKilledPid || (choseParent && !sacrifice && m.Contains("illed process ", StringComparison.Ordinal)))
        {
            choseParent = false;
            return null;   // the two-line form's second line: one kill (of the chosen process, or of the child it sacrificed)
        }

        lastKilledPid = pid;
        choseParent = sacrifice;
        var memcg = m.StartsWith("Memory cgroup", StringComparison.Ordinal) || m.Contains("memcg", StringComparison.Ordinal);
        var rss = MessageText.WordAfter(m, "anon-rss:");
        var start = invoked;
        invoked = null;
        var constraint = start?.Data.Text("constraint");
        memcg |= constraint == "CONSTRAINT_MEMCG";
        var detail = $"pid {pid}{(rss is null ? "" : $", anon-rss {rss.TrimEnd(',')}")}{(memcg ? ", memory cgroup limit" : "")}{(start is null ? "" : $", invoked by {start.Invoker}")}";
        var data = new FindingData().Set("comm", comm).Set("pid", pid).Set("anon_rss_kb", KiB(rss)).Set("memcg_limit", memcg);
        foreach (var field in start?.Data.Fields ?? [])
        {
            data.Set(field.Name, field.Value);
        }

        return new SystemEvent(line, SystemEventKind.OomKill, comm, detail, data.Fields);
    }

    private static ulong? KiB(string? rss) =>
        rss is not null && rss.TrimEnd(',').EndsWith("kB", StringComparison.Ordinal)
        && ulong.TryParse(rss.TrimEnd(',')[..^2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

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
        var data = new FindingData().Set("port", MessageText.WholeNumber(port))
            .Set("ipv6", v6).Set("action", action);
        return new SystemEvent(line, SystemEventKind.SynFlood, $"port {port}{(v6 ? " (IPv6)" : "")}", action, data.Fields);
    }

    private bool IsClockLine(string m) =>
        m.Contains("unstable", StringComparison.Ordinal) || m.Contains("TSC warp", StringComparison.Ordinal)
        || (clockOpen is not null && (m.Contains("wd_now", StringComparison.Ordinal) || m.Contains("cs_now", StringComparison.Ordinal)
            || m.StartsWith("clocksource: Switched to clocksource ", StringComparison.Ordinal) || m.StartsWith("Switched to clocksource ", StringComparison.Ordinal)
            || m.Contains("Override clocksource", StringComparison.Ordinal)));

    /// <summary>
    /// One watchdog verdict prints up to eight lines; the first that says the clock is unstable opens the event and the rest
    /// (within <see cref="ClockEvent"/> seconds) continue it, naming the watchdog (<c>'hpet' wd_now</c>) and the clocksource switched to.
    /// </summary>
    private SystemEvent? Clock(LogLine line, string m)
    {
        var continues = clockOpen is { } open && line.Time.SecondsSince(open.Time) is { } gap && gap >= -1 && gap <= ClockEvent;
        var data = new FindingData();
        string? from = null;
        string detail;
        if (m.Contains("wd_now", StringComparison.Ordinal))
        {
            data.Set("watchdog", MessageText.Between(m, "'", '\''));
            detail = "";
        }
        else if (m.Contains("cs_now", StringComparison.Ordinal))
        {
            detail = "";
        }
        else if (m.Contains("Switched to clocksource ", StringComparison.Ordinal))
        {
            data.Set("to", MessageText.WordAfter(m, "Switched to clocksource "));
            detail = "";
        }
        else if (m.Contains("Override clocksource", StringComparison.Ordinal))
        {
            detail = m[(m.IndexOf("Override", StringComparison.Ordinal))..];
        }
        else if (m.Contains("Marking clocksource '", StringComparison.Ordinal))
        {
            from = MessageText.Between(m, "clocksource '", '\'') ?? "?";
            detail = "clocksource watchdog: skew too large";
        }
        else if (m.Contains("Marking TSC unstable due to ", StringComparison.Ordinal))
        {
            from = "tsc";
            detail = m[(m.IndexOf("due to ", StringComparison.Ordinal) + 7)..];
        }
        else if (m.Contains("TSC found unstable", StringComparison.Ordinal) || m.Contains("TSC warp", StringComparison.Ordinal))
        {
            from = "tsc";
            detail = m;
        }
        else if (m.StartsWith("sched_clock: Marking unstable", StringComparison.Ordinal))
        {
            detail = "sched_clock marked unstable";
        }
        else if (m.StartsWith("Clocksource ", StringComparison.Ordinal) && m.Contains(" unstable", StringComparison.Ordinal))
        {
            from = MessageText.WordAfter(m, "Clocksource ");   // 2.6: "Clocksource tsc unstable (delta = -8589933929 ns)"
            detail = m;
        }
        else
        {
            return null;
        }

        if (!continues && from is null && detail.Length == 0)
        {
            return null;   // a detail line of no open verdict (a boot's "Switched to clocksource tsc")
        }

        clockOpen = continues ? clockOpen : line;
        data.Set("from", from);
        return new SystemEvent(line, SystemEventKind.ClockUnstable, from ?? "clocksource", detail, data.Fields, Continues: continues);
    }

    private static string Cause(LogLine? previous) =>
        previous is { Message: var p } && (p.Contains("SMP", StringComparison.Ordinal) || p.Contains("nosmp", StringComparison.Ordinal) || p.Contains("not listed by the BIOS", StringComparison.Ordinal))
            ? p : "";

    private static SystemEvent Lockup(LogLine line, string m)
    {
        // "watchdog: BUG: soft lockup - CPU#3 stuck for 23s! [kworker/3:1:1234]", "… [CPU 0/KVM:31664]", "Watchdog detected hard LOCKUP on cpu 2"
        var cpuText = MessageText.WordAfter(m, "CPU#") ?? MessageText.WordAfter(m, "on cpu ");
        var cpu = cpuText is null ? "cpu" : $"CPU{cpuText}";
        var hard = m.Contains("hard LOCKUP", StringComparison.Ordinal);
        var open = m.IndexOf("! [", StringComparison.Ordinal);
        var close = open < 0 ? -1 : m.LastIndexOf(']');
        var task = open >= 0 && close > open + 3 ? m[(open + 3)..close] : null;
        var colon = task?.LastIndexOf(':') ?? -1;
        var stuck = MessageText.WordAfter(m, "stuck for ")?.TrimEnd('!');
        var data = new FindingData()
            .Set("cpu", MessageText.WholeNumber(cpuText))
            .Set("comm", colon > 0 ? task![..colon] : task)
            .Set("pid", colon > 0 ? MessageText.WholeNumber(task![(colon + 1)..]) : null)
            .Set("stuck_seconds", MessageText.WholeNumber(stuck?.TrimEnd('s')))
            .Set("hard", hard);
        return new SystemEvent(line, SystemEventKind.Lockup, cpu,
            $"{(hard ? "hard lockup" : "soft lockup")}{(stuck is null ? "" : $" for {stuck}")}{(task is null ? "" : $" running {task}")}", data.Fields);
    }

    /// <summary>An OOM event begun by its <c>invoked oom-killer</c> line, waiting for its kill.</summary>
    private sealed class OomStart(LogLine line, string invoker, FindingData data)
    {
        public string Invoker { get; } = invoker;

        public FindingData Data { get; } = data;

        public string? Victim { get; set; }

        /// <summary>The event when no kill line follows in this log (cut off, or in the next file).</summary>
        public SystemEvent Alone() =>
            new(line, SystemEventKind.OomKill, Victim ?? $"(invoked by {Invoker})",
                $"the OOM killer was invoked by {Invoker}{(Victim is null ? "; its kill is not in this log" : $" and chose {Victim}")}", Data.Fields);
    }
}

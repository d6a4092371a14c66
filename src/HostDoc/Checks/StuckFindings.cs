using System.Globalization;
using HostDoc.Findings;
using HostDoc.Tasks;

namespace HostDoc.Checks;

/// <summary>The wording of the stuck-task findings.</summary>
internal static class StuckFindings
{
    private const string LoadWhy =
        " Linux counts tasks in uninterruptible sleep in the load average, so a high load on idle CPUs means tasks waiting " +
        "on I/O or locks, not work to do; they cannot be killed until the wait ends.";

    public static Finding Group(StuckTask[] tasks, StuckSurvey survey)
    {
        var first = tasks[0];
        var longest = tasks.Max(t => t.StuckForSeconds);
        var timeout = survey.HungTaskTimeoutSeconds is > 0 ? survey.HungTaskTimeoutSeconds : null;
        var critical = (timeout is { } limit && longest >= limit) || tasks.Any(t => t.KernelReport is not null);
        var names = string.Join(", ", tasks.Take(4).Select(Name)) + (tasks.Length > 4 ? $" and {tasks.Length - 4} more" : "");
        var evidence = new List<Evidence>();
        var target = tasks.Select(t => t.Target).FirstOrDefault(t => t is not null);
        if (target is not null)
        {
            evidence.Add(new Evidence("waits on", $"{target} — found by {target.How}", "/proc/PID/{fd,cwd,maps,mountinfo}"));
        }

        foreach (var t in tasks.Take(8))
        {
            evidence.Add(new Evidence($"{t.Id.Tid} {t.Comm}",
                $"blocked {Seconds(t)}{(t.IsKernelThread ? " (kernel thread)" : "")}{(t.CommandLine.Length > 0 ? ": " + Shorten(t.CommandLine) : "")}",
                $"/proc/{t.Id.Pid}/task/{t.Id.Tid}"));
            if (t.KernelReport is { } report)
            {
                evidence.Add(new Evidence("kernel log", Reported(report), "/dev/kmsg"));
            }
        }

        if (first.Frames is { Count: > 0 } frames)
        {
            evidence.AddRange(frames.Take(10).Select((f, i) => new Evidence(i == 0 ? "kernel stack" : "", f.ToString(), i == 0 ? "/proc/PID/stack" : null)));
        }
        else if (first.Wchan is { } wchan)
        {
            evidence.Add(new Evidence("wchan", wchan, "/proc/PID/wchan"));
        }

        AddContext(evidence, survey);
        // jbd2/DEV-INO is the journal thread of DEV: when it is stuck too, it names the device behind every journal wait.
        var journalThread = survey.Stuck.Select(t => t.Comm).FirstOrDefault(c => WaitTargetResolver.JournalThreadDevice(c) is not null);
        var advice = first.Class.Advice + (journalThread is not null && first.Class == WaitClasses.Journal
            ? $" The journal thread {journalThread} is stuck too: the device is {WaitTargetResolver.JournalThreadDevice(journalThread)}."
            : "");
        var data = new FindingData();
        data.Set("kind", "stuck-tasks");
        data.Set("wait_class", first.Class.Id);
        data.Set("site", first.Site);
        data.Set("tasks", (long)tasks.Length);
        data.Set("pid", (long)first.Id.Tid);
        data.Set("comm", first.Comm);
        data.Set("stuck_seconds", Math.Round(longest, 1));
        if (target is not null)
        {
            data.Set("mount", target.MountPoint);
            data.Set("filesystem", target.FsType);
            data.Set("disk", target.Disk);
            foreach (var name in target.Chain.Skip(1))
            {
                KernelLog.Incidents.DeviceFields.AddBlock(data, name, target.Disk);
            }
        }

        return new Finding(
            "tasks.stuck-io",
            critical ? Severity.Critical : Severity.Warning,
            names,
            $"{tasks.Length} task{(tasks.Length == 1 ? "" : "s")} {(longest > 0 ? $"stuck in D for {Seconds(longest)}" : "in D at the one look taken")}{Why(critical, timeout, longest, tasks)}, " +
            $"{first.Class.Title} at {first.Site}{(target is null ? "" : " on " + target)}: {names}",
            first.Class.Explanation + LoadWhy,
            evidence,
            advice,
            data.Fields);
    }

    public static Finding None(StuckSurvey survey)
    {
        var evidence = new List<Evidence>();
        AddContext(evidence, survey);
        var load = survey.Load is { } l ? string.Create(CultureInfo.InvariantCulture, $"; load {l.One:0.00} {l.Five:0.00} {l.Fifteen:0.00}") : "";
        return new Finding(
            "tasks.stuck-io",
            Severity.Ok,
            "tasks",
            $"no task stayed in D state over {survey.Samples} sample{(survey.Samples == 1 ? "" : "s")}{(survey.SpanSeconds > 0 ? string.Create(CultureInfo.InvariantCulture, $" in {survey.SpanSeconds:0.0} s") : "")}{load}",
            "Tasks in uninterruptible sleep (D) wait for I/O or a kernel lock; a few passing through D is normal." + LoadWhy,
            evidence,
            "");
    }

    public static Finding ReportedEarlier(StuckSurvey survey)
    {
        var reports = survey.EarlierReports;
        return new Finding(
            "tasks.hung-reported",
            Severity.Info,
            string.Join(", ", reports.Take(4).Select(r => $"{r.Comm}[{r.Pid}]")),
            $"the kernel reported {reports.Count} task{(reports.Count == 1 ? "" : "s")} hung earlier in this boot that {(reports.Count == 1 ? "is" : "are")} not stuck now: " +
            string.Join(", ", reports.Take(4).Select(r => $"{r.Comm}[{r.Pid}] for more than {r.Seconds} s at {Uptime(r)}")),
            "The kernel's hung task detector logs a task that stayed in D longer than hung_task_timeout_secs. It has since " +
            "run again or exited: the stall passed, but its cause (a slow disk, a server, a lock holder) may come back.",
            reports.Select(r => new Evidence($"{r.Comm}[{r.Pid}]", Reported(r), "/dev/kmsg")).ToArray(),
            "Read the stack the kernel logged after the report (dmesg) and look at what the disk or server did then.");
    }

    public static Finding StackUnreadable() => new(
        "tasks.stack-unreadable",
        Severity.Info,
        "tasks",
        "kernel stacks of stuck tasks are not readable here; the wait site comes from wchan only",
        "/proc/PID/stack needs root (CAP_SYS_ADMIN) on most kernels; wchan names only the innermost function.",
        [],
        "Run hostdoc as root to see the whole stack.");

    private static void AddContext(List<Evidence> evidence, StuckSurvey survey)
    {
        if (survey.Load is { } l)
        {
            evidence.Add(new Evidence("load average", string.Create(CultureInfo.InvariantCulture, $"{l.One:0.00} {l.Five:0.00} {l.Fifteen:0.00} ({survey.InDNow} tasks in D now)"), "/proc/loadavg"));
        }

        if (survey.Io is { } io)
        {
            var full = io.Full is { } f ? string.Create(CultureInfo.InvariantCulture, $", full {f.Avg10:0.##}% / {f.Avg60:0.##}%") : "";
            evidence.Add(new Evidence("io pressure", string.Create(CultureInfo.InvariantCulture, $"some {io.Some.Avg10:0.##}% / {io.Some.Avg60:0.##}% (10 s / 60 s)") + full, "/proc/pressure/io"));
        }

        if (survey.Memory is { } m)
        {
            evidence.Add(new Evidence("memory pressure", string.Create(CultureInfo.InvariantCulture, $"some {m.Some.Avg10:0.##}% / {m.Some.Avg60:0.##}% (10 s / 60 s)"), "/proc/pressure/memory"));
        }

        if (survey.HungTaskTimeoutSeconds is { } timeout)
        {
            evidence.Add(new Evidence("hung_task_timeout_secs", timeout == 0 ? "0 (the kernel's hung task detector is off)" : Quantity.Count(timeout), "/proc/sys/kernel/hung_task_timeout_secs"));
        }
    }

    private static string Name(StuckTask t) => $"{t.Comm}[{t.Id.Tid}]";

    private static string Why(bool critical, ulong? timeout, double longest, StuckTask[] tasks) =>
        !critical ? ""
        : timeout is { } limit && longest >= limit ? $" (past hung_task_timeout_secs={limit})"
        : $" (reported hung by the kernel: {tasks.First(t => t.KernelReport is not null).KernelReport!.Seconds} s)";

    private static string Reported(KernelLog.HungTaskReport r) =>
        $"INFO: task {r.Comm}:{r.Pid} blocked for more than {r.Seconds} seconds (at {Uptime(r)})";

    private static string Uptime(KernelLog.HungTaskReport r) =>
        (r.Microseconds / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " s after boot";

    private static string Seconds(StuckTask t) =>
        t.BlockedSeconds is { } b ? Seconds(b) : t.SeenSeconds > 0 ? "at least " + Seconds(t.SeenSeconds) : "for an unknown time (one look, no /proc/PID/sched)";

    private static string Seconds(double s) => s.ToString(s < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " s";

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}

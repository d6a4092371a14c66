using HostDoc.Proc;
using HostDoc.Proc.Pid;
using HostDoc.Sources;

namespace HostDoc.Tasks;

/// <summary>
/// Samples every thread's state several times and keeps those in uninterruptible sleep (D) in all
/// samples: one look cannot tell a task stuck for minutes from one doing an ordinary disk read.
/// Only /proc/PID/task/TID/stat is read for every thread each round; stack, wchan, sched, io and
/// cmdline only for the stuck ones, once. Processes that exit between reads are simply gone.
/// A captured tree is one moment, so it gets one sample.
/// </summary>
public sealed class StuckTaskSampler(HostRoot root, TimeProvider clock, Action<TimeSpan> sleep)
{
    /// <summary>Takes <paramref name="samples"/> samples <paramref name="interval"/> apart.</summary>
    public StuckSurvey Sample(int samples, TimeSpan interval)
    {
        samples = root.IsLive ? Math.Max(1, samples) : 1;
        var first = clock.GetTimestamp();
        Dictionary<TaskId, (PidStat Stat, int Count, long FirstSeen, ulong? Switches, bool SwitchesChanged)>? seen = null;
        var inDNow = 0;
        for (var i = 0; i < samples; i++)
        {
            if (i > 0)
            {
                sleep(interval);
            }

            var now = clock.GetTimestamp();
            var inD = ReadDStateTasks();
            inDNow = inD.Count;
            var next = new Dictionary<TaskId, (PidStat, int, long, ulong?, bool)>();
            foreach (var (id, stat) in inD)
            {
                var switches = i == 0 || i == samples - 1 ? ReadSched(id)?.Switches : null;
                if (seen is null)
                {
                    next[id] = (stat, 1, now, switches, false);
                }
                else if (seen.TryGetValue(id, out var before))
                {
                    var changed = before.SwitchesChanged || (switches is { } s && before.Switches is { } b && s != b);
                    next[id] = (stat, before.Count + 1, before.FirstSeen, switches ?? before.Switches, changed);
                }
            }

            seen = next;
        }

        var span = samples > 1 ? clock.GetElapsedTime(first).TotalSeconds : 0;
        var clockNow = SchedulerClockNow();
        var uptime = Uptime.Read(root);
        var reports = KernelLog.KmsgReader.ReadAll(root).Select(KernelLog.HungTaskReport.TryRecognize).OfType<KernelLog.HungTaskReport>().ToArray();
        var stuck = (seen ?? []).Select(kv => Describe(kv.Key, kv.Value.Stat, span, !kv.Value.SwitchesChanged, clockNow, uptime)
            with { KernelReport = reports.LastOrDefault(r => r.Pid == kv.Key.Tid && r.Comm == kv.Value.Stat.Comm) }).ToArray();
        var problems = new List<SourceProblem>();
        var load = Loadavg.Read(root);
        problems.AddRange(load.Problems);
        return new StuckSurvey(samples, span, stuck, inDNow, load.Value,
            Pressure.Read(root, "io").Value, Pressure.Read(root, "memory").Value, HungTaskTimeout(),
            stuck.Any(t => t.Frames is null), problems, reports);
    }

    private List<(TaskId, PidStat)> ReadDStateTasks()
    {
        var found = new List<(TaskId, PidStat)>();
        foreach (var name in root.ListDirectory("/proc"))
        {
            if (!int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            foreach (var thread in root.ListDirectory($"/proc/{pid}/task"))
            {
                var text = root.ReadText($"/proc/{pid}/task/{thread}/stat", 4096).Value;
                if (text is null || PidStat.Parse(text).Value is not { State: 'D' } stat)
                {
                    continue;
                }

                found.Add((new TaskId(pid, stat.Pid, stat.StartTicks), stat));
            }
        }

        return found;
    }

    private SchedStats? ReadSched(TaskId id) =>
        root.ReadText($"/proc/{id.Pid}/task/{id.Tid}/sched", 64 * 1024).Value is { } text ? SchedStats.Parse(text) : null;

    /// <summary>
    /// "Now" on the scheduler clock, in ms: the reading thread's own se.exec_start (it is running, so
    /// its slice started a moment ago). /proc/uptime is not on the same clock: on this VM they drift
    /// apart by seconds. A captured tree carries the capturing process's own proc/self/sched.
    /// </summary>
    private double? SchedulerClockNow() =>
        root.ReadText(root.IsLive ? "/proc/thread-self/sched" : "/proc/self/sched", 64 * 1024).Value is { } text
            ? SchedStats.Parse(text)?.ExecStartMilliseconds
            : null;

    private StuckTask Describe(TaskId id, PidStat stat, double span, bool didNotRun, double? nowMs, double? uptime)
    {
        var dir = $"/proc/{id.Pid}/task/{id.Tid}";
        var stackText = root.ReadText(dir + "/stack", 64 * 1024).Value;
        var frames = stackText is null ? null : StackFile.Parse(stackText);
        var wchan = root.ReadValue(dir + "/wchan") is { } w && w != "0" ? w : null;
        var names = frames is { Count: > 0 } ? frames.Select(f => f.Function).ToArray() : wchan is null ? [] : [wchan];
        var (waitClass, site) = WaitClassifier.Classify(names);
        var sched = ReadSched(id);
        double? blocked = sched is not null && nowMs is { } now && now >= sched.ExecStartMilliseconds
            ? (now - sched.ExecStartMilliseconds) / 1000
            : null;
        // The scheduler clocks of two CPUs can disagree by seconds on a VM: a task is never blocked for longer than it has existed.
        if (blocked is { } off && uptime is { } up && up - stat.StartTicks / 100.0 is var age and >= 0 && off > age)
        {
            blocked = age;
        }

        var io = root.ReadText($"/proc/{id.Pid}/io", 4096).Value is { } ioText ? IoCounters.Parse(ioText) : null;
        var cmdline = stat.IsKernelThread ? "" : CommandLine(id.Pid);
        return new StuckTask(id, stat.Comm, cmdline, stat.IsKernelThread, frames, wchan, waitClass, site, blocked, span, didNotRun,
            io?.ReadBytes, io?.WriteBytes, Files: stat.IsKernelThread ? null : TaskFiles.Read(root, id));
    }

    private string CommandLine(int pid) =>
        root.ReadText($"/proc/{pid}/cmdline", 64 * 1024).Value is { } text ? text.TrimEnd('\0').Replace('\0', ' ') : "";

    private ulong? HungTaskTimeout() => root.ReadNumber("/proc/sys/kernel/hung_task_timeout_secs");
}

using System.Globalization;

namespace HostDoc.Proc.Pid;

/// <summary>
/// The two lines of <c>/proc/PID/sched</c> (CONFIG_SCHED_DEBUG) hostdoc uses: <c>se.exec_start</c>,
/// the scheduler clock in milliseconds when the task last ran, and <c>nr_switches</c>. For a task
/// asleep since then, the scheduler clock now (a running thread's own exec_start) minus its
/// exec_start is how long it has been off the CPU.
/// </summary>
/// <param name="ExecStartMilliseconds">se.exec_start (ms since boot, scheduler clock).</param>
/// <param name="Switches">nr_switches.</param>
public sealed record SchedStats(double ExecStartMilliseconds, ulong Switches)
{
    /// <summary>Parses the file; null when the lines are absent (kernels without SCHED_DEBUG print nothing useful).</summary>
    public static SchedStats? Parse(ReadOnlySpan<char> text)
    {
        double? start = null;
        ulong? switches = null;
        foreach (var line in text.EnumerateLines())
        {
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key.SequenceEqual("se.exec_start") && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
            {
                start = ms;
            }
            else if (key.SequenceEqual("nr_switches") && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                switches = n;
            }
        }

        return start is { } s && switches is { } w ? new SchedStats(s, w) : null;
    }
}

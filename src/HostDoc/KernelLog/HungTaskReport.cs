using System.Globalization;

namespace HostDoc.KernelLog;

/// <summary>
/// The hung-task detector's report (kernel/hung_task.c):
/// <c>INFO: task %s:%d blocked for more than %ld seconds.</c> The comm may itself contain ':'
/// (<c>kworker/u32:2:113</c>), so the pid is after the last one; newer kernels print the measured
/// time, older ones the configured timeout, and a trailing counter suffix is tolerated.
/// </summary>
/// <param name="Comm">The task's command name.</param>
/// <param name="Pid">Its pid (thread id).</param>
/// <param name="Seconds">"blocked for more than" this many seconds.</param>
/// <param name="Microseconds">When, on the monotonic clock (from the kmsg record).</param>
public sealed record HungTaskReport(string Comm, int Pid, long Seconds, ulong Microseconds)
{
    private const string Prefix = "INFO: task ";
    private const string Middle = " blocked for more than ";

    /// <summary>Recognises the report in a record; null for any other message. Cheap prefix test first.</summary>
    public static HungTaskReport? TryRecognize(KmsgRecord record) => TryRecognize(record.Message, record.Microseconds);

    /// <summary>Recognises the report in a message from any log; null for any other message.</summary>
    public static HungTaskReport? TryRecognize(string message, ulong microseconds)
    {
        var text = message.AsSpan();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var middle = text[Prefix.Length..].IndexOf(Middle, StringComparison.Ordinal) is var at and >= 0 ? Prefix.Length + at : -1;
        if (middle < 0)
        {
            return null;
        }

        var task = text[Prefix.Length..middle];
        var colon = task.LastIndexOf(':');
        var rest = text[(middle + Middle.Length)..];
        var space = rest.IndexOf(' ');
        if (colon <= 0 || space <= 0
            || !int.TryParse(task[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(rest[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        return new HungTaskReport(task[..colon].ToString(), pid, seconds, microseconds);
    }
}

using HostDoc.Sources;

namespace HostDoc.Proc.Pid;

/// <summary>
/// <c>/proc/PID/stat</c> (and <c>/proc/PID/task/TID/stat</c>), fs/proc/array.c do_task_stat: the
/// fields hostdoc reads. The command name sits in parentheses and may itself contain spaces,
/// parentheses and even newlines, so the record is split at the first '(' and the last ')'.
/// </summary>
/// <param name="Pid">Process (or thread) id.</param>
/// <param name="Comm">The command name (up to 15 bytes as the kernel keeps it).</param>
/// <param name="State">R running, S sleeping, D uninterruptible (disk) sleep, Z zombie, T stopped, t traced, I idle kernel thread, X dead.</param>
/// <param name="ParentPid">ppid.</param>
/// <param name="Flags">Task flags (PF_*); PF_KTHREAD marks kernel threads.</param>
/// <param name="UserTicks">utime in clock ticks.</param>
/// <param name="SystemTicks">stime in clock ticks.</param>
/// <param name="Threads">num_threads.</param>
/// <param name="StartTicks">starttime: clock ticks after boot.</param>
/// <param name="BlockIoDelayTicks">delayacct_blkio_ticks (field 42), when the kernel has it.</param>
public sealed record PidStat(
    int Pid, string Comm, char State, int ParentPid, ulong Flags, ulong UserTicks, ulong SystemTicks,
    long Threads, ulong StartTicks, ulong? BlockIoDelayTicks)
{
    private const ulong KernelThreadFlag = 0x00200000;   // PF_KTHREAD

    /// <summary>True for kernel threads (kworker, jbd2/sda1-8, …).</summary>
    public bool IsKernelThread => (Flags & KernelThreadFlag) != 0;

    /// <summary>Parses one stat line.</summary>
    public static ParseResult<PidStat?> Parse(ReadOnlySpan<char> text)
    {
        var open = text.IndexOf('(');
        var close = text.LastIndexOf(')');
        if (open <= 0 || close < open || !int.TryParse(text[..open].Trim(), out var pid))
        {
            return Fail(text);
        }

        var comm = text[(open + 1)..close].ToString();
        var rest = text[(close + 1)..].Trim();
        var fields = new List<string>(50);
        foreach (var range in rest.Split(' '))
        {
            fields.Add(rest[range].ToString());
        }

        // fields[0] is field 3 (state); field N is fields[N - 3].
        if (fields.Count < 20 || fields[0].Length != 1
            || !int.TryParse(fields[1], out var ppid)
            || !KernelNumber.TryParseUnsigned(fields[6], out var flags)
            || !KernelNumber.TryParseUnsigned(fields[11], out var utime)
            || !KernelNumber.TryParseUnsigned(fields[12], out var stime)
            || !KernelNumber.TryParseSigned(fields[17], out var threads)
            || !KernelNumber.TryParseUnsigned(fields[19], out var start))
        {
            return Fail(text);
        }

        ulong? blkio = fields.Count > 39 && KernelNumber.TryParseUnsigned(fields[39], out var ticks) ? ticks : null;
        return new ParseResult<PidStat?>(new PidStat(pid, comm, fields[0][0], ppid, flags, utime, stime, threads, start, blkio), []);
    }

    private static ParseResult<PidStat?> Fail(ReadOnlySpan<char> text) =>
        new(null, [ParseError.At(1, "\"PID (COMM) STATE PPID … \" with at least 22 fields", text.TrimEnd())]);
}

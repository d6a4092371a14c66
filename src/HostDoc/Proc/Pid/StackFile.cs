namespace HostDoc.Proc.Pid;

/// <summary>
/// <c>/proc/PID/stack</c> (fs/proc/base.c proc_pid_stack): the kernel stack of a sleeping task, one
/// frame a line, innermost first. Old kernels print the address (<c>[&lt;ffffffff8118fe60&gt;]</c>) and end
/// with a <c>0xffffffffffffffff</c> sentinel; 4.x+ print <c>[&lt;0&gt;]</c> to hide addresses. Root only
/// (CAP_SYS_ADMIN) on most kernels.
/// </summary>
public static class StackFile
{
    /// <summary>Parses the frames; lines that are not frames (the sentinel, blanks) are skipped.</summary>
    public static IReadOnlyList<StackFrame> Parse(ReadOnlySpan<char> text)
    {
        var frames = new List<StackFrame>();
        foreach (var raw in text.EnumerateLines())
        {
            var line = raw.Trim();
            var close = line.IndexOf("] ", StringComparison.Ordinal);
            if (!line.StartsWith("[<", StringComparison.Ordinal) || close < 0)
            {
                continue;
            }

            var symbol = line[(close + 2)..].Trim();
            string? module = null;
            var bracket = symbol.IndexOf(" [", StringComparison.Ordinal);
            if (bracket > 0 && symbol.EndsWith(']'))
            {
                module = symbol[(bracket + 2)..^1].ToString();
                symbol = symbol[..bracket];
            }

            if (symbol.StartsWith("0x", StringComparison.Ordinal))
            {
                continue;   // 0xffffffffffffffff end marker of 2.6/3.x kernels
            }

            var plus = symbol.IndexOf('+');
            frames.Add(plus > 0
                ? new StackFrame(symbol[..plus].ToString(), symbol[(plus + 1)..].ToString(), module)
                : new StackFrame(symbol.ToString(), "", module));
        }

        return frames;
    }
}

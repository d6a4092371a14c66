namespace HostDoc.KernelLog.Reading;

/// <summary>One kernel message (or a line of one of the few programs the log reader also understands, rsync) from a log, with where it came from and when.</summary>
/// <param name="Source">The input's name (a file path, <c>-</c>, <c>/dev/kmsg</c>).</param>
/// <param name="LineNumber">1-based line number in the input.</param>
/// <param name="Time">When it was written.</param>
/// <param name="Level">Log level 0–7, or -1.</param>
/// <param name="Host">The syslog host name, or null.</param>
/// <param name="Message">The message, envelope removed, leading whitespace trimmed.</param>
/// <param name="Raw">The line as it was in the input, for evidence.</param>
/// <param name="Program">The syslog tag when another program than the kernel wrote it (<c>rsyncd[4242]</c>), or null.</param>
public sealed record LogLine(string Source, long LineNumber, LogTime Time, int Level, string? Host, string Message, string Raw, string? Program = null)
{
    /// <summary>"file:line" for evidence.</summary>
    public string Where => $"{Source}:{LineNumber}";
}

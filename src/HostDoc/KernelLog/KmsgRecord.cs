using System.Globalization;
using HostDoc.Sources;

namespace HostDoc.KernelLog;

/// <summary>
/// One record of <c>/dev/kmsg</c> (Documentation/ABI/testing/dev-kmsg):
/// <c>prio,seq,usec,flags[,…];message</c>, then optional <c> KEY=value</c> continuation lines.
/// <c>prio</c> is facility × 8 + level; <c>seq</c> counts from 0 at boot; <c>usec</c> is monotonic time.
/// </summary>
/// <param name="Level">Log level 0 (emerg) … 7 (debug).</param>
/// <param name="Sequence">The record's sequence number.</param>
/// <param name="Microseconds">Microseconds since boot (CLOCK_MONOTONIC).</param>
/// <param name="Message">The message text, with the kernel's \xNN escapes left as they are.</param>
public sealed record KmsgRecord(int Level, ulong Sequence, ulong Microseconds, string Message)
{
    /// <summary>Parses one record (continuation lines are ignored); null when the header is malformed.</summary>
    public static KmsgRecord? TryParse(ReadOnlySpan<char> text)
    {
        var newline = text.IndexOf('\n');
        var line = newline < 0 ? text : text[..newline];
        var semicolon = line.IndexOf(';');
        if (semicolon < 0)
        {
            return null;
        }

        Span<Range> parts = stackalloc Range[5];
        var header = line[..semicolon];
        var count = header.Split(parts, ',');
        if (count < 3
            || !int.TryParse(header[parts[0]], NumberStyles.None, CultureInfo.InvariantCulture, out var priority)
            || !KernelNumber.TryParseUnsigned(header[parts[1]], out var sequence)
            || !KernelNumber.TryParseUnsigned(header[parts[2]], out var usec))
        {
            return null;
        }

        return new KmsgRecord(priority & 7, sequence, usec, line[(semicolon + 1)..].ToString());
    }
}

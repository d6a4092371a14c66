using HostDoc.Sources;

namespace HostDoc.Proc.Pid;

/// <summary><c>/proc/PID/io</c> (Documentation/filesystems/proc.rst): bytes the process caused to be read from and written to storage.</summary>
/// <param name="ReadBytes">read_bytes.</param>
/// <param name="WriteBytes">write_bytes.</param>
public sealed record IoCounters(ulong? ReadBytes, ulong? WriteBytes)
{
    /// <summary>Parses the <c>name: value</c> lines.</summary>
    public static IoCounters Parse(ReadOnlySpan<char> text)
    {
        ulong? read = null;
        ulong? write = null;
        foreach (var line in text.EnumerateLines())
        {
            var colon = line.IndexOf(':');
            if (colon < 0 || !KernelNumber.TryParseUnsigned(line[(colon + 1)..].Trim(), out var value))
            {
                continue;
            }

            if (line[..colon].SequenceEqual("read_bytes"))
            {
                read = value;
            }
            else if (line[..colon].SequenceEqual("write_bytes"))
            {
                write = value;
            }
        }

        return new IoCounters(read, write);
    }
}

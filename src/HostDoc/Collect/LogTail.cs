using System.Text;
using HostDoc.KernelLog.Reading;

namespace HostDoc.Collect;

/// <summary>
/// The part of a log file a snapshot carries: the lines stamped within the window (<c>--include-logs</c>), syslog
/// stamps given their year from the file's modification time as the analyzer does, unstamped lines going with the
/// line before; and of those no more than the bytes left in the budget, the newest kept.
/// </summary>
public static class LogTail
{
    /// <summary>The tail of <paramref name="log"/> (plain or gzip) from <paramref name="since"/> (local time), at most <paramref name="maxBytes"/>.</summary>
    public static byte[] Read(Stream log, DateTime modified, DateTime since, long maxBytes)
    {
        var clock = new LogClock(modified.Year, modified.Month);
        var kept = new Queue<byte[]>();
        long total = 0;
        var keep = false;
        using var reader = new StreamReader(LogFiles.Decompressed(log), Encoding.UTF8, detectEncodingFromByteOrderMarks: false, 1 << 16);
        while (reader.ReadLine() is { } line)
        {
            var envelope = LogEnvelopeParser.Parse(line);
            if (envelope.Wall is not null)
            {
                var wall = clock.Place(envelope, isBootBanner: false).Wall ?? envelope.Wall.Value;
                if (envelope.Offset is { } offset)
                {
                    wall = new DateTimeOffset(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), offset).LocalDateTime;
                }

                keep = wall >= since;
            }

            if (!keep)
            {
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(line + "\n");
            kept.Enqueue(bytes);
            total += bytes.Length;
            while (total > maxBytes && kept.Count > 0)
            {
                total -= kept.Dequeue().Length;
            }
        }

        var all = new byte[total];
        var at = 0;
        foreach (var bytes in kept)
        {
            bytes.CopyTo(all, at);
            at += bytes.Length;
        }

        return all;
    }
}

using HostDoc.Sources;
using HostDoc.Storage;

namespace HostDoc.Proc;

/// <summary>
/// <c>/proc/diskstats</c> (block/genhd.c diskstats_show): <c>major minor name</c> and the counters of
/// <see cref="DiskCounters"/>. The count of counters tells the kernel: 11 until 4.18, 15 with the
/// discard counters, 17 with the flush counters since 5.5, and 4 for partitions on 2.6 kernels before
/// 2.6.25. As sysstat does, 12 to 14 counters are read as 11 and 16 as 15, and later additions are
/// ignored; a line with 5 to 10 counters or a field that is not a number is skipped with a problem.
/// </summary>
public static class Diskstats
{
    /// <summary>The kernel path.</summary>
    public const string KernelPath = "/proc/diskstats";

    private const string Expected = "\"MAJOR MINOR NAME\" and 4 or at least 11 decimal counters";

    /// <summary>Reads and parses the file.</summary>
    public static Sourced<IReadOnlyList<DiskCounters>> Read(HostRoot root) => SourceReader.Read(root, KernelPath, Parse);

    /// <summary>Parses the text; the devices of every well-formed line, in the file's order.</summary>
    public static ParseResult<IReadOnlyList<DiskCounters>> Parse(ReadOnlySpan<char> text)
    {
        var devices = new List<DiskCounters>();
        var errors = new List<ParseError>();
        var number = 0;
        Span<ulong> c = stackalloc ulong[17];
        foreach (var raw in text.EnumerateLines())
        {
            number++;
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            if (ParseLine(line, c, out var device, out var name, out var fields))
            {
                devices.Add(fields == 4
                    ? new DiskCounters(device, name, 4, c[0], 0, c[1], 0, c[2], 0, c[3], 0, 0, 0, 0)
                    : new DiskCounters(device, name, fields, c[0], c[1], c[2], Ms(c[3]), c[4], c[5], c[6], Ms(c[7]), Ms(c[8]), Ms(c[9]), Ms(c[10]),
                        c[11], c[12], c[13], Ms(c[14]), c[15], Ms(c[16])));
            }
            else
            {
                errors.Add(ParseError.At(number, Expected, line));
            }
        }

        return new ParseResult<IReadOnlyList<DiskCounters>>(devices, errors);
    }

    private static bool ParseLine(ReadOnlySpan<char> line, Span<ulong> counters, out DeviceNumber device, out string name, out int fields)
    {
        device = default;
        name = "";
        fields = 0;
        counters.Clear();
        ulong major = 0, minor = 0;
        var index = 0;
        foreach (var range in line.SplitAny(' ', '\t'))
        {
            var field = line[range];
            if (field.IsEmpty)
            {
                continue;
            }

            switch (index++)
            {
                case 0 when KernelNumber.TryParseUnsigned(field, out major) && major <= uint.MaxValue:
                case 1 when KernelNumber.TryParseUnsigned(field, out minor) && minor <= uint.MaxValue:
                    continue;
                case 2:
                    name = field.ToString();
                    continue;
                case > 2 when KernelNumber.TryParseUnsigned(field, out var value):
                    if (fields < counters.Length)
                    {
                        counters[fields] = value;
                    }

                    fields++;
                    continue;
                default:
                    return false;
            }
        }

        device = new DeviceNumber((uint)major, (uint)minor);
        counters[(fields < 15 ? 11 : fields < 17 ? 15 : 17)..].Clear();   // a partial group of discard or flush counters is not read
        return fields is 4 or >= 11;
    }

    /// <summary>The kernel prints times with %u: a value past 2^32 (a damaged file) keeps its low 32 bits, as the kernel's own would.</summary>
    private static uint Ms(ulong value) => unchecked((uint)value);
}

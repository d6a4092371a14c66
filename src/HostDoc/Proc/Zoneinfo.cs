using HostDoc.Sources;

namespace HostDoc.Proc;

/// <summary>
/// <c>/proc/zoneinfo</c> (mm/vmstat.c zoneinfo_show_print): per-zone watermarks and reserves.
/// hostdoc needs it for totalreserve_pages, which the kernel subtracts from free memory before
/// it computes the dirty limits. Counters it does not need (nr_*, pagesets) are ignored.
/// </summary>
public sealed record Zoneinfo(IReadOnlyList<Zone> Zones)
{
    /// <summary>The kernel path this record is read from.</summary>
    public const string KernelPath = "/proc/zoneinfo";

    /// <summary>The kernel's totalreserve_pages: the sum of every zone's reserve.</summary>
    public ulong TotalReservePages => Zones.Aggregate(0UL, (sum, zone) => Saturating.Add(sum, zone.ReservePages));

    /// <summary>Reads and parses <c>/proc/zoneinfo</c> under <paramref name="root"/>.</summary>
    public static Sourced<Zoneinfo> Read(HostRoot root) => SourceReader.Read<Zoneinfo>(root, KernelPath, Parse);

    /// <summary>Parses the text of /proc/zoneinfo; a zone header that does not parse is reported and its lines skipped.</summary>
    public static ParseResult<Zoneinfo> Parse(ReadOnlySpan<char> text)
    {
        var zones = new List<Zone>();
        var errors = new List<ParseError>();
        ZoneBuilder? current = null;
        var lineNumber = 0;
        foreach (var rawLine in text.EnumerateLines())
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.StartsWith("Node ", StringComparison.Ordinal))
            {
                current?.AddTo(zones);
                current = ZoneBuilder.TryStart(line);
                if (current is null)
                {
                    errors.Add(ParseError.At(lineNumber, "\"Node N, zone NAME\"", line));
                }

                continue;
            }

            if (current is not null && !current.Accept(line))
            {
                errors.Add(ParseError.At(lineNumber, "\"name number\" or \"protection: (n, …)\"", line, current.Name));
            }
        }

        current?.AddTo(zones);
        if (zones.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ParseError(1, "a \"Node N, zone NAME\" line", "none"));
        }

        return new ParseResult<Zoneinfo>(new Zoneinfo(zones), errors);
    }
}

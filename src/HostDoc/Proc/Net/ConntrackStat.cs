using System.Globalization;
using HostDoc.Sources;

namespace HostDoc.Proc.Net;

/// <summary>
/// <c>/proc/net/stat/nf_conntrack</c> (net/netfilter/nf_conntrack_standalone.c ct_cpu_seq_show): a header
/// naming the columns, then one line of 8-digit hex per CPU. The columns changed over the years
/// (<c>searched</c> became <c>clashres</c>, <c>delete_list</c> <c>chainlength</c>), so they are read by the
/// header's names and summed over the CPUs; <c>entries</c> is the table's size on every line and is not summed.
/// </summary>
/// <param name="Totals">Each column's sum over the CPUs (entries: the value of the first line).</param>
public sealed record ConntrackStat(IReadOnlyDictionary<string, ulong> Totals)
{
    /// <summary>The kernel path.</summary>
    public const string KernelPath = "/proc/net/stat/nf_conntrack";

    /// <summary>The column's total, or null when this kernel has no such column.</summary>
    public ulong? this[string column] => Totals.TryGetValue(column, out var v) ? v : null;

    /// <summary>Reads and parses the file (missing when nf_conntrack is not loaded).</summary>
    public static Sourced<ConntrackStat> Read(HostRoot root) => SourceReader.Read(root, KernelPath, Parse);

    /// <summary>Parses the text; a CPU line whose columns are not the header's or not hex is an error.</summary>
    public static ParseResult<ConntrackStat> Parse(ReadOnlySpan<char> text)
    {
        var totals = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var errors = new List<ParseError>();
        string[]? names = null;
        var number = 0;
        var cpuLines = 0;
        foreach (var raw in text.EnumerateLines())
        {
            number++;
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            var words = line.ToString().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (names is null)
            {
                if (words.Any(w => !char.IsAsciiLetter(w[0])))
                {
                    errors.Add(ParseError.At(number, "the header of column names (entries searched found …)", line));
                    return new ParseResult<ConntrackStat>(new ConntrackStat(totals), errors);
                }

                names = words;
                continue;
            }

            var values = new ulong[words.Length];
            if (words.Length != names.Length || !words.Select((w, i) => w.Length <= 16 && ulong.TryParse(w, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out values[i])).All(ok => ok))
            {
                errors.Add(ParseError.At(number, $"{names.Length} hex columns, one per name of the header", line));
                continue;
            }

            for (var i = 0; i < names.Length; i++)
            {
                totals[names[i]] = names[i] == "entries" && cpuLines > 0 ? totals[names[i]] : Saturating.Add(totals.GetValueOrDefault(names[i]), values[i]);
            }

            cpuLines++;
        }

        return new ParseResult<ConntrackStat>(new ConntrackStat(totals), errors);
    }
}

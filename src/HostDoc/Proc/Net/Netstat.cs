using System.Globalization;
using HostDoc.Sources;

namespace HostDoc.Proc.Net;

/// <summary>
/// <c>/proc/net/netstat</c> (and <c>/proc/net/snmp</c>): pairs of lines, a header <c>TcpExt: SyncookiesSent …</c>
/// and a value line <c>TcpExt: 0 …</c>; counters keyed <c>TcpExt_ListenOverflows</c> as node_exporter names them.
/// A pair whose lengths differ is reported and skipped: pairing names with values by position would
/// attribute every later value to the wrong counter.
/// </summary>
public static class Netstat
{
    /// <summary>Adds the counters in <paramref name="text"/> to <paramref name="counters"/>; returns the pairs that did not parse.</summary>
    public static IReadOnlyList<ParseError> Parse(string text, IDictionary<string, double> counters)
    {
        var errors = new List<ParseError>();
        var lines = text.Split('\n').Select((line, i) => (Text: line, Number: i + 1)).Where(l => !string.IsNullOrWhiteSpace(l.Text)).ToArray();
        for (var i = 0; i + 1 < lines.Length; i += 2)
        {
            var names = lines[i].Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var values = lines[i + 1].Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (names.Length < 2 || names[0] != values[0] || !names[0].EndsWith(':'))
            {
                errors.Add(ParseError.At(lines[i].Number, "a header \"Group: Name …\" and then \"Group: value …\"", lines[i].Text));
                continue;
            }

            var group = names[0][..^1];
            if (names.Length != values.Length)
            {
                errors.Add(new ParseError(lines[i + 1].Number, string.Create(CultureInfo.InvariantCulture, $"{names.Length - 1} values, one per name of line {lines[i].Number}"),
                    string.Create(CultureInfo.InvariantCulture, $"{values.Length - 1} values"), group));
                continue;
            }

            for (var j = 1; j < names.Length; j++)
            {
                if (double.TryParse(values[j], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
                {
                    counters[$"{group}_{names[j]}"] = v;
                }
            }
        }

        if (lines.Length % 2 == 1)
        {
            errors.Add(ParseError.At(lines[^1].Number, "a value line after the header", lines[^1].Text));
        }

        return errors;
    }
}

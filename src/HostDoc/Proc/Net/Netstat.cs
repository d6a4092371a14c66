using System.Globalization;

namespace HostDoc.Proc.Net;

/// <summary>
/// <c>/proc/net/netstat</c> (and <c>/proc/net/snmp</c>): pairs of lines, a header <c>TcpExt: SyncookiesSent …</c>
/// and a value line <c>TcpExt: 0 …</c>; counters keyed <c>TcpExt_ListenOverflows</c> as node_exporter names them.
/// A pair whose lengths differ is skipped.
/// </summary>
public static class Netstat
{
    /// <summary>The counters of <c>/proc/net/netstat</c> and <c>/proc/net/snmp</c>, whichever exist.</summary>
    public static IReadOnlyDictionary<string, double> Read(HostRoot root)
    {
        var counters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var path in new[] { "/proc/net/netstat", "/proc/net/snmp" })
        {
            if (root.ReadText(path, 256 * 1024).Value is { } text)
            {
                Parse(text, counters);
            }
        }

        return counters;
    }

    /// <summary>Adds the counters in <paramref name="text"/> to <paramref name="counters"/>.</summary>
    public static void Parse(string text, IDictionary<string, double> counters)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < lines.Length; i += 2)
        {
            var names = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var values = lines[i + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (names.Length != values.Length || names.Length < 2 || names[0] != values[0] || !names[0].EndsWith(':'))
            {
                continue;
            }

            var group = names[0][..^1];
            for (var j = 1; j < names.Length; j++)
            {
                if (double.TryParse(values[j], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
                {
                    counters[$"{group}_{names[j]}"] = v;
                }
            }
        }
    }
}

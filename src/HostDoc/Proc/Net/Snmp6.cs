using HostDoc.Sources;

namespace HostDoc.Proc.Net;

/// <summary>
/// <c>/proc/net/snmp6</c> (net/ipv6/proc.c): one <c>NameValue</c> pair a line, <c>Ip6InReceives 4</c>,
/// <c>Icmp6OutType134 2</c>, <c>UdpLite6InErrors 0</c>. The group is the name up to its first <c>6</c>, so
/// the keys are <c>Ip6_InReceives</c>, <c>Icmp6_OutType134</c>, <c>UdpLite6_InErrors</c>, as node_exporter's.
/// </summary>
public static class Snmp6
{
    /// <summary>Adds the counters in <paramref name="text"/> to <paramref name="counters"/>; returns the lines that did not parse.</summary>
    public static IReadOnlyList<ParseError> Parse(ReadOnlySpan<char> text, IDictionary<string, double> counters)
    {
        var errors = new List<ParseError>();
        var number = 0;
        foreach (var raw in text.EnumerateLines())
        {
            number++;
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            var gap = line.IndexOfAny(' ', '\t');
            var name = gap < 0 ? line : line[..gap];
            var six = name.IndexOf('6');
            var value = gap < 0 ? [] : line[gap..].Trim();
            if (six <= 0 || six == name.Length - 1 || !KernelNumber.TryParseUnsigned(value, out var count))
            {
                errors.Add(ParseError.At(number, "\"Group6Name value\" (Ip6InReceives 4)", line));
                continue;
            }

            counters[string.Concat(name[..(six + 1)], "_", name[(six + 1)..])] = count;
        }

        return errors;
    }
}

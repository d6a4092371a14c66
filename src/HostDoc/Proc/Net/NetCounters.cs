using HostDoc.Sources;

namespace HostDoc.Proc.Net;

/// <summary>
/// The protocol counters of <c>/proc/net/netstat</c>, <c>/proc/net/snmp</c> and <c>/proc/net/snmp6</c>,
/// every field kept, keyed <c>Group_Name</c> as node_exporter names them (<c>TcpExt_ListenOverflows</c>,
/// <c>Udp_RcvbufErrors</c>, <c>Udp6_RcvbufErrors</c>). They are per network namespace: the reader's.
/// </summary>
/// <param name="Values">Every counter by key.</param>
public sealed record NetCounters(IReadOnlyDictionary<string, double> Values)
{
    private static readonly string[] Files = ["/proc/net/netstat", "/proc/net/snmp", "/proc/net/snmp6"];

    /// <summary>The counter <paramref name="key"/>, or null when this kernel does not have it.</summary>
    public double? this[string key] => Values.TryGetValue(key, out var v) ? v : null;

    /// <summary>Reads the three files; one that is missing (snmp6 without IPv6) or malformed is a problem, the others still count.</summary>
    public static Sourced<NetCounters> Read(HostRoot root)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var problems = new List<SourceProblem>();
        foreach (var path in Files)
        {
            var text = root.ReadText(path, 256 * 1024);
            if (text.Value is null)
            {
                problems.AddRange(path.EndsWith('6') ? text.ProblemsUnlessMissing : text.Problems);
                continue;
            }

            var errors = path.EndsWith('6') ? Snmp6.Parse(text.Value, values) : Netstat.Parse(text.Value, values);
            problems.AddRange(errors.Select(e => SourceProblem.FromParse(path, e)));
        }

        return values.Count == 0 && problems.Count > 0 ? Sourced<NetCounters>.Failed(problems) : Sourced<NetCounters>.Partial(new NetCounters(values), problems);
    }
}


namespace HostDoc.Metrics.Collectors;

/// <summary>node_exporter 1.5's netstat collector: node_netstat_*: the netstat/snmp counters node_exporter's default filter keeps (listen overflows and drops, syncookies, errors, TCP segments).</summary>
public static class NetstatCollector
{
    /// <summary>node_exporter 1.5's --collector.netstat.fields default, as code.</summary>
    private static bool Kept(string name)
    {
        var underscore = name.IndexOf('_');
        var (group, field) = underscore < 0 ? (name, "") : (name[..underscore], name[(underscore + 1)..]);
        return field is "InErrors" or "InErrs" || name == "Ip_Forwarding"
            || (group is "Ip6" or "IpExt" && field is "InOctets" or "OutOctets")
            || (group is "Icmp" or "Icmp6" && field is "InMsgs" or "OutMsgs")
            || (group == "TcpExt" && (field.StartsWith("Listen", StringComparison.Ordinal) || field.StartsWith("Syncookies", StringComparison.Ordinal) || field is "TCPSynRetrans" or "TCPTimeouts"))
            || (group == "Tcp" && field is "ActiveOpens" or "InSegs" or "OutSegs" or "OutRsts" or "PassiveOpens" or "RetransSegs" or "CurrEstab")
            || (group is "Udp" or "Udp6" && field is "InDatagrams" or "OutDatagrams" or "NoPorts" or "RcvbufErrors" or "SndbufErrors");
    }

    /// <summary>node_netstat_*: the netstat/snmp counters node_exporter's default filter keeps (listen overflows and drops, syncookies, errors, TCP segments).</summary>
    public static IEnumerable<MetricFamily> Families(IReadOnlyDictionary<string, double> counters) =>
        counters.Where(c => Kept(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new MetricFamily($"node_netstat_{c.Key}", $"Statistic {c.Key.Replace("_", "", StringComparison.Ordinal)}.", MetricType.Untyped, [MetricSample.Of(c.Value)]));
}

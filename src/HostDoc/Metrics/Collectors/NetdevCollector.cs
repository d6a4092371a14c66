using HostDoc.Proc.Net;

namespace HostDoc.Metrics.Collectors;

/// <summary>node_exporter 1.5's netdev collector: node_network_{receive,transmit}_*_total{device} from /proc/net/dev.</summary>
public static class NetdevCollector
{
    private static readonly string[] ReceiveColumns = ["bytes", "packets", "errs", "drop", "fifo", "frame", "compressed", "multicast"];
    private static readonly string[] TransmitColumns = ["bytes", "packets", "errs", "drop", "fifo", "colls", "carrier", "compressed"];

    /// <summary>node_network_{receive,transmit}_*_total{device} from /proc/net/dev.</summary>
    public static IEnumerable<MetricFamily> Families(IReadOnlyList<NetDevCounters> devices)
    {
        var kept = devices.Where(d => d.Name != "lo").ToArray();
        for (var i = 0; i < ReceiveColumns.Length; i++)
        {
            var column = i;
            yield return new MetricFamily($"node_network_receive_{ReceiveColumns[i]}_total", $"Network device statistic receive_{ReceiveColumns[i]}.", MetricType.Counter,
                kept.Select(d => MetricSample.Of(d.ReceiveColumns[column], ("device", d.Name))).ToArray());
            yield return new MetricFamily($"node_network_transmit_{TransmitColumns[i]}_total", $"Network device statistic transmit_{TransmitColumns[i]}.", MetricType.Counter,
                kept.Select(d => MetricSample.Of(d.TransmitColumns[column], ("device", d.Name))).ToArray());
        }
    }
}

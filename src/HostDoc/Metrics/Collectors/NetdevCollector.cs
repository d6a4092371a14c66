using HostDoc.Proc.Net;

namespace HostDoc.Metrics.Collectors;

/// <summary>node_exporter 1.5's netdev collector: node_network_{receive,transmit}_*_total{device} from /proc/net/dev.</summary>
public static class NetdevCollector
{
    private static readonly string[] ReceiveColumns = ["bytes", "packets", "errs", "drop", "fifo", "frame", "compressed", "multicast"];
    private static readonly string[] TransmitColumns = ["bytes", "packets", "errs", "drop", "fifo", "colls", "carrier", "compressed"];

    /// <summary>The netclass properties: metric suffix, attribute file, type.</summary>
    private static readonly (string Metric, string Attribute, MetricType Type)[] Properties =
    [
        ("address_assign_type", "addr_assign_type", MetricType.Gauge), ("carrier", "carrier", MetricType.Gauge),
        ("carrier_changes_total", "carrier_changes", MetricType.Counter), ("carrier_down_changes_total", "carrier_down_count", MetricType.Counter),
        ("carrier_up_changes_total", "carrier_up_count", MetricType.Counter), ("device_id", "dev_id", MetricType.Gauge), ("dormant", "dormant", MetricType.Gauge),
        ("flags", "flags", MetricType.Gauge), ("iface_id", "ifindex", MetricType.Gauge), ("iface_link", "iflink", MetricType.Gauge),
        ("iface_link_mode", "link_mode", MetricType.Gauge), ("mtu_bytes", "mtu", MetricType.Gauge), ("name_assign_type", "name_assign_type", MetricType.Gauge),
        ("net_dev_group", "netdev_group", MetricType.Gauge), ("protocol_type", "type", MetricType.Gauge), ("transmit_queue_length", "tx_queue_len", MetricType.Gauge),
    ];

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

using HostDoc.Sys.Net;

namespace HostDoc.Metrics.Collectors;

/// <summary>node_exporter 1.5's netclass collector: node_network_* properties of /sys/class/net, node_network_info, node_network_up and node_network_speed_bytes.</summary>
public static class NetclassCollector
{
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

    /// <summary>node_network_* properties of /sys/class/net, node_network_info, node_network_up and node_network_speed_bytes.</summary>
    public static IEnumerable<MetricFamily> Families(IReadOnlyList<NetInterface> interfaces)
    {
        foreach (var (metric, attribute, type) in Properties)
        {
            yield return new MetricFamily($"node_network_{metric}", $"Network device property: {metric}", type,
                interfaces.Where(i => i.RawNumber(attribute) is not null).Select(i => MetricSample.Of(i.RawNumber(attribute)!.Value, ("device", i.Name))).ToArray());
        }

        yield return new MetricFamily("node_network_speed_bytes", "Network device property: speed_bytes", MetricType.Gauge,
            interfaces.Where(i => i.RawNumber("speed") is not null).Select(i => MetricSample.Of((double)i.RawNumber("speed")!.Value * 125000, ("device", i.Name))).ToArray());
        yield return new MetricFamily("node_network_info", "Non-numeric data from /sys/class/net/<iface>, value is always 1.", MetricType.Gauge,
            interfaces.Select(i => MetricSample.Of(1, ("address", i.Attribute("address") ?? ""), ("broadcast", i.Attribute("broadcast") ?? ""), ("device", i.Name),
                ("duplex", i.Attribute("duplex") ?? ""), ("ifalias", i.Attribute("ifalias") ?? ""), ("operstate", i.Attribute("operstate") ?? ""))).ToArray());
        yield return new MetricFamily("node_network_up", "Value is 1 if operstate is 'up', 0 otherwise.", MetricType.Gauge,
            interfaces.Where(i => i.OperState is not null).Select(i => MetricSample.Of(i.OperState == "up" ? 1 : 0, ("device", i.Name))).ToArray());
    }

}

using System.Globalization;
using HostDoc.Proc.Net;
using HostDoc.Proc.Sys.Net;
using HostDoc.Sys.Net;

namespace HostDoc.Metrics;

/// <summary>
/// node_exporter 1.5's network collectors under their names, labels, types and help: netdev (from
/// /proc/net/dev, lo excluded as by its default), sockstat, conntrack, softnet and netclass.
/// </summary>
public static class NodeNetworkMetrics
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
    public static IEnumerable<MetricFamily> Netdev(IReadOnlyList<NetDevCounters> devices)
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

    /// <summary>node_sockstat_PROTO_KEY, with PROTO_mem_bytes for the page counts.</summary>
    public static IEnumerable<MetricFamily> Sockstat(Sockstat sockstat, int pageSize)
    {
        foreach (var e in sockstat.Entries)
        {
            if (e.Protocol == "sockets")
            {
                yield return new MetricFamily($"node_sockstat_sockets_{e.Key}", "Number of IPv4 sockets in use.", MetricType.Gauge, [MetricSample.Of(e.Value)]);
                continue;
            }

            yield return new MetricFamily($"node_sockstat_{e.Protocol}_{e.Key}", $"Number of {e.Protocol} sockets in state {e.Key}.", MetricType.Gauge, [MetricSample.Of(e.Value)]);
            if (e.Key == "mem")
            {
                yield return new MetricFamily($"node_sockstat_{e.Protocol}_mem_bytes", $"Number of {e.Protocol} sockets in state mem_bytes.", MetricType.Gauge,
                    [MetricSample.Of(e.Value * (double)pageSize)]);
            }
        }
    }

    /// <summary>node_nf_conntrack_entries, _entries_limit and node_nf_conntrack_stat_* (summed over CPUs).</summary>
    public static IEnumerable<MetricFamily> Conntrack(NetSysctls sysctls, ConntrackStat? stat)
    {
        if (sysctls.ConntrackCount is not { } count || sysctls.ConntrackMax is not { } max)
        {
            throw new SourceUnavailableException("no /proc/sys/net/netfilter/nf_conntrack_count (nf_conntrack is not loaded)");
        }

        yield return new MetricFamily("node_nf_conntrack_entries", "Number of currently allocated flow entries for connection tracking.", MetricType.Gauge, [MetricSample.Of(count)]);
        yield return new MetricFamily("node_nf_conntrack_entries_limit", "Maximum size of connection tracking table.", MetricType.Gauge, [MetricSample.Of(max)]);
        foreach (var (column, help) in new[]
        {
            ("found", "Number of searched entries which were successful."), ("invalid", "Number of packets seen which can not be tracked."),
            ("ignore", "Number of packets seen which are already connected to a conntrack entry."), ("insert", "Number of entries inserted into the list."),
            ("insert_failed", "Number of entries for which list insertion was attempted but failed."), ("drop", "Number of packets dropped due to conntrack failure."),
            ("early_drop", "Number of dropped conntrack entries to make room for new ones, if maximum table size was reached."),
            ("search_restart", "Number of conntrack table lookups which had to be restarted due to hashtable resizes."),
        })
        {
            if (stat?[column] is { } value)
            {
                yield return new MetricFamily($"node_nf_conntrack_stat_{column}", help, MetricType.Gauge, [MetricSample.Of(value)]);
            }
        }
    }

    /// <summary>node_softnet_{processed,dropped,times_squeezed}_total{cpu}.</summary>
    public static IEnumerable<MetricFamily> Softnet(IReadOnlyList<SoftnetCpu> cpus)
    {
        MetricSample[] Of(Func<SoftnetCpu, uint> value) => cpus.Select(c => MetricSample.Of(value(c), ("cpu", c.Cpu.ToString(CultureInfo.InvariantCulture)))).ToArray();
        return
        [
            new("node_softnet_dropped_total", "Number of dropped packets", MetricType.Counter, Of(c => c.Dropped)),
            new("node_softnet_processed_total", "Number of processed packets", MetricType.Counter, Of(c => c.Processed)),
            new("node_softnet_times_squeezed_total", "Number of times processing packets ran out of quota", MetricType.Counter, Of(c => c.TimeSqueeze)),
        ];
    }

    /// <summary>node_network_* properties of /sys/class/net, node_network_info, node_network_up and node_network_speed_bytes.</summary>
    public static IEnumerable<MetricFamily> Netclass(IReadOnlyList<NetInterface> interfaces)
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

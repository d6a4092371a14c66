using HostDoc.Proc.Net;

namespace HostDoc.Metrics.Collectors;

/// <summary>node_exporter 1.5's sockstat collector: node_sockstat_PROTO_KEY, with PROTO_mem_bytes for the page counts.</summary>
public static class SockstatCollector
{
    /// <summary>node_sockstat_PROTO_KEY, with PROTO_mem_bytes for the page counts.</summary>
    public static IEnumerable<MetricFamily> Families(Sockstat sockstat, int pageSize)
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
}

using HostDoc.Proc;

namespace HostDoc.Metrics.Collectors;

/// <summary>node_exporter 1.5's loadavg collector: node_load1, node_load5, node_load15.</summary>
public static class LoadavgCollector
{
    /// <summary>node_load1, node_load5, node_load15.</summary>
    public static IEnumerable<MetricFamily> Families(Loadavg load) =>
    [
        new("node_load1", "1m load average.", MetricType.Gauge, [MetricSample.Of(load.One)]),
        new("node_load5", "5m load average.", MetricType.Gauge, [MetricSample.Of(load.Five)]),
        new("node_load15", "15m load average.", MetricType.Gauge, [MetricSample.Of(load.Fifteen)]),
    ];
}

using System.Globalization;
using HostDoc.Proc.Net;

namespace HostDoc.Metrics.Collectors;

/// <summary>node_exporter 1.5's softnet collector: node_softnet_{processed,dropped,times_squeezed}_total{cpu}.</summary>
public static class SoftnetCollector
{
    /// <summary>node_softnet_{processed,dropped,times_squeezed}_total{cpu}.</summary>
    public static IEnumerable<MetricFamily> Families(IReadOnlyList<SoftnetCpu> cpus)
    {
        MetricSample[] Of(Func<SoftnetCpu, uint> value) => cpus.Select(c => MetricSample.Of(value(c), ("cpu", c.Cpu.ToString(CultureInfo.InvariantCulture)))).ToArray();
        return
        [
            new("node_softnet_dropped_total", "Number of dropped packets", MetricType.Counter, Of(c => c.Dropped)),
            new("node_softnet_processed_total", "Number of processed packets", MetricType.Counter, Of(c => c.Processed)),
            new("node_softnet_times_squeezed_total", "Number of times processing packets ran out of quota", MetricType.Counter, Of(c => c.TimeSqueeze)),
        ];
    }
}

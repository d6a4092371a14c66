namespace HostDoc.Metrics.Collectors;

/// <summary>PLACEHOLDER being written: node_exporter 1.5's entropy collector.</summary>
public static class EntropyCollector
{
    /// <summary>Not yet.</summary>
    public static IEnumerable<MetricFamily> Collect(CollectorContext context) => throw new SourceUnavailableException("not yet written");
}

using HostDoc.Proc;

namespace HostDoc.Metrics.Collectors;

/// <summary>node_exporter 1.5's meminfo collector: node_memory_*: every /proc/meminfo field, <c>Active(anon)</c> as <c>Active_anon</c>, kB fields in bytes with <c>_bytes</c>.</summary>
public static class MeminfoCollector
{
    /// <summary>node_memory_*: every /proc/meminfo field, <c>Active(anon)</c> as <c>Active_anon</c>, kB fields in bytes with <c>_bytes</c>.</summary>
    public static IEnumerable<MetricFamily> Families(Meminfo meminfo) =>
        meminfo.Entries.Select(e =>
        {
            var name = e.Name.Replace('(', '_').Replace(")", "", StringComparison.Ordinal) + (e.IsBytes ? "_bytes" : "");
            return new MetricFamily($"node_memory_{name}", $"Memory information field {name}.", MetricType.Gauge, [MetricSample.Of(e.Value)]);
        });
}

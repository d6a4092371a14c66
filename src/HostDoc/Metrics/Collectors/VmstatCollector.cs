using HostDoc.Proc;

namespace HostDoc.Metrics.Collectors;

/// <summary>node_exporter 1.5's vmstat collector: node_vmstat_*: the fields node_exporter's default filter keeps (oom_kill, pgpg*, pswp*, pg*fault*).</summary>
public static class VmstatCollector
{
    /// <summary>node_vmstat_*: the fields node_exporter's default filter keeps (oom_kill, pgpg*, pswp*, pg*fault*).</summary>
    public static IEnumerable<MetricFamily> Families(Vmstat vmstat) =>
        vmstat.Counters
            .Where(c => c.Key.StartsWith("oom_kill", StringComparison.Ordinal) || c.Key.StartsWith("pgpg", StringComparison.Ordinal)
                || c.Key.StartsWith("pswp", StringComparison.Ordinal) || (c.Key.StartsWith("pg", StringComparison.Ordinal) && c.Key.Contains("fault", StringComparison.Ordinal)))
            .Select(c => new MetricFamily($"node_vmstat_{c.Key}", $"/proc/vmstat information field {c.Key}.", MetricType.Untyped, [MetricSample.Of(c.Value)]));
}

namespace HostDoc.Metrics;

/// <summary>What an operator can tell the collectors (node_exporter's flags of the same names).</summary>
/// <param name="TextfileDirectory"><c>--collector.textfile.directory</c>: <c>*.prom</c> files of the operator's own series; null = none.</param>
/// <param name="DiskExcluded"><c>--collector.diskstats.device-exclude</c>: whether diskstats leaves a device out.</param>
public sealed record MetricsOptions(string? TextfileDirectory, Func<string, bool> DiskExcluded)
{
    /// <summary>node_exporter 1.5's default for <c>--collector.diskstats.device-exclude</c>: partitions, RAM disks, loops, floppies.</summary>
    public const string DefaultDiskExclude = "^(ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$";

    /// <summary>node_exporter 1.5's defaults: no textfile directory; partitions, RAM disks, loops and floppies left out.</summary>
    public static MetricsOptions Defaults { get; } = new(null, DefaultDiskExclusion.Matches);
}

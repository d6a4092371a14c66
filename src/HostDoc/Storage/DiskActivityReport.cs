namespace HostDoc.Storage;

/// <summary>Every device's <see cref="DiskActivity"/> over one interval.</summary>
/// <param name="IntervalSeconds">The interval (uptime difference, as iostat takes it).</param>
/// <param name="SinceBoot">True when there was one sample: the figures are averages since each device appeared, iostat's first report.</param>
/// <param name="Devices">Devices and partitions that ever did I/O, in /proc/diskstats order (iostat leaves out those that never did).</param>
public sealed record DiskActivityReport(double IntervalSeconds, bool SinceBoot, IReadOnlyList<DiskActivity> Devices)
{
    /// <summary>The figures between two samples, or since boot when <paramref name="first"/> is null.</summary>
    public static DiskActivityReport Between(DiskSample? first, DiskSample second)
    {
        var itv = first is null ? second.UptimeCentiseconds
            : second.UptimeCentiseconds > first.UptimeCentiseconds ? second.UptimeCentiseconds - first.UptimeCentiseconds : 1;
        var earlier = first?.Devices.GroupBy(d => d.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var devices = second.Devices
            .Where(d => d.ReadIos != 0 || d.WriteIos != 0 || d.DiscardIos != 0 || d.FlushIos != 0)
            .Select(d => DiskActivity.Between(earlier is null ? null : earlier.GetValueOrDefault(d.Name), d, Math.Max(itv, 1)))
            .ToArray();
        return new DiskActivityReport(Math.Max(itv, 1) / 100.0, first is null, devices);
    }
}

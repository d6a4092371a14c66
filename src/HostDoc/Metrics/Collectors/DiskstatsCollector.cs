using System.Text.RegularExpressions;
using HostDoc.Proc;

namespace HostDoc.Metrics.Collectors;

/// <summary>
/// node_exporter 1.5's diskstats collector: node_disk_* from <c>/proc/diskstats</c> (via <see cref="Diskstats"/>)
/// and each device's udev database file <c>/run/udev/data/b&lt;major&gt;:&lt;minor&gt;</c> (node_exporter's
/// <c>--path.udev.data</c>), for every device <see cref="MetricsOptions.DiskExcluded"/> does not leave out.
/// Counters follow the line's kernel generation: 11 counters give the read, write and I/O series, 15 add
/// the discards, 17 and more add the flushes. Sectors are 512 bytes, except node_disk_discarded_sectors_total,
/// which node_exporter exports as sectors; milliseconds are multiplied by 0.001, as node_exporter does, so the
/// doubles are the same. Nothing here reads /sys: node_disk_info's labels are udev's (empty without a record).
/// </summary>
/// <remarks>
/// Where hostdoc gives something else, on input no kernel writes: a line with 12 to 14 or 16 counters
/// gives the 11 or 15 series of the complete groups (node_exporter also exports the partial group's
/// first counters); a line that is not numbers, or with 5 to 10 counters, is skipped and the collector is
/// degraded (node_exporter drops the whole collector); a device named twice keeps its first line.
/// The udev text is read as <see cref="Run.UdevRecord"/> reads it (line ends trimmed, a space after
/// <c>E:</c> allowed). An ATA value that is not a finite number is left out (node_exporter also
/// keeps <c>Inf</c>/<c>NaN</c> spellings).
/// </remarks>
public static partial class DiskstatsCollector
{
    /// <summary>The families, for the devices of /proc/diskstats the operator's exclusion keeps.</summary>
    public static IEnumerable<MetricFamily> Collect(CollectorContext context)
    {
        var lines = context.Require(Diskstats.Read(context.Root));
        var devices = new List<DiskCounters>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.HasTimes))
        {
            if (Excluded(context, line.Name))
            {
                continue;
            }

            if (!seen.Add(line.Name))
            {
                context.Degrade();
                continue;
            }

            devices.Add(line);
        }

        devices.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var udev = devices.Select(d => ReadUdev(context, d.Device)).ToArray();
        return [.. CounterFamilies(devices), .. UdevFamilies(devices, udev)];
    }

    private static bool Excluded(CollectorContext context, string name)
    {
        try
        {
            return context.Options.DiskExcluded(name);
        }
        catch (RegexMatchTimeoutException)
        {
            context.Degrade();
            return true;
        }
    }

    private static IEnumerable<MetricFamily> CounterFamilies(IReadOnlyList<DiskCounters> devices)
    {
        for (var i = 0; i < Counters.Length; i++)
        {
            var (name, help, type, value) = Counters[i];
            var group = i;
            yield return new MetricFamily(name, help, type,
                devices.Where(d => group < CountersOf(d)).Select(d => MetricSample.Of(value(d), ("device", d.Name))).ToArray());
        }
    }

    /// <summary>How many of <see cref="Counters"/> a line gives: its complete groups (11, 15 or 17).</summary>
    private static int CountersOf(DiskCounters line) => line.Fields < 15 ? 11 : line.Fields < 17 ? 15 : 17;
}

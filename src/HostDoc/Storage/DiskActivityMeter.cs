using HostDoc.Sources;

namespace HostDoc.Storage;

/// <summary>
/// Measures <see cref="DiskActivity"/> the way <c>iostat -x INTERVAL</c> does: /proc/diskstats and
/// /proc/uptime read, then read again an interval later, each report from the previous sample. A
/// captured tree is one moment, so it gives the averages since boot (iostat's first report).
/// </summary>
public sealed class DiskActivityMeter(HostRoot root, Action<TimeSpan> sleep)
{
    /// <summary>One report over <paramref name="interval"/> (live), or since boot (a tree, or when <paramref name="sinceBoot"/>).</summary>
    public Sourced<DiskActivityReport> Measure(TimeSpan interval, bool sinceBoot = false) =>
        Watch(interval, 1, sinceBoot).First();

    /// <summary>
    /// <paramref name="count"/> reports <paramref name="interval"/> apart (0: without end), each from
    /// the previous sample. With <paramref name="sinceBoot"/> the first is the averages since boot,
    /// as iostat's first report is, and counts as one of them. A tree gives the since-boot report only.
    /// </summary>
    public IEnumerable<Sourced<DiskActivityReport>> Watch(TimeSpan interval, int count, bool sinceBoot = false)
    {
        var previous = DiskSample.Read(root);
        if (previous.Value is null || sinceBoot || !root.IsLive)
        {
            yield return previous.Map(s => DiskActivityReport.Between(null, s));
            if (previous.Value is null || !root.IsLive || count == 1)
            {
                yield break;
            }
        }

        for (var i = sinceBoot ? 1 : 0; count == 0 || i < count; i++)
        {
            sleep(interval);
            var next = DiskSample.Read(root);
            if (next.Value is null)
            {
                yield return next.Map(s => DiskActivityReport.Between(null, s));
                yield break;
            }

            yield return Sourced<DiskActivityReport>.Partial(DiskActivityReport.Between(previous.Value, next.Value), next.Problems);
            previous = next;
        }
    }
}

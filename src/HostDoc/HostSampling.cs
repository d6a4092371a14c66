using HostDoc.Sources;
using HostDoc.Storage;
using HostDoc.Tasks;

namespace HostDoc;

/// <summary>
/// What takes time to observe: tasks that stay in D over several looks, and disk activity over an
/// interval. Kept apart from <see cref="HostModel"/>'s one-read sources. The last survey of each is
/// kept, so the stuck check, the io check and the server's counts share their sleeps; on a live host
/// the stuck sampling also reads /proc/diskstats at its start and end, and a report's io check
/// measures over that window instead of sleeping again.
/// </summary>
public sealed class HostSampling(HostModel host, Action<TimeSpan> sleep)
{
    private readonly Lock _gate = new();
    private (int Samples, TimeSpan Interval, StuckSurvey Survey)? _stuck;
    private (DiskSample First, DiskSample Last)? _window;
    private (TimeSpan Interval, Sourced<DiskActivityReport> Report)? _disks;

    /// <summary>Waits <paramref name="interval"/> on the model's clock (a check that samples twice).</summary>
    public void Sleep(TimeSpan interval) => sleep(interval);

    /// <summary>
    /// Tasks in D state over <paramref name="samples"/> looks <paramref name="interval"/> apart, each
    /// with the filesystem and device it waits on where that can be told.
    /// </summary>
    public StuckSurvey Stuck(int samples, TimeSpan interval)
    {
        lock (_gate)
        {
            if (_stuck is { } kept && kept.Samples == samples && kept.Interval == interval)
            {
                return kept.Survey;
            }

            var before = host.Root.IsLive && samples > 1 ? DiskSample.Read(host.Root).Value : null;
            var survey = new StuckTaskSampler(host.Root, host.Clock, sleep).Sample(samples, interval);
            if (before is not null && DiskSample.Read(host.Root).Value is { } after)
            {
                _window = (before, after);
            }

            if (survey.Stuck.Count > 0)   // the mounts and the block topology are read only when someone is stuck
            {
                survey = survey with { Stuck = WaitTargetResolver.Resolve(survey.Stuck, host.Mountinfo.Value?.Entries ?? [], host.Topology) };
            }
            _stuck = (samples, interval, survey);
            return survey;
        }
    }

    /// <summary>The last stuck survey taken, or one look now (no sleeping) when there was none.</summary>
    public StuckSurvey StuckSoFar()
    {
        lock (_gate)
        {
            return _stuck?.Survey ?? Stuck(1, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Disk activity over <paramref name="interval"/> on a live host (over the stuck sampling's window
    /// when it spanned at least 80% of that), since boot in a tree.
    /// </summary>
    public Sourced<DiskActivityReport> Disks(TimeSpan interval)
    {
        lock (_gate)
        {
            if (_disks is { } kept && kept.Interval == interval)
            {
                return kept.Report;
            }

            var report = _window is { } w && w.Last.UptimeCentiseconds >= w.First.UptimeCentiseconds + (interval.TotalMilliseconds / 10 * 0.8)
                ? Sourced<DiskActivityReport>.Of(DiskActivityReport.Between(w.First, w.Last))
                : new DiskActivityMeter(host.Root, sleep).Measure(interval);
            _disks = (interval, report);
            return report;
        }
    }
}

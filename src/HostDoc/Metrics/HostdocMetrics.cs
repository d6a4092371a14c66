using HostDoc.Checks;
using HostDoc.Findings;
using HostDoc.KernelLog.Incidents;
using HostDoc.Memory;

namespace HostDoc.Metrics;

/// <summary>
/// What node_exporter cannot give: one series per active finding (<c>hostdoc_finding</c>, value 1,
/// for every finding worse than OK), kernel-log incidents by id and subject with their occurrences,
/// and the dirty-page limits the kernel computes.
/// </summary>
public static class HostdocMetrics
{
    /// <summary>hostdoc_finding{id,severity,subject} 1 for each warning, critical or unknown finding; hostdoc_findings{severity} counts.</summary>
    public static IEnumerable<MetricFamily> Findings(Report report)
    {
        var active = report.Results.SelectMany(r => r.Findings).Where(f => f.Severity is not (Severity.Ok or Severity.Info)).ToArray();
        return
        [
            new("hostdoc_finding", "A finding hostdoc reports now (1 per finding worse than OK; see hostdoc report for why and what to do).", MetricType.Gauge,
                active.Select(f => MetricSample.Of(1, ("id", f.Id), ("severity", f.Severity.Name()), ("subject", f.Subject))).ToArray()),
            new("hostdoc_findings", "Findings by severity.", MetricType.Gauge,
                new[] { Severity.Critical, Severity.Warning, Severity.Unknown, Severity.Info, Severity.Ok }
                    .Select(s => MetricSample.Of(report.Results.SelectMany(r => r.Findings).Count(f => f.Severity == s), ("severity", s.Name()))).ToArray()),
        ];
    }

    /// <summary>hostdoc_log_incident_occurrences{id,subject}: how often each kernel-log incident happened.</summary>
    public static IEnumerable<MetricFamily> Incidents(IReadOnlyList<Incident> incidents) =>
    [
        new("hostdoc_log_incident_occurrences", "Occurrences of each kernel-log incident (a failing sector, a link, a filesystem, an OOM-killed command) in the host's log.", MetricType.Gauge,
            incidents.Select(i => MetricSample.Of(i.Occurrences, ("id", i.Id), ("subject", i.Subject), ("severity", i.Severity.Name()))).ToArray()),
    ];

    /// <summary>hostdoc_tasks_stuck{wait_class} and hostdoc_tasks_uninterruptible: tasks in uninterruptible sleep, by what they wait for.</summary>
    public static IEnumerable<MetricFamily> Stuck(IReadOnlyDictionary<string, int> byClass, int inD) =>
    [
        new("hostdoc_tasks_stuck", "Tasks in uninterruptible sleep (D state) by what they wait for (disk, nfs, fuse, journal, memory, …; see hostdoc stuck).", MetricType.Gauge,
            byClass.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => MetricSample.Of(c.Value, ("wait_class", c.Key))).ToArray()),
        new("hostdoc_tasks_uninterruptible", "Tasks in D state when the findings were evaluated.", MetricType.Gauge, [MetricSample.Of(inD)]),
    ];

    /// <summary>hostdoc_writeback_{background,hard}_limit_bytes and hostdoc_writeback_dirty_bytes.</summary>
    public static IEnumerable<MetricFamily> Writeback(WritebackThresholds writeback) =>
    [
        new("hostdoc_writeback_background_limit_bytes", "Dirty page cache above which the flusher threads start writing back (mm/page-writeback.c).", MetricType.Gauge, [MetricSample.Of(writeback.BackgroundBytes)]),
        new("hostdoc_writeback_hard_limit_bytes", "Dirty page cache at which writers are throttled until it is written back.", MetricType.Gauge, [MetricSample.Of(writeback.HardBytes)]),
        new("hostdoc_writeback_dirty_bytes", "Dirty plus writeback page cache now.", MetricType.Gauge, [MetricSample.Of(writeback.DirtyBytes)]),
    ];
}

using System.Diagnostics;
using HostDoc.Checks;
using HostDoc.KernelLog.Incidents;

namespace HostDoc.Metrics;

/// <summary>
/// The checks' findings and the kernel log's incidents at one moment, with how long they took: a server
/// evaluates them on their own cadence (every N seconds) rather than on every scrape, since they cost
/// tens of milliseconds (a pass over every process, the whole kernel log) where the counters cost one.
/// The checks run with one stuck-task sample, so an evaluation is one pass over /proc, not seconds of sampling.
/// </summary>
/// <param name="Report">Every check's result.</param>
/// <param name="Incidents">The kernel log's incidents.</param>
/// <param name="Taken">When it was evaluated.</param>
/// <param name="Took">How long the evaluation took.</param>
/// <param name="Stuck">Tasks in uninterruptible sleep at that moment, by what they wait for (wait class id).</param>
/// <param name="InDState">All tasks in D state at that moment.</param>
public sealed record FindingsSnapshot(
    Report Report, IReadOnlyList<Incident> Incidents, DateTimeOffset Taken, TimeSpan Took, IReadOnlyDictionary<string, int> Stuck, int InDState)
{
    private static readonly CheckSettings OneSample = new(
        new Dictionary<string, Findings.NagiosRange>(), new Dictionary<string, Findings.NagiosRange>(),
        new Dictionary<string, IReadOnlyList<string>> { ["samples"] = ["1"], ["interval"] = ["0"] });

    /// <summary>Evaluates every check of <paramref name="catalog"/> on <paramref name="host"/>; the kernel log is read once for both.</summary>
    public static FindingsSnapshot Take(HostModel host, CheckCatalog catalog)
    {
        var clock = Stopwatch.StartNew();
        var report = Report.Run(host, catalog.All, OneSample);
        var survey = host.Stuck(1, TimeSpan.Zero);   // the stuck check's own survey (one sample, as OneSample asks)
        var stuck = survey.Stuck.GroupBy(t => t.Class.Id).ToDictionary(g => g.Key, g => g.Count());
        return new FindingsSnapshot(report, host.KernelLog.Incidents, host.Clock.GetUtcNow(), clock.Elapsed, stuck, survey.InDNow);
    }
}

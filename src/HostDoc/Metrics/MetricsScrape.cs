using System.Diagnostics;
using HostDoc.Metrics.Collectors;

namespace HostDoc.Metrics;

/// <summary>
/// One scrape: every source read once into metric families, each source timed and guarded — a source
/// that fails (unreadable, a hung mount past its timeout) is <c>hostdoc_scrape_source_up 0</c> and its
/// families are missing, never a failed scrape; one read only in part (malformed lines) is also 0, with
/// the families that are still true. Findings and incidents come from a <see cref="FindingsSnapshot"/>
/// the caller keeps, with its age.
/// </summary>
public static class MetricsScrape
{
    /// <summary>The families for <paramref name="host"/>, then the per-source up and duration families.</summary>
    public static IReadOnlyList<MetricFamily> Collect(HostModel host, FindingsSnapshot findings, MetricsOptions? options = null)
    {
        var context = new CollectorContext(host, options ?? MetricsOptions.Defaults);
        var families = new List<MetricFamily>();
        var up = new List<MetricSample>();
        var duration = new List<MetricSample>();
        foreach (var (name, collect) in NodeCollectors.All)
        {
            var clock = Stopwatch.StartNew();
            var ok = true;
            context.Reset();
            try
            {
                families.AddRange(collect(context));
            }
            catch (Exception e) when (e is SourceUnavailableException or IOException or UnauthorizedAccessException)
            {
                ok = false;
            }

            up.Add(MetricSample.Of(ok && !context.Degraded ? 1 : 0, ("source", name)));
            duration.Add(MetricSample.Of(clock.Elapsed.TotalSeconds, ("source", name)));
        }

        families.AddRange(HostdocMetrics.Findings(findings.Report));
        families.AddRange(HostdocMetrics.Incidents(findings.Incidents));
        families.AddRange(HostdocMetrics.Stuck(findings.Stuck, findings.InDState));
        up.Add(MetricSample.Of(findings.Report.Results.All(r => r.Problems.Count == 0) ? 1 : 0, ("source", "checks")));
        duration.Add(MetricSample.Of(findings.Took.TotalSeconds, ("source", "checks")));
        families.Add(new MetricFamily("hostdoc_checks_age_seconds", "How long ago the findings (hostdoc_finding, hostdoc_log_incident_occurrences) were evaluated.", MetricType.Gauge,
            [MetricSample.Of(Math.Max(0, (host.Clock.GetUtcNow() - findings.Taken).TotalSeconds))]));
        // node_exporter's own names for the same two facts, which dashboards built for it chart (hostdoc's findings are no collector there).
        families.Add(new MetricFamily("node_scrape_collector_duration_seconds", "node_exporter: Duration of a collector scrape.", MetricType.Gauge,
            duration.Where(d => d.Labels[0].Value != "checks").Select(d => MetricSample.Of(d.Value, ("collector", d.Labels[0].Value))).ToArray()));
        families.Add(new MetricFamily("node_scrape_collector_success", "node_exporter: Whether a collector succeeded.", MetricType.Gauge,
            up.Where(d => d.Labels[0].Value != "checks").Select(d => MetricSample.Of(d.Value, ("collector", d.Labels[0].Value))).ToArray()));
        families.Add(new MetricFamily("hostdoc_scrape_source_up", "1 when hostdoc could read the source in this scrape, 0 when it could not (its metrics are then missing).", MetricType.Gauge, up));
        families.Add(new MetricFamily("hostdoc_scrape_source_duration_seconds", "How long reading the source took in this scrape.", MetricType.Gauge, duration));
        return families;
    }
}

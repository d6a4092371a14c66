using System.Diagnostics;
using HostDoc.Proc;
using HostDoc.Sources;

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
    public static IReadOnlyList<MetricFamily> Collect(HostModel host, FindingsSnapshot findings)
    {
        var root = host.Root;
        var families = new List<MetricFamily>();
        var up = new List<MetricSample>();
        var duration = new List<MetricSample>();
        var degraded = false;
        T Require<T>(Sourced<T> sourced)
            where T : class
        {
            degraded |= sourced.Problems.Count > 0;
            return sourced.Value ?? throw new SourceUnavailableException(string.Join("; ", sourced.Problems));
        }

        void Source(string name, Func<IEnumerable<MetricFamily>> collect)
        {
            var clock = Stopwatch.StartNew();
            var ok = true;
            degraded = false;
            try
            {
                families.AddRange(collect());
            }
            catch (SourceUnavailableException)
            {
                ok = false;
            }
            catch (IOException)
            {
                ok = false;
            }
            catch (UnauthorizedAccessException)
            {
                ok = false;
            }

            up.Add(MetricSample.Of(ok && !degraded ? 1 : 0, ("source", name)));
            duration.Add(MetricSample.Of(clock.Elapsed.TotalSeconds, ("source", name)));
        }

        Source("meminfo", () => NodeMetrics.Memory(Require(host.Meminfo)));
        Source("loadavg", () => NodeMetrics.Load(Require(Loadavg.Read(root))));
        Source("stat", () => NodeMetrics.Cpu(Require(KernelStat.Read(root))));
        Source("interrupts", () => NodeMetrics.Interrupts(Require(host.Interrupts)));
        Source("vmstat", () => NodeMetrics.Vmstat(Require(host.Vmstat)));
        Source("pressure", () => NodeMetrics.Pressure(Pressure.Read(root, "cpu").Value, Pressure.Read(root, "io").Value, Pressure.Read(root, "memory").Value));
        var net = host.Network;
        Source("netstat", () => NodeMetrics.Netstat(Require(Proc.Net.NetCounters.Read(root)).Values));
        Source("netdev", () => NodeNetworkMetrics.Netdev(Require(Proc.Net.NetDev.Read(root))));
        Source("sockstat", () => NodeNetworkMetrics.Sockstat(Require(net.Sockstat), host.PageSize.Bytes));
        Source("conntrack", () => NodeNetworkMetrics.Conntrack(Require(net.Sysctls), Proc.Net.ConntrackStat.Read(root).Value));
        Source("softnet", () => NodeNetworkMetrics.Softnet(Require(Proc.Net.SoftnetStat.Read(root))));
        Source("netclass", () => NodeNetworkMetrics.Netclass(net.Interfaces));
        Source("filesystem", () => NodeMetrics.Filesystems(Require(host.Mountinfo).Entries, root.Statvfs(TimeSpan.FromSeconds(2))));
        Source("writeback", () => HostdocMetrics.Writeback(Require(host.Writeback)));
        families.AddRange(HostdocMetrics.Findings(findings.Report));
        families.AddRange(HostdocMetrics.Incidents(findings.Incidents));
        families.AddRange(HostdocMetrics.Stuck(findings.Stuck, findings.InDState));
        up.Add(MetricSample.Of(findings.Report.Results.All(r => r.Problems.Count == 0) ? 1 : 0, ("source", "checks")));
        duration.Add(MetricSample.Of(findings.Took.TotalSeconds, ("source", "checks")));
        families.Add(new MetricFamily("hostdoc_checks_age_seconds", "How long ago the findings (hostdoc_finding, hostdoc_log_incident_occurrences) were evaluated.", MetricType.Gauge,
            [MetricSample.Of(Math.Max(0, (host.Clock.GetUtcNow() - findings.Taken).TotalSeconds))]));
        families.Add(new MetricFamily("hostdoc_scrape_source_up", "1 when hostdoc could read the source in this scrape, 0 when it could not (its metrics are then missing).", MetricType.Gauge, up));
        families.Add(new MetricFamily("hostdoc_scrape_source_duration_seconds", "How long reading the source took in this scrape.", MetricType.Gauge, duration));
        return families;
    }
}

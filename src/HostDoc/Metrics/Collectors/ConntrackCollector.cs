using HostDoc.Proc.Net;
using HostDoc.Proc.Sys.Net;

namespace HostDoc.Metrics.Collectors;

/// <summary>node_exporter 1.5's conntrack collector: node_nf_conntrack_entries, _entries_limit and node_nf_conntrack_stat_* (summed over CPUs).</summary>
public static class ConntrackCollector
{
    /// <summary>node_nf_conntrack_entries, _entries_limit and node_nf_conntrack_stat_* (summed over CPUs).</summary>
    public static IEnumerable<MetricFamily> Families(NetSysctls sysctls, ConntrackStat? stat)
    {
        if (sysctls.ConntrackCount is not { } count || sysctls.ConntrackMax is not { } max)
        {
            throw new SourceUnavailableException("no /proc/sys/net/netfilter/nf_conntrack_count (nf_conntrack is not loaded)");
        }

        yield return new MetricFamily("node_nf_conntrack_entries", "Number of currently allocated flow entries for connection tracking.", MetricType.Gauge, [MetricSample.Of(count)]);
        yield return new MetricFamily("node_nf_conntrack_entries_limit", "Maximum size of connection tracking table.", MetricType.Gauge, [MetricSample.Of(max)]);
        foreach (var (column, help) in new[]
        {
            ("found", "Number of searched entries which were successful."), ("invalid", "Number of packets seen which can not be tracked."),
            ("ignore", "Number of packets seen which are already connected to a conntrack entry."), ("insert", "Number of entries inserted into the list."),
            ("insert_failed", "Number of entries for which list insertion was attempted but failed."), ("drop", "Number of packets dropped due to conntrack failure."),
            ("early_drop", "Number of dropped conntrack entries to make room for new ones, if maximum table size was reached."),
            ("search_restart", "Number of conntrack table lookups which had to be restarted due to hashtable resizes."),
        })
        {
            if (stat?[column] is { } value)
            {
                yield return new MetricFamily($"node_nf_conntrack_stat_{column}", help, MetricType.Gauge, [MetricSample.Of(value)]);
            }
        }
    }
}

using HostDoc.Proc;

namespace HostDoc.Metrics.Collectors;

/// <summary>
/// /proc/stat, read once for node_exporter's cpu and stat collectors: node_cpu_seconds_total, and
/// node_boot_time_seconds, node_context_switches_total, node_forks_total, node_intr_total,
/// node_procs_running, node_procs_blocked. A line the kernel did not print leaves its family out.
/// </summary>
public static class StatCollector
{
    /// <summary>The families from /proc/stat.</summary>
    public static IEnumerable<MetricFamily> Collect(CollectorContext context)
    {
        var stat = context.Require(KernelStat.Read(context.Root));
        var families = new List<MetricFamily>(CpuCollector.Families(stat));
        void Add(string name, string help, MetricType type, ulong? value)
        {
            if (value is { } v)
            {
                families.Add(new MetricFamily(name, help, type, [MetricSample.Of(v)]));
            }
        }

        Add("node_boot_time_seconds", "Node boot time, in unixtime.", MetricType.Gauge, stat.BootTime);
        Add("node_context_switches_total", "Total number of context switches.", MetricType.Counter, stat.ContextSwitches);
        Add("node_forks_total", "Total number of forks.", MetricType.Counter, stat.Forks);
        Add("node_intr_total", "Total number of interrupts serviced.", MetricType.Counter, stat.Interrupts);
        Add("node_procs_blocked", "Number of processes blocked waiting for I/O to complete.", MetricType.Gauge, stat.Blocked);
        Add("node_procs_running", "Number of processes in runnable state.", MetricType.Gauge, stat.Running);
        return families;
    }
}

using System.Globalization;
using HostDoc.Proc;

namespace HostDoc.Metrics.Collectors;

/// <summary>node_exporter 1.5's cpu collector: node_cpu_seconds_total{cpu,mode}, and node_cpu_guest_seconds_total{cpu,mode} (guest and guest_nice, already counted in user and nice) where the kernel prints them.</summary>
public static class CpuCollector
{
    private const double UserHz = 100;   // /proc/stat ticks: USER_HZ is 100 on every Linux architecture's ABI

    /// <summary>node_cpu_seconds_total{cpu,mode}, and node_cpu_guest_seconds_total{cpu,mode} (guest and guest_nice, already counted in user and nice) where the kernel prints them.</summary>
    public static IEnumerable<MetricFamily> Families(KernelStat stat)
    {
        var samples = new List<MetricSample>();
        var guest = new List<MetricSample>();
        foreach (var c in stat.Cpus)
        {
            var cpu = c.Cpu.ToString(CultureInfo.InvariantCulture);
            foreach (var (mode, ticks) in new[] { ("idle", c.Idle), ("iowait", c.IoWait), ("irq", c.Irq), ("nice", c.Nice), ("softirq", c.SoftIrq), ("steal", c.Steal), ("system", c.System), ("user", c.User) })
            {
                samples.Add(MetricSample.Of(ticks / UserHz, ("cpu", cpu), ("mode", mode)));
            }

            guest.Add(MetricSample.Of(c.GuestNice / UserHz, ("cpu", cpu), ("mode", "nice")));
            guest.Add(MetricSample.Of(c.Guest / UserHz, ("cpu", cpu), ("mode", "user")));
        }

        return
        [
            new MetricFamily("node_cpu_seconds_total", "Seconds the CPUs spent in each mode.", MetricType.Counter, samples),
            new MetricFamily("node_cpu_guest_seconds_total", "Seconds the CPUs spent in guests (VMs) for each mode.", MetricType.Counter, guest),
        ];
    }
}

using HostDoc.Proc;

namespace HostDoc.Metrics.Collectors;

/// <summary>node_exporter 1.5's pressure collector: node_pressure_*_seconds_total from /proc/pressure/{cpu,io,memory}.</summary>
public static class PressureCollector
{
    /// <summary>node_pressure_*_seconds_total from /proc/pressure/{cpu,io,memory}.</summary>
    public static IEnumerable<MetricFamily> Families(Pressure? cpu, Pressure? io, Pressure? memory)
    {
        var families = new List<MetricFamily>();
        void Add(string name, string help, PressureLine? line)
        {
            if (line is not null)
            {
                families.Add(new MetricFamily(name, help, MetricType.Counter, [MetricSample.Of(line.TotalMicroseconds / 1e6)]));
            }
        }

        Add("node_pressure_cpu_waiting_seconds_total", "Total time in seconds that processes have waited for CPU time", cpu?.Some);
        Add("node_pressure_io_waiting_seconds_total", "Total time in seconds that processes have waited due to IO congestion", io?.Some);
        Add("node_pressure_io_stalled_seconds_total", "Total time in seconds no process could make progress due to IO congestion", io?.Full);
        Add("node_pressure_memory_waiting_seconds_total", "Total time in seconds that processes have waited for memory", memory?.Some);
        Add("node_pressure_memory_stalled_seconds_total", "Total time in seconds no process could make progress due to memory congestion", memory?.Full);
        return families;
    }
}

using System.Globalization;
using HostDoc.Proc;

namespace HostDoc.Metrics.Collectors;

/// <summary>node_exporter 1.5's interrupts collector: node_interrupts_total{cpu,devices,info,type}: info is the first word after the counts, devices the rest (node_exporter's split).</summary>
public static class InterruptsCollector
{
    /// <summary>node_interrupts_total{cpu,devices,info,type}: info is the first word after the counts, devices the rest (node_exporter's split).</summary>
    public static IEnumerable<MetricFamily> Families(Interrupts interrupts)
    {
        var samples = new List<MetricSample>();
        foreach (var row in interrupts.Rows.Where(r => r.Counts.Count > 0))
        {
            var words = row.Description.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var (info, devices) = row.IsNumbered
                ? (words.FirstOrDefault() ?? "", string.Join(' ', words.Skip(1)))
                : (string.Join(' ', words), "");
            for (var i = 0; i < row.Counts.Count && i < interrupts.Cpus.Count; i++)
            {
                samples.Add(MetricSample.Of(row.Counts[i],
                    ("cpu", interrupts.Cpus[i].ToString(CultureInfo.InvariantCulture)), ("devices", devices), ("info", info), ("type", row.Name)));
            }
        }

        return [new MetricFamily("node_interrupts_total", "Interrupt details.", MetricType.Counter, samples)];
    }
}

using System.Globalization;
using HostDoc.Cpus;
using HostDoc.Proc;
using HostDoc.Proc.Irq;

namespace HostDoc.Output;

/// <summary><c>hostdoc irq</c>: counts (or rates between two reads) per irq and CPU, chip, trigger, affinity, and per-CPU bars.</summary>
public static class IrqWriter
{
    private const int BarWidth = 40;

    /// <summary>
    /// Writes the table for <paramref name="irq"/>; with <paramref name="delta"/>, per-second rates
    /// instead of totals. <paramref name="softirqs"/> and <paramref name="stat"/> add the softirq work
    /// and the share of CPU time spent in interrupt handling, per CPU, since boot.
    /// </summary>
    public static void Write(
        TextWriter writer, Interrupts irq, InterruptDelta? delta, Func<string, IrqAffinity> affinity, Interrupts? softirqs, KernelStat? stat, TextStyle style)
    {
        var what = delta is null ? "interrupts since boot" : string.Create(CultureInfo.InvariantCulture, $"interrupts per second over {delta.Seconds:0.0} s");
        writer.Write($"{style.Bold("hostdoc irq")}: {irq.Cpus.Count} CPUs online ({string.Join(' ', irq.Cpus.Select(c => "CPU" + c.ToString(CultureInfo.InvariantCulture)))}), {what}\n");
        var header = new List<string> { "IRQ" };
        header.AddRange(irq.Cpus.Select(c => "CPU" + c.ToString(CultureInfo.InvariantCulture)));
        header.AddRange(["chip", "trigger", "affinity", "actions"]);
        var rows = new List<string[]> { header.ToArray() };
        var perCpu = new double[irq.Cpus.Count];
        foreach (var row in irq.Rows)
        {
            var counts = delta is null ? row.Counts : delta.For(row);
            var values = counts.Select(c => delta is null ? (double)c : c / Math.Max(delta.Seconds, 1e-9)).ToArray();
            if (row.IsNumbered)
            {
                for (var i = 0; i < values.Length && i < perCpu.Length; i++)
                {
                    perCpu[i] += values[i];
                }
            }

            var cells = new List<string> { row.Name };
            cells.AddRange(Enumerable.Range(0, irq.Cpus.Count).Select(i => i < values.Length ? Format(values[i]) : row.Counts.Count == 0 && i == 0 ? Format(row.Total) : ""));
            var pinned = row.IsNumbered ? affinity(row.Name) : null;
            cells.Add(row.Chip is null ? "" : row.Chip + (row.HardwareIrq is null ? "" : " " + row.HardwareIrq));
            cells.Add(row.Trigger ?? "");
            cells.Add(pinned is null ? "" : (pinned.Effective ?? pinned.Allowed)?.ToString() ?? "");
            cells.Add(string.Join(", ", row.Actions));
            rows.Add(cells.ToArray());
        }

        var widths = Enumerable.Range(0, header.Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var cells in rows)
        {
            var line = string.Join("  ", cells.Select((cell, c) => c == cells.Length - 1 ? cell : c <= irq.Cpus.Count ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c])));
            writer.Write(line.TrimEnd() + "\n");
        }

        var total = perCpu.Sum();
        writer.Write($"\n{style.Bold("Device interrupts per CPU")}{(delta is null ? "" : " (per second)")}\n");
        for (var i = 0; i < perCpu.Length; i++)
        {
            var share = total == 0 ? 0 : perCpu[i] / total;
            var filled = (int)Math.Round(share * BarWidth);
            var busy = stat?.Cpus.FirstOrDefault(c => c.Cpu == irq.Cpus[i]) is { } t
                ? string.Create(CultureInfo.InvariantCulture, $"  {t.InterruptPercent:0.0}% of its time in irq+softirq")
                : "";
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"  CPU{irq.Cpus[i],-4} {new string('#', filled)}{new string('.', BarWidth - filled)} {Format(perCpu[i]),12} ({share * 100:0}%){busy}\n"));
        }

        if (softirqs is not null)
        {
            writer.Write($"\n{style.Bold("Softirqs per CPU since boot")} (NET_RX/NET_TX: network, BLOCK: disk completions)\n");
            foreach (var row in softirqs.Rows.Where(r => r.Name is "NET_RX" or "NET_TX" or "BLOCK" or "TASKLET" or "SCHED" or "TIMER"))
            {
                writer.Write($"  {row.Name,-8} {string.Join("  ", row.Counts.Select((c, i) => $"CPU{softirqs.Cpus[i].ToString(CultureInfo.InvariantCulture)} {Format(c)}"))}\n");
            }
        }
    }

    private static string Format(double value) =>
        value >= 100 || value == Math.Floor(value)
            ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("0.0", CultureInfo.InvariantCulture);
}

using HostDoc.Proc;

namespace HostDoc.Cpus;

/// <summary>
/// Interrupts counted between two reads of /proc/interrupts, per row and CPU column, and per
/// second. Per-CPU counters are 32-bit in the kernel (kstat_irqs, printed with %10u), so a later
/// value below an earlier one below 2^32 means the counter wrapped once.
/// </summary>
/// <param name="Before">The first read.</param>
/// <param name="After">The second read.</param>
/// <param name="Seconds">Time between them.</param>
public sealed record InterruptDelta(Interrupts Before, Interrupts After, double Seconds)
{
    /// <summary>Counts between the reads for <paramref name="row"/> (of <see cref="After"/>), per CPU column of <see cref="After"/>.</summary>
    public IReadOnlyList<ulong> For(InterruptRow row)
    {
        var earlier = Before.Rows.FirstOrDefault(r => r.Name == row.Name);
        var result = new ulong[row.Counts.Count];
        for (var i = 0; i < row.Counts.Count; i++)
        {
            var cpu = After.Cpus[i];
            var column = Before.Cpus.ToList().IndexOf(cpu);
            var before = earlier is not null && column >= 0 && column < earlier.Counts.Count ? earlier.Counts[column] : 0;
            result[i] = Difference(before, row.Counts[i]);
        }

        return result;
    }

    /// <summary>b − a, allowing for one wrap of a 32-bit counter.</summary>
    public static ulong Difference(ulong a, ulong b) =>
        b >= a ? b - a : a <= uint.MaxValue ? (ulong)uint.MaxValue + 1 - a + b : 0;
}

using HostDoc.Proc;
using HostDoc.Sources;

namespace HostDoc.Memory;

/// <summary>
/// The numbers <c>free</c> prints, derived from /proc/meminfo exactly as procps-ng 4.0
/// (library/meminfo.c) derives them, so <c>hostdoc mem --bytes</c> and <c>free -b</c> agree field
/// by field. Computed once here; renderers only print them (procps's own lesson).
/// </summary>
/// <param name="Total">MemTotal.</param>
/// <param name="Used">Total − Available (Total − Free when that would be negative).</param>
/// <param name="Free">MemFree.</param>
/// <param name="Shared">Shmem (0 before 2.6.32).</param>
/// <param name="Buffers">Buffers: page cache of block devices.</param>
/// <param name="Cache">Cached + SReclaimable.</param>
/// <param name="Available">MemAvailable; MemFree when the kernel lacks it (before 3.14) or reports more than Total (containers).</param>
/// <param name="AvailableIsEstimate">True when <see cref="Available"/> is procps's fallback rather than the kernel's figure.</param>
/// <param name="SwapTotal">SwapTotal.</param>
/// <param name="SwapUsed">SwapTotal − SwapFree.</param>
/// <param name="SwapFree">SwapFree.</param>
public sealed record FreeSummary(
    ulong Total,
    ulong Used,
    ulong Free,
    ulong Shared,
    ulong Buffers,
    ulong Cache,
    ulong Available,
    bool AvailableIsEstimate,
    ulong SwapTotal,
    ulong SwapUsed,
    ulong SwapFree)
{
    /// <summary>The meminfo fields the summary is computed from.</summary>
    public static readonly IReadOnlySet<string> Inputs = new HashSet<string>(StringComparer.Ordinal)
    {
        "MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SReclaimable", "Shmem", "SwapTotal", "SwapFree",
    };

    /// <summary>free's "buff/cache" column.</summary>
    public ulong BuffCache => Buffers + Cache;

    /// <summary>Available as a percentage of Total (0 when Total is 0).</summary>
    public double AvailablePercent => Total == 0 ? 0 : 100.0 * Available / Total;

    /// <summary>Free swap as a percentage of SwapTotal; null when there is no swap.</summary>
    public double? SwapFreePercent => SwapTotal == 0 ? null : 100.0 * SwapFree / SwapTotal;

    /// <summary>
    /// Computes the summary. Fails, naming the problem, when a field it needs is missing or was
    /// malformed: a wrong "used" is worse than none.
    /// </summary>
    public static Sourced<FreeSummary> Compute(Sourced<Meminfo> meminfo)
    {
        if (meminfo.Value is not { } info)
        {
            return Sourced<FreeSummary>.Failed(meminfo.Problems);
        }

        var blocking = meminfo.Problems.Where(p => p.Field is null || Inputs.Contains(p.Field)).ToArray();
        if (blocking.Length > 0)
        {
            return Sourced<FreeSummary>.Failed(blocking);
        }

        if (info.MemTotal is not { } total || info.MemFree is not { } free)
        {
            return Sourced<FreeSummary>.Failed(new SourceProblem(Meminfo.KernelPath, ProblemKind.Malformed,
                "expected MemTotal and MemFree lines, found none"));
        }

        return Sourced<FreeSummary>.Partial(From(info, total, free), meminfo.Problems);
    }

    private static FreeSummary From(Meminfo info, ulong total, ulong free)
    {
        var available = info.MemAvailable ?? 0;
        var estimate = available == 0 || available > total;
        if (estimate)
        {
            available = free;
        }

        var used = total >= available ? total - available : total - Math.Min(total, free);
        var swapTotal = info.SwapTotal ?? 0;
        var swapFree = info.SwapFree ?? 0;
        return new FreeSummary(
            total,
            used,
            free,
            info.Shmem ?? 0,
            info.Buffers ?? 0,
            (info.Cached ?? 0) + (info.SReclaimable ?? 0),
            available,
            estimate,
            swapTotal,
            swapFree < swapTotal ? swapTotal - swapFree : 0,
            swapFree);
    }
}

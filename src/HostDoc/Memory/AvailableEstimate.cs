using HostDoc.Proc;
using HostDoc.Sources;

namespace HostDoc.Memory;

/// <summary>
/// For kernels without MemAvailable (before 3.14): the kernel's own later formula
/// (si_mem_available) applied to what old kernels do expose, so a check does not alarm on MemFree
/// alone. free keeps showing MemFree (procps's choice); checks use this.
/// </summary>
public static class AvailableEstimate
{
    /// <summary>
    /// free − reserve + page cache − min(page cache / 2, low watermarks) + reclaimable slab −
    /// min(slab / 2, low watermarks), in bytes; null when meminfo lacks the file LRU split (before 2.6.28).
    /// </summary>
    public static ulong? Compute(Meminfo info, Zoneinfo zones, int pageSize)
    {
        if (info is not { MemFree: { } free, ActiveFile: { } active, InactiveFile: { } inactive })
        {
            return null;
        }

        var page = (ulong)pageSize;
        var reserve = Saturating.Multiply(zones.TotalReservePages, page);
        var low = Saturating.Multiply(zones.Zones.Aggregate(0UL, (sum, z) => Saturating.Add(sum, z.Low)), page);
        var pageCache = Saturating.Add(active, inactive);
        var slab = info.SReclaimable ?? 0;
        var available = Saturating.Add(Saturating.Add(
            free > reserve ? free - reserve : 0,
            pageCache - Math.Min(pageCache / 2, low)),
            slab - Math.Min(slab / 2, low));
        return info.MemTotal is { } total ? Math.Min(available, total) : available;
    }
}

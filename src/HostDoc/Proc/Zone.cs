using HostDoc.Sources;

namespace HostDoc.Proc;

/// <summary>One memory zone from /proc/zoneinfo: its watermarks and reserves, in pages.</summary>
/// <param name="Node">NUMA node number.</param>
/// <param name="Name">Zone name (DMA, DMA32, Normal, HighMem, Movable, Device).</param>
/// <param name="FreePages">"pages free".</param>
/// <param name="Min">The min watermark (includes any boost).</param>
/// <param name="Low">The low watermark.</param>
/// <param name="High">The high watermark.</param>
/// <param name="Present">Pages present in the zone.</param>
/// <param name="Managed">Pages managed by the buddy allocator (3.8+; null before).</param>
/// <param name="Protection">lowmem_reserve[]: pages kept back from allocations that could use higher zones.</param>
public sealed record Zone(
    int Node,
    string Name,
    ulong FreePages,
    ulong Min,
    ulong Low,
    ulong High,
    ulong Present,
    ulong? Managed,
    IReadOnlyList<ulong> Protection)
{
    /// <summary>
    /// The pages this zone contributes to the kernel's totalreserve_pages
    /// (mm/page_alloc.c calculate_totalreserve_pages): the largest lowmem reserve plus the high
    /// watermark, capped at the zone's managed pages.
    /// </summary>
    public ulong ReservePages
    {
        get
        {
            var max = Protection.Count == 0 ? 0 : Protection.Max();
            var reserve = Saturating.Add(max, High);
            var managed = Managed ?? Present;
            return Math.Min(reserve, managed);
        }
    }
}

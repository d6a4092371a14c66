using HostDoc.Findings;
using HostDoc.Memory;
using HostDoc.Proc;
using HostDoc.Sources;

namespace HostDoc.Output;

/// <summary>
/// The explained part of <c>hostdoc mem</c>: what each of free's columns is made of, in the
/// kernel's terms, and the writeback limits with where each one bites.
/// </summary>
public static class MemoryBreakdownWriter
{
    /// <summary>Writes the breakdown of <paramref name="info"/> (free's figures in <paramref name="m"/>).</summary>
    public static void WriteBreakdown(TextWriter writer, Meminfo info, FreeSummary m, TextStyle style)
    {
        writer.Write($"\n{style.Bold("What the numbers are made of")}\n");
        Row(writer, "Buffers", info.Buffers, "page cache of block devices: blocks read or written through /dev/sdX directly, and filesystem metadata (nr_blockdev_pages)");
        Row(writer, "Cached", info.Cached, info.Shmem is { } shmem
            ? $"file pages in the page cache; {Quantity.Bytes(shmem)} of it is Shmem (tmpfs, shared memory), which can only be swapped, never dropped"
            : "file pages in the page cache");
        Row(writer, "SReclaimable", info.SReclaimable, "slab the kernel can free on demand (dentry and inode caches); free counts it in buff/cache");
        Row(writer, "SUnreclaim", info["SUnreclaim"], "slab the kernel cannot free");
        Row(writer, "Dirty", info.Dirty, "file pages changed in memory and not yet written back");
        Row(writer, "Writeback", info.Writeback, "pages being written back right now");
        Row(writer, "AnonPages", info["AnonPages"], "process memory not backed by a file (heap, stacks); only swap can evict it");
        Row(writer, "Available", m.Available, m.AvailableIsEstimate
            ? "MemFree, because this kernel has no MemAvailable (before 3.14)"
            : "MemAvailable: the kernel's estimate of what can be allocated without swapping; used = total - available");
    }

    /// <summary>Writes the writeback limits beside the kernel's own figures.</summary>
    public static void WriteWriteback(TextWriter writer, WritebackThresholds wb, TextStyle style)
    {
        writer.Write($"\n{style.Bold("Dirty-page writeback limits")} (computed as mm/page-writeback.c does; page size {wb.PageSize})\n");
        var reserve = wb.ReservePages is { } r ? $"reserve {Pages(r, wb)}" : "reserve unknown";
        Line(writer, "dirtyable memory", wb.DirtyablePages, wb, $"free - {reserve} + file LRU");
        Line(writer, "background limit", wb.ComputedBackgroundPages, wb,
            $"{Source(wb.BackgroundSource)}{Kernel(wb.KernelBackgroundPages)}: above it the flusher threads start writing back");
        Line(writer, "freerun ceiling", wb.FreerunPages, wb, "(background + hard) / 2 of the kernel's limits: above it balance_dirty_pages throttles writers");
        Line(writer, "hard limit", wb.ComputedHardPages, wb,
            $"{Source(wb.HardSource)}{Kernel(wb.KernelHardPages)}: at it writers sleep until writeback catches up");
        Line(writer, "dirty+writeback", wb.DirtyPages, wb, $"now, {Quantity.Percent(wb.DirtyPercentOfHard)} of the hard limit");
        if (wb.ExpireCentisecs is { } expire && wb.WritebackCentisecs is { } wake)
        {
            writer.Write($"  {"expire / wake-up",-18} {Quantity.Centiseconds(expire)} / {Quantity.Centiseconds(wake)}: data older than the first is written at the flushers' next wake-up\n");
        }

        foreach (var note in wb.Approximations)
        {
            writer.Write($"  {style.Dim("note: " + note)}\n");
        }
    }

    private static void Row(TextWriter writer, string name, ulong? bytes, string meaning)
    {
        if (bytes is { } b)
        {
            writer.Write($"  {name,-13} {Quantity.Bytes(b),10}  {meaning}\n");
        }
    }

    private static void Line(TextWriter writer, string name, ulong pages, WritebackThresholds wb, string meaning) =>
        writer.Write($"  {name,-18} {Quantity.Bytes(Saturating.Multiply(pages, (ulong)wb.PageSize)),10} {"(" + Quantity.Count(pages) + " pages)",-18} {meaning}\n");

    private static string Pages(ulong pages, WritebackThresholds wb) => Quantity.Bytes(Saturating.Multiply(pages, (ulong)wb.PageSize));

    private static string Source(LimitSource source) => source switch
    {
        LimitSource.Bytes => "set in bytes",
        LimitSource.HalfOfHardLimit => "half the hard limit",
        _ => "from the ratio",
    };

    private static string Kernel(ulong? pages) =>
        pages is { } k ? $"; kernel: {Quantity.Count(k)} pages" : "";
}

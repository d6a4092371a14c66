using HostDoc.Findings;
using HostDoc.Memory;
using HostDoc.Sources;

namespace HostDoc.Checks;

/// <summary>The wording of the writeback check's findings.</summary>
internal static class WritebackFindings
{
    private const string LimitsWhy =
        "The kernel lets dirty page cache grow up to limits it computes from dirtyable memory (free pages less its " +
        "reserve, plus the file LRU) and vm.dirty_* (mm/page-writeback.c). Above the background limit the flusher " +
        "threads start writing back; above the freerun ceiling, halfway to the hard limit, balance_dirty_pages slows " +
        "every writer in proportion; at the hard limit writers sleep until writeback catches up. Dirty pages stay in " +
        "RAM until written: a crash loses them, and a slow or failing disk turns them into stalled processes.";

    public static Finding DirtyNearLimit(WritebackThresholds wb, Severity severity)
    {
        var dirty = Quantity.Bytes(wb.DirtyBytes);
        var summary = severity switch
        {
            Severity.Critical => $"dirty+writeback {dirty} has reached the hard dirty limit {Quantity.Bytes(wb.HardBytes)}: writers are blocked until writeback catches up",
            Severity.Warning => $"dirty+writeback {dirty} is {Quantity.Percent(wb.DirtyPercentOfHard)} of the hard limit {Quantity.Bytes(wb.HardBytes)}: writers are being throttled",
            Severity.Info => $"dirty+writeback {dirty} is above the background limit {Quantity.Bytes(wb.BackgroundBytes)}: the flusher threads are writing back",
            _ => $"dirty+writeback {dirty}, below the background limit {Quantity.Bytes(wb.BackgroundBytes)} (hard limit {Quantity.Bytes(wb.HardBytes)})",
        };
        return new Finding(
            "memory.dirty-near-limit",
            severity,
            "writeback",
            summary,
            LimitsWhy,
            Evidence(wb),
            severity is Severity.Ok or Severity.Info && wb.DirtyPages <= wb.FreerunPages ? "" :
                "Find the writers (grep write_bytes /proc/*/io, or iotop -o) and the device they write to (iostat -x 1: " +
                "high await or %util); a failing disk shows in the kernel log. On large-memory hosts set " +
                "vm.dirty_background_bytes and vm.dirty_bytes (e.g. 256 MiB and 1 GiB) so bursts are flushed early instead " +
                "of piling up gigabytes.");
    }

    public static IReadOnlyList<Evidence> Evidence(WritebackThresholds wb)
    {
        var list = new List<Evidence>
        {
            new("dirty+writeback now", $"{Quantity.Bytes(wb.DirtyBytes)} ({Quantity.Percent(wb.DirtyPercentOfHard)} of the hard limit)", "/proc/vmstat nr_dirty + nr_writeback"),
            new("dirtyable memory", Quantity.Bytes(Saturating.Multiply(wb.DirtyablePages, (ulong)wb.PageSize)), "MemFree - reserve + file LRU"),
            new("background limit", Describe(wb.ComputedBackgroundPages, wb.BackgroundSource, wb.KernelBackgroundPages, wb.PageSize), "vm.dirty_background_*"),
            new("freerun ceiling", Quantity.Bytes(wb.FreerunBytes), "(background + hard) / 2"),
            new("hard limit", Describe(wb.ComputedHardPages, wb.HardSource, wb.KernelHardPages, wb.PageSize), "vm.dirty_*"),
        };
        if (wb.ExpireCentisecs is { } expire)
        {
            list.Add(new("dirty_expire_centisecs", Quantity.Centiseconds(expire), "/proc/sys/vm/dirty_expire_centisecs"));
        }

        list.AddRange(wb.Approximations.Select(a => new Evidence("note", a)));
        return list;
    }

    public static Finding BackgroundClamped(WritebackThresholds wb) => new(
        "writeback.background-clamped",
        Severity.Info,
        "writeback",
        $"the background dirty limit is set at or above the hard limit; the kernel uses half the hard limit ({Quantity.Bytes(wb.BackgroundBytes)})",
        "domain_dirty_limits() keeps the background threshold below the hard one: when vm.dirty_background_* is not " +
        "smaller than vm.dirty_*, background writeback starts at half the hard limit instead of where it was set.",
        Evidence(wb),
        "Set vm.dirty_background_ratio (or _bytes) below vm.dirty_ratio (or _bytes), typically a half or a quarter of it.");

    public static Finding PeriodicDisabled(WritebackThresholds wb) => new(
        "writeback.periodic-disabled",
        Severity.Warning,
        "writeback",
        "periodic writeback is disabled (vm.dirty_writeback_centisecs = 0): dirty data is written only under pressure or on sync",
        "With dirty_writeback_centisecs at 0 the flusher threads never wake on their own, so dirty_expire_centisecs " +
        "has no effect: data can stay dirty in RAM indefinitely and is lost on a crash or power cut.",
        Evidence(wb),
        "Unless this is a deliberate laptop-mode setting, restore it: sysctl vm.dirty_writeback_centisecs=500.");

    public static Finding LargeLimit(WritebackThresholds wb) => new(
        "writeback.large-limit",
        Severity.Info,
        "writeback",
        $"the hard dirty limit is {Quantity.Bytes(wb.HardBytes)} (a ratio of a large memory): a burst can queue that much for one disk",
        "Ratios scale with RAM: on a large-memory host vm.dirty_ratio allows gigabytes of dirty data, which a single " +
        "disk needs many seconds to write; fsync() and processes that reach the limit then stall for that long.",
        Evidence(wb),
        "Consider absolute limits: sysctl vm.dirty_background_bytes=268435456 vm.dirty_bytes=1073741824 (they override the ratios).");

    private static string Describe(ulong computedPages, LimitSource source, ulong? kernelPages, int pageSize)
    {
        var bytes = Saturating.Multiply(computedPages, (ulong)pageSize);
        var from = source switch
        {
            LimitSource.Bytes => "set in bytes",
            LimitSource.HalfOfHardLimit => "half the hard limit",
            _ => "from the ratio",
        };
        var kernel = kernelPages is { } k ? $"; the kernel reports {Quantity.Count(k)} pages" : "";
        return $"{Quantity.Bytes(bytes)} = {Quantity.Count(computedPages)} pages ({from}{kernel})";
    }
}

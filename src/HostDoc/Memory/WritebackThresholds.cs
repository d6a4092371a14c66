using HostDoc.Sources;

namespace HostDoc.Memory;

/// <summary>
/// The global dirty-page limits in bytes, computed as mm/page-writeback.c computes them
/// (global_dirtyable_memory and domain_dirty_limits, kernels 4.x–6.x), beside the kernel's own
/// figures from /proc/vmstat. Above <see cref="BackgroundBytes"/> the flusher threads start
/// writing back; between <see cref="FreerunBytes"/> and <see cref="HardBytes"/> writers are
/// throttled in balance_dirty_pages in proportion; at the hard limit they wait for writeback.
/// </summary>
/// <param name="PageSize">Bytes per page used for the arithmetic.</param>
/// <param name="DirtyablePages">Free pages less the kernel's reserve, plus the file LRU, plus one.</param>
/// <param name="ReservePages">totalreserve_pages from /proc/zoneinfo; null when zoneinfo could not be read (then 0 was used).</param>
/// <param name="ComputedHardPages">The hard limit (the kernel's dirty_thresh) as computed here.</param>
/// <param name="ComputedBackgroundPages">The background limit (bg_thresh) as computed here.</param>
/// <param name="HardSource">What set the hard limit.</param>
/// <param name="BackgroundSource">What set the background limit.</param>
/// <param name="DirtyPages">Pages counted against the limits now: nr_dirty + nr_writeback (+ nr_unstable before 5.9).</param>
/// <param name="KernelHardPages">nr_dirty_threshold as the kernel computed it when /proc/vmstat was read.</param>
/// <param name="KernelBackgroundPages">nr_dirty_background_threshold likewise.</param>
/// <param name="ExpireCentisecs">dirty_expire_centisecs: age at which dirty data is written back anyway.</param>
/// <param name="WritebackCentisecs">dirty_writeback_centisecs: how often the flushers wake.</param>
/// <param name="Approximations">Why the computed figures may differ from the kernel's, one sentence each.</param>
public sealed partial record WritebackThresholds(
    int PageSize,
    ulong DirtyablePages,
    ulong? ReservePages,
    ulong ComputedHardPages,
    ulong ComputedBackgroundPages,
    LimitSource HardSource,
    LimitSource BackgroundSource,
    ulong DirtyPages,
    ulong? KernelHardPages,
    ulong? KernelBackgroundPages,
    ulong? ExpireCentisecs,
    ulong? WritebackCentisecs,
    IReadOnlyList<string> Approximations)
{
    /// <summary>
    /// The hard limit in force: the kernel's own figure when /proc/vmstat has it (computed at the
    /// same instant as nr_dirty), else the computed one (kernels before 2.6.37).
    /// </summary>
    public ulong HardPages => KernelHardPages ?? ComputedHardPages;

    /// <summary>The background limit in force, chosen like <see cref="HardPages"/>.</summary>
    public ulong BackgroundPages => KernelBackgroundPages ?? ComputedBackgroundPages;

    /// <summary>The hard limit in bytes.</summary>
    public ulong HardBytes => Saturating.Multiply(HardPages, (ulong)PageSize);

    /// <summary>The background limit in bytes.</summary>
    public ulong BackgroundBytes => Saturating.Multiply(BackgroundPages, (ulong)PageSize);

    /// <summary>The freerun ceiling, (hard + background) / 2: below it balance_dirty_pages never throttles.</summary>
    public ulong FreerunPages => Saturating.Add(HardPages, BackgroundPages) / 2;

    /// <summary>The freerun ceiling in bytes.</summary>
    public ulong FreerunBytes => Saturating.Multiply(FreerunPages, (ulong)PageSize);

    /// <summary>Dirty plus writeback now, in bytes.</summary>
    public ulong DirtyBytes => Saturating.Multiply(DirtyPages, (ulong)PageSize);

    /// <summary>Dirty plus writeback as a percentage of the hard limit.</summary>
    public double DirtyPercentOfHard => HardPages == 0 ? 0 : 100.0 * DirtyPages / HardPages;

    /// <summary>The freerun ceiling as a percentage of the hard limit.</summary>
    public double FreerunPercentOfHard => HardPages == 0 ? 0 : 100.0 * FreerunPages / HardPages;

    /// <summary>Pages by which the computed hard limit differs from the kernel's; null when the kernel reports none.</summary>
    public ulong? HardDifferencePages =>
        KernelHardPages is { } k ? (k > ComputedHardPages ? k - ComputedHardPages : ComputedHardPages - k) : null;
}

using HostDoc.Proc;
using HostDoc.Proc.Sys.Vm;
using HostDoc.Sources;

namespace HostDoc.Memory;

public sealed partial record WritebackThresholds
{
    private const uint MaxLimitPages = uint.MaxValue;

    /// <summary>
    /// Computes the limits from the sources. Needs meminfo (MemFree), vmstat or meminfo for the
    /// file LRU, and the sysctls; zoneinfo refines the reserve.
    /// </summary>
    public static Sourced<WritebackThresholds> Compute(
        Sourced<Meminfo> meminfo,
        Sourced<Vmstat> vmstat,
        Sourced<Zoneinfo> zoneinfo,
        Sourced<DirtySysctls> sysctls,
        PageSize pageSize)
    {
        if (meminfo.Value is not { MemFree: { } memFree } info)
        {
            return Sourced<WritebackThresholds>.Failed(Blocking(meminfo, "MemFree"));
        }

        if (sysctls.Value is not { DirtyRatio: { } ratio, DirtyBackgroundRatio: { } bgRatio } vm)
        {
            return Sourced<WritebackThresholds>.Failed(sysctls.Problems);
        }

        var approximations = new List<string>();
        var stats = vmstat.Value;
        var page = pageSize.Bytes;
        if (pageSize.Approximation is { } guess)
        {
            approximations.Add(guess);
        }

        var filePages = FileLruPages(info, stats, page);
        if (filePages is null)
        {
            return Sourced<WritebackThresholds>.Failed(new SourceProblem(Vmstat.KernelPath, ProblemKind.Missing,
                "no nr_inactive_file/nr_active_file here nor Active(file)/Inactive(file) in /proc/meminfo (kernel before 2.6.28?)"));
        }

        var reserve = zoneinfo.Value?.TotalReservePages;
        if (reserve is null)
        {
            approximations.Add("/proc/zoneinfo was not readable, so the kernel's reserve (totalreserve_pages) counted as 0: the limits shown are upper bounds.");
        }

        if (info.HighTotal is > 0)
        {
            approximations.Add("32-bit highmem kernel: unless vm.highmem_is_dirtyable is set the kernel leaves highmem out, so the limits shown are upper bounds.");
        }

        var freePages = memFree / (ulong)page;
        var dirtyable = Saturating.Add(Saturating.Add(freePages - Math.Min(freePages, reserve ?? 0), filePages.Value), 1);
        var (hard, hardSource) = Limit(vm.DirtyBytes, ratio, dirtyable, page);
        var (background, bgSource) = Limit(vm.DirtyBackgroundBytes, bgRatio, dirtyable, page);
        hard = Math.Min(hard, MaxLimitPages);
        if (background >= hard)
        {
            background = hard / 2;
            bgSource = LimitSource.HalfOfHardLimit;
        }

        var dirtyNow = stats is { NrDirty: { } d, NrWriteback: { } w }
            ? Saturating.Add(Saturating.Add(d, w), stats.NrUnstable ?? 0)
            : Saturating.Add(Saturating.Add(info.Dirty ?? 0, info.Writeback ?? 0), info.NfsUnstable ?? 0) / (ulong)page;

        var result = new WritebackThresholds(page, dirtyable, reserve, hard, background, hardSource, bgSource, dirtyNow,
            stats?.NrDirtyThreshold, stats?.NrDirtyBackgroundThreshold, vm.DirtyExpireCentisecs, vm.DirtyWritebackCentisecs,
            approximations);
        var problems = meminfo.Problems.Concat(vmstat.Problems).Concat(zoneinfo.Problems).Concat(sysctls.Problems).ToArray();
        return Sourced<WritebackThresholds>.Partial(result, problems);
    }

    /// <summary>
    /// One limit as domain_dirty_limits sets it: a non-zero byte setting rounded up to pages, else
    /// the ratio scaled per page for precision ((ratio × PAGE_SIZE / 100) × dirtyable / PAGE_SIZE).
    /// </summary>
    private static (ulong Pages, LimitSource Source) Limit(ulong? bytes, ulong ratio, ulong dirtyable, int pageSize)
    {
        var page = (ulong)pageSize;
        if (bytes is > 0)
        {
            return (bytes.Value / page + (bytes.Value % page == 0 ? 0UL : 1UL), LimitSource.Bytes);
        }

        // Saturating: only a damaged tree (a ratio or page count beyond any machine) gets near the top, where the
        // limit is capped at MaxLimitPages anyway.
        var perPage = Saturating.Multiply(ratio, page) / 100;
        return (Saturating.Multiply(perPage, dirtyable) / page, LimitSource.Ratio);
    }

    private static ulong? FileLruPages(Meminfo info, Vmstat? stats, int pageSize)
    {
        if (stats is { NrInactiveFile: { } inactive, NrActiveFile: { } active })
        {
            return Saturating.Add(inactive, active);
        }

        return info is { InactiveFile: { } i, ActiveFile: { } a } ? Saturating.Add(i, a) / (ulong)pageSize : null;
    }

    private static IReadOnlyList<SourceProblem> Blocking(Sourced<Meminfo> meminfo, string field) =>
        meminfo.Value is null || meminfo.Problems.Count > 0
            ? meminfo.Problems
            : [new SourceProblem(Meminfo.KernelPath, ProblemKind.Malformed, $"expected a {field} line, found none", Field: field)];
}

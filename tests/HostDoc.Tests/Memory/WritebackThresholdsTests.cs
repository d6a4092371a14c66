using HostDoc.Memory;
using HostDoc.Proc;
using HostDoc.Proc.Sys.Vm;
using HostDoc.Sources;
using Xunit;

namespace HostDoc.Tests.Memory;

public sealed class WritebackThresholdsTests
{
    private static readonly PageSize Page4K = new(4096, null);

    [Fact]
    public void Matches_the_kernels_thresholds_exactly_on_a_consistent_capture()
    {
        var wb = Fixtures.Host("vm-6.18-idle").Writeback.Value!;
        Assert.Equal(wb.KernelHardPages, wb.ComputedHardPages);
        Assert.Equal(wb.KernelBackgroundPages, wb.ComputedBackgroundPages);
        Assert.Equal(LimitSource.Ratio, wb.HardSource);
    }

    [Fact]
    public void Matches_the_kernels_thresholds_within_one_page_on_this_host()
    {
        // vmstat, meminfo, vmstat in quick succession: when both vmstat reads agree, the meminfo
        // between them saw the MemFree the kernel used. Retried until the host is still for a moment.
        // Other tests run in parallel and allocate memory, so allow a few seconds for a still moment.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var before = Vmstat.Read(HostRoot.Live);
            var meminfo = Meminfo.Read(HostRoot.Live);
            var after = Vmstat.Read(HostRoot.Live);
            if (before.Value!.NrDirtyThreshold != after.Value!.NrDirtyThreshold)
            {
                continue;
            }

            var wb = WritebackThresholds.Compute(meminfo, after, Zoneinfo.Read(HostRoot.Live), DirtySysctls.Read(HostRoot.Live),
                new PageSize(Environment.SystemPageSize, null)).Value!;
            Assert.InRange((long)wb.ComputedHardPages - (long)wb.KernelHardPages!.Value, -1, 1);
            Assert.InRange((long)wb.ComputedBackgroundPages - (long)wb.KernelBackgroundPages!.Value, -1, 1);
            return;
        }

        Assert.Fail("the host never held still for one vmstat/meminfo/vmstat read");
    }

    [Fact]
    public void Ratios_use_the_kernels_per_page_precision()
    {
        // 20% of 1,000,000 dirtyable pages: (20*4096/100 = 819) * 1e6 / 4096 = 199951, not 200000.
        var wb = Compute(freePages: 1_000_000 - 1, filePages: 0, reserve: 0, new DirtySysctls(20, 10, 0, 0, 3000, 500));
        Assert.Equal(1_000_000UL, wb.DirtyablePages);
        Assert.Equal(199951UL, wb.ComputedHardPages);
        Assert.Equal(99853UL, wb.ComputedBackgroundPages);   // 409 * 1e6 / 4096
    }

    [Fact]
    public void Bytes_override_ratios_and_round_up_to_pages()
    {
        var wb = Compute(1_000_000, 0, 0, new DirtySysctls(0, 0, 1_000_001, 4096, 3000, 500));
        Assert.Equal(245UL, wb.ComputedHardPages);   // ceil(1000001 / 4096)
        Assert.Equal(1UL, wb.ComputedBackgroundPages);
        Assert.Equal(LimitSource.Bytes, wb.HardSource);
        Assert.Equal(LimitSource.Bytes, wb.BackgroundSource);
    }

    [Fact]
    public void Background_at_or_above_the_hard_limit_becomes_half_of_it()
    {
        var wb = Compute(1_000_000, 0, 0, new DirtySysctls(10, 30, 0, 0, 3000, 500));
        Assert.Equal(wb.ComputedHardPages / 2, wb.ComputedBackgroundPages);
        Assert.Equal(LimitSource.HalfOfHardLimit, wb.BackgroundSource);
    }

    [Fact]
    public void The_reserve_is_taken_from_free_pages_only_and_never_below_zero()
    {
        var wb = Compute(freePages: 100, filePages: 5000, reserve: 1000, new DirtySysctls(20, 10, 0, 0, 3000, 500));
        Assert.Equal(5000UL + 1, wb.DirtyablePages);
    }

    [Fact]
    public void Without_zoneinfo_the_limits_are_upper_bounds_and_say_so()
    {
        var wb = WritebackThresholds.Compute(MeminfoOf(1000), VmstatOf(0), Sourced<Zoneinfo>.Failed(
            new SourceProblem(Zoneinfo.KernelPath, ProblemKind.PermissionDenied, "permission denied")),
            Sourced<DirtySysctls>.Of(new DirtySysctls(20, 10, 0, 0, 3000, 500)), Page4K);
        Assert.Null(wb.Value!.ReservePages);
        Assert.Contains(wb.Value.Approximations, a => a.Contains("upper bounds", StringComparison.Ordinal));
        Assert.Single(wb.Problems);
    }

    [Fact]
    public void The_kernels_own_figures_are_the_limits_in_force()
    {
        var wb = Fixtures.Host("vm-6.18-dirty-burst").Writeback.Value!;
        Assert.Equal(1210470UL, wb.HardPages);
        Assert.Equal(604496UL, wb.BackgroundPages);
        Assert.Equal(591170UL + 12288, wb.DirtyPages);
        Assert.Equal((1210470UL + 604496) / 2, wb.FreerunPages);
    }

    [Fact]
    public void A_tree_without_a_page_size_infers_it()
    {
        var host = Fixtures.Host("node-exporter-1.5.0");
        Assert.Equal(4096, host.PageSize.Bytes);
        Assert.NotNull(host.PageSize.Approximation);
    }

    private static WritebackThresholds Compute(ulong freePages, ulong filePages, ulong reserve, DirtySysctls sysctls)
    {
        var zone = $"Node 0, zone Normal\n  pages free {freePages}\n  high {reserve}\n  managed {reserve + freePages}\n  protection: (0, 0)\n";
        return WritebackThresholds.Compute(MeminfoOf(freePages), VmstatOf(filePages),
            Sourced<Zoneinfo>.FromParse(Zoneinfo.KernelPath, Zoneinfo.Parse(zone)), Sourced<DirtySysctls>.Of(sysctls), Page4K).Value!;
    }

    private static Sourced<Meminfo> MeminfoOf(ulong freePages) =>
        Sourced<Meminfo>.FromParse(Meminfo.KernelPath,
            Meminfo.Parse($"MemTotal: {freePages * 8} kB\nMemFree: {freePages * 4} kB\n"));

    private static Sourced<Vmstat> VmstatOf(ulong filePages) =>
        Sourced<Vmstat>.FromParse(Vmstat.KernelPath,
            Vmstat.Parse($"nr_inactive_file {filePages}\nnr_active_file 0\nnr_dirty 0\nnr_writeback 0\n"));
}

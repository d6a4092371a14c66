using HostDoc.Checks;
using HostDoc.Findings;
using Xunit;

namespace HostDoc.Tests.Checks;

public sealed class WritebackCheckTests
{
    [Fact]
    public void A_burst_held_at_the_background_limit_is_ok()
    {
        var result = Fixtures.Run("vm-6.18-dirty-burst", "writeback");
        var finding = result.Findings.Single(f => f.Id == "memory.dirty-near-limit");
        Assert.Equal(Severity.Ok, finding.Severity);
        Assert.Equal(0, result.Worst.ExitCode());
    }

    // Copies of the dirty-burst capture with nr_dirty raised to put dirty+writeback (12288 pages
    // of writeback in the capture) past each of the kernel's limits in that capture:
    // background 604496, freerun (604496 + 1210470) / 2 = 907483, hard 1210470 pages.
    [Theory]
    [InlineData(600000, Severity.Info)]      // 612288: above background, flushers running
    [InlineData(895195, Severity.Warning)]   // 907483: exactly the freerun ceiling, throttling starts
    [InlineData(895194, Severity.Info)]      // one page below it
    [InlineData(1198182, Severity.Critical)] // 1210470: exactly the hard limit
    [InlineData(1198181, Severity.Warning)]
    public void Severity_follows_where_the_kernel_starts_flushing_throttling_and_blocking(int nrDirty, Severity expected)
    {
        using var tree = BurstWith(nrDirty);
        var result = Fixtures.RunOn(tree.Root, "writeback");
        Assert.Equal(expected, result.Findings.Single(f => f.Id == "memory.dirty-near-limit").Severity);
    }

    [Fact]
    public void User_thresholds_are_percent_of_the_hard_limit()
    {
        Assert.True(NagiosRange.TryParse("@40:", out var warning, out _));
        Assert.True(NagiosRange.TryParse("@49.8:", out var critical, out _));
        var settings = new CheckSettings(new Dictionary<string, NagiosRange> { ["dirty"] = warning }, new Dictionary<string, NagiosRange> { ["dirty"] = critical });
        var result = Fixtures.Run("vm-6.18-dirty-burst", "writeback", settings);
        Assert.Equal(Severity.Critical, result.Worst);   // 603458 / 1210470 = 49.85%
        var dirty = result.Measurements.Single(m => m.Label == "dirty");
        Assert.Equal(Math.Floor(0.40 * 1210470 * 4096), dirty.Warning);
    }

    [Fact]
    public void Periodic_writeback_switched_off_is_a_warning()
    {
        using var tree = BurstWith(0);
        tree.Write("/proc/sys/vm/dirty_writeback_centisecs", "0\n");
        var result = Fixtures.RunOn(tree.Root, "writeback");
        Assert.Equal(Severity.Warning, result.Findings.Single(f => f.Id == "writeback.periodic-disabled").Severity);
    }

    [Fact]
    public void A_background_ratio_above_the_hard_one_is_reported()
    {
        using var tree = BurstWith(0);
        tree.Write("/proc/sys/vm/dirty_background_ratio", "30\n");
        tree.Write("/proc/vmstat", Fixtures.Text("vm-6.18-dirty-burst", "/proc/vmstat")
            .Replace("nr_dirty_threshold 1210470\nnr_dirty_background_threshold 604496\n", "", StringComparison.Ordinal));
        var result = Fixtures.RunOn(tree.Root, "writeback");
        Assert.Contains(result.Findings, f => f.Id == "writeback.background-clamped");
    }

    [Fact]
    public void Without_the_sysctls_it_cannot_decide()
    {
        var result = Fixtures.Run("node-exporter-1.5.0", "writeback");
        Assert.Equal(Severity.Unknown, result.Worst);
        Assert.Equal("writeback.source-unreadable", Assert.Single(result.Findings).Id);
    }

    private static TempTree BurstWith(int nrDirty)
    {
        var tree = new TempTree();
        foreach (var file in Directory.EnumerateFiles(Fixtures.Dir("vm-6.18-dirty-burst"), "*", SearchOption.AllDirectories))
        {
            var kernelPath = file[Fixtures.Dir("vm-6.18-dirty-burst").Length..];
            tree.CopyFrom("vm-6.18-dirty-burst", kernelPath);
        }

        tree.Write("/proc/vmstat", Fixtures.Text("vm-6.18-dirty-burst", "/proc/vmstat")
            .Replace("\nnr_dirty 591170\n", $"\nnr_dirty {nrDirty}\n", StringComparison.Ordinal));
        return tree;
    }
}

using HostDoc.Checks;
using HostDoc.Findings;
using Xunit;

namespace HostDoc.Tests.Checks;

public sealed class MemoryCheckTests
{
    [Fact]
    public void An_idle_host_is_ok_and_says_there_is_no_swap()
    {
        var result = Fixtures.Run("vm-6.18-idle", "memory");
        Assert.Equal(Severity.Ok, result.Worst);
        Assert.Equal("no swap configured", result.Findings.Single(f => f.Id == "memory.swap-exhausted").Summary);
    }

    [Fact]
    public void An_old_kernel_is_judged_on_the_estimate_not_on_MemFree()
    {
        var result = Fixtures.Run("node-exporter-1.5.0", "memory");
        var available = result.Findings.Single(f => f.Id == "memory.available-low");
        Assert.Equal(Severity.Warning, available.Severity);
        Assert.StartsWith("about 275 MiB of 3.57 GiB available (7.5%)", available.Summary, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Id == "memory.available-estimated" && f.Severity == Severity.Info);
    }

    [Fact]
    public void Thresholds_can_be_set_per_key()
    {
        Assert.True(NagiosRange.TryParse("80:", out var swapWarning, out _));
        var settings = new CheckSettings(new Dictionary<string, NagiosRange> { ["swap-free"] = swapWarning }, new Dictionary<string, NagiosRange>());
        var result = Fixtures.Run("node-exporter-1.5.0", "memory", settings);
        Assert.Equal(Severity.Warning, result.Findings.Single(f => f.Id == "memory.swap-exhausted").Severity);   // 75% free
    }

    [Fact]
    public void A_torn_meminfo_is_unknown_with_the_line_that_is_wrong()
    {
        var result = Fixtures.Run("malformed-meminfo", "memory");
        Assert.Equal(Severity.Unknown, result.Worst);
        Assert.StartsWith("/proc/meminfo line 3: expected", Assert.Single(result.Findings).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Perfdata_thresholds_are_the_byte_points_where_alerts_start()
    {
        var result = Fixtures.Run("vm-6.18-idle", "memory");
        var available = result.Measurements.Single(m => m.Label == "available");
        Assert.Equal(Math.Floor(available.Max!.Value * 0.10), available.Warning);
        Assert.Equal(Math.Floor(available.Max!.Value * 0.05), available.Critical);
    }
}

using HostDoc.Checks;
using HostDoc.Findings;
using Xunit;

namespace HostDoc.Tests.Checks;

public sealed class IoCheckTests
{
    [Fact]
    public void The_slow_loop_device_since_boot_is_critical_and_the_others_are_not()
    {
        using var tree = new TempTree();
        tree.Write("/proc/diskstats", Fixtures.Text("diskstats/vm-6.18-slow-loop", "/diskstats.2"));
        tree.Write("/proc/uptime", Fixtures.Text("diskstats/vm-6.18-slow-loop", "/uptime.2"));
        var result = Fixtures.RunOn(tree.Root, "io");
        var slow = Assert.Single(result.Findings, f => f.Id == "disk.slow" && f.Severity != Severity.Ok);
        Assert.Equal(("loop1", Severity.Critical), (slow.Subject, slow.Severity));
        Assert.StartsWith("loop1: 1,716 ms per request since boot", slow.Summary, StringComparison.Ordinal);
        Assert.Contains("above the virtual limit of 250 ms", slow.Summary, StringComparison.Ordinal);   // no sysfs: judged as a virtual device
        Assert.Equal("true", FindingData.TextOf(slow.Data, "since_boot"));
        Assert.Contains(result.Measurements, m => m.Label == "loop1_await" && m.Value > 1700);
    }

    [Fact]
    public void Thresholds_are_settable_per_device_class()
    {
        using var tree = new TempTree();
        tree.Write("/proc/diskstats", Fixtures.Text("diskstats/vm-6.18-slow-loop", "/diskstats.2"));
        tree.Write("/proc/uptime", Fixtures.Text("diskstats/vm-6.18-slow-loop", "/uptime.2"));
        var settings = new CheckSettings(
            new Dictionary<string, NagiosRange> { ["virtual-await"] = Range("~:5000") },
            new Dictionary<string, NagiosRange> { ["virtual-await"] = Range("~:10000") });
        var result = Fixtures.RunOn(tree.Root, "io", settings);
        Assert.Equal(Severity.Ok, result.Worst);
    }

    [Fact]
    public void The_failing_disk_since_boot_is_a_healthy_disk_and_says_so()
    {
        var result = Fixtures.RunOn(HostRoot.At(Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk")), "io");
        var ok = Assert.Single(result.Findings);
        Assert.Equal((Severity.Ok, "disks"), (ok.Severity, ok.Subject));
        Assert.Equal("2 devices since boot; highest await sdf 10.94 ms (hdd), busiest sdf 10%", ok.Summary);   // sdf1 is sdf's: left out
    }

    [Fact]
    public void Without_diskstats_the_check_cannot_decide()
    {
        using var tree = new TempTree();
        tree.Write("/proc/uptime", "1.00 1.00\n");
        var result = Fixtures.RunOn(tree.Root, "io");
        Assert.Equal(Severity.Unknown, result.Worst);
        Assert.Contains("/proc/diskstats", result.Findings[0].Summary, StringComparison.Ordinal);
    }

    private static NagiosRange Range(string text) => NagiosRange.TryParse(text, out var range, out _) ? range : throw new ArgumentException(text);
}

using HostDoc.Checks;
using HostDoc.Findings;
using Xunit;

namespace HostDoc.Tests.Checks;

public sealed class DiskCheckTests
{
    private const string Scenario = "/tmp/hostdoc-scenario.VOTZQK/mnt/";

    private static CheckResult Scenarios(CheckSettings? settings = null) => Fixtures.Run("vm-6.18-mounts", "disk", settings);

    [Fact]
    public void An_ext4_error_remount_is_critical_with_the_recorded_error()
    {
        var findings = Scenarios().Findings.Where(f => f.Subject == Scenario + "ext4-errors").ToArray();
        var forced = findings.Single(f => f.Id == "disk.forced-readonly");
        Assert.Equal(Severity.Critical, forced.Severity);
        Assert.Contains(forced.Evidence, e => e.Value.Contains("emergency_ro", StringComparison.Ordinal));
        var errors = findings.Single(f => f.Id == "disk.fs-errors");
        Assert.Equal(Severity.Critical, errors.Severity);
        Assert.Contains("1 recorded filesystem error(s), last at 2026-11-25 04:15:44Z in trigger_test_error", errors.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_tmpfs_and_an_inode_exhausted_one_are_critical()
    {
        var result = Scenarios();
        Assert.Equal(Severity.Critical, result.Findings.Single(f => f.Id == "disk.space-low" && f.Subject == Scenario + "full").Severity);
        var inodes = result.Findings.Single(f => f.Id == "disk.inodes-low");
        Assert.Equal(Scenario + "no-inodes", inodes.Subject);
        Assert.Equal($"{Scenario}no-inodes inodes: used 61 of 64 (4.7% free)", inodes.Summary);
    }

    [Fact]
    public void Btrfs_has_no_inode_figures_and_no_inode_alert()
    {
        var result = Scenarios();
        var btrfs = result.Findings.Single(f => f.Subject == Scenario + "btrfs");
        Assert.EndsWith("inodes: no fixed table", btrfs.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Measurements, m => m.Label == Scenario + "btrfs inodes");
    }

    [Fact]
    public void Text_states_free_of_size_with_the_reserve_and_inodes_used_of_total()
    {
        var root = Scenarios().Findings.Single(f => f.Id == "disk.space-low" && f.Subject == "/");
        Assert.Equal("/ free 79.0 GiB of 252 GiB (86% of usable space; 160 GiB reserved for root), inodes: used 417255 of 16777216 (98% free)", root.Summary);
    }

    [Fact]
    public void Perfdata_thresholds_agree_with_the_alert_point()
    {
        var result = Scenarios();
        var root = result.Measurements.Single(m => m.Label == "/");
        // usable = used + avail; warning at 10% free of usable, so used >= 90% of usable.
        Assert.Equal((66053021.0 - 62563171 + 20704643) * 4096, root.Max!.Value, 0);   // the tree's statvfs line for /
        Assert.Equal(Math.Ceiling(root.Max!.Value * 0.9), root.Warning);
        Assert.True(root.Value < root.Warning);
    }

    [Fact]
    public void A_mount_that_did_not_answer_is_critical()
    {
        using var tree = new TempTree();
        tree.CopyFrom("vm-6.18-mounts", "/proc/self/mountinfo");
        tree.Write("/hostdoc/statvfs", Fixtures.Text("vm-6.18-mounts", "/hostdoc/statvfs")
            .Replace($"{Scenario}full 4096 256 0 0 3085511 3085509 3085509 rw", $"{Scenario}full hang", StringComparison.Ordinal));
        var result = Fixtures.RunOn(tree.Root, "disk");
        var hung = result.Findings.Single(f => f.Id == "disk.not-answering");
        Assert.Equal(Severity.Critical, hung.Severity);
        Assert.Equal(Scenario + "full", hung.Subject);
    }

    [Fact]
    public void Paths_select_the_filesystem_that_holds_them()
    {
        var values = new Dictionary<string, IReadOnlyList<string>> { ["path"] = [Scenario + "bind", "/no/such/path"] };
        var result = Scenarios(new CheckSettings(new Dictionary<string, NagiosRange>(), new Dictionary<string, NagiosRange>(), values));
        Assert.Equal(Scenario + "with space", result.Findings.Single(f => f.Id == "disk.space-low").Subject);
        Assert.Equal(Severity.Unknown, result.Findings.Single(f => f.Id == "disk.path-not-found").Severity);
    }
}

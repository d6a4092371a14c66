using HostDoc.Checks.CheckDisk;
using Xunit;

namespace HostDoc.Tests.Checks.CheckDisk;

public sealed class CheckDiskParserTests
{
    // Texts and exit codes as Debian 12's check_disk 2.3.3 prints them (observed on this machine).
    [Theory]
    [InlineData("DISK UNKNOWN: Must set a threshold value before using -p\n", "-p", "/")]
    [InlineData("DISK UNKNOWN: Must set a threshold value before using -r/-R\n", "-A")]
    [InlineData("DISK UNKNOWN: Must set group value before selecting paths\n", "-w", "5%", "-p", "/", "-g", "x")]
    [InlineData("DISK UNKNOWN: Must set -E before selecting paths\n", "-w", "5%", "-p", "/", "-E")]
    [InlineData("DISK UNKNOWN: Paths need to be selected before using -i/-I. Use -A to select all paths explicitly\n", "-w", "5%", "-i", "x")]
    [InlineData("unit type XB not known\n", "-u", "XB", "-w", "1", "-p", "/")]
    [InlineData("Argument for --warning invalid or missing: abc\n", "-w", "abc", "-p", "/")]
    public void Usage_errors_print_what_check_disk_prints_and_exit_3(string expected, params string[] args)
    {
        var (plan, error) = CheckDiskParser.Parse(args, 10);
        Assert.Null(plan);
        Assert.Equal(expected, error!.Text);
        Assert.Equal(3, error.ExitCode);
    }

    [Fact]
    public void Unknown_options_and_bad_timeouts_print_the_usage()
    {
        Assert.StartsWith("Unknown argument\nUsage:\n check_disk {-w", CheckDiskParser.Parse(["-z"], 10).Error!.Text, StringComparison.Ordinal);
        Assert.StartsWith("check_disk: Timeout interval must be a positive integer - abc\nUsage:", CheckDiskParser.Parse(["-w", "1", "-t", "abc"], 10).Error!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_bind_to_the_paths_that_follow_them()
    {
        var plan = CheckDiskParser.Parse(["-w", "10%", "-c", "5%", "-p", "/tmp", "-p", "/var", "-C", "-w", "100000", "-c", "50000", "-p", "/"], 10).Plan!;
        var paths = plan.Selections.OfType<SelectPath>().ToArray();
        Assert.Equal(["/tmp", "/var", "/"], paths.Select(p => p.Path));
        Assert.Equal(10, paths[0].Thresholds.FreePercentWarning!.Value.End);
        Assert.Null(paths[2].Thresholds.FreePercentWarning);
        Assert.Equal(100000, paths[2].Thresholds.FreeUnitsWarning!.Value.End);
        Assert.True(paths[2].Thresholds.FreeUnitsWarning!.Value.Inside);
    }

    [Fact]
    public void Long_options_attached_values_and_the_legacy_positional_form()
    {
        var plan = CheckDiskParser.Parse(["--warning=20%", "-c10%", "--units", "GB", "-eP", "--path=/"], 10).Plan!;
        Assert.Equal(1UL << 30, plan.Multiplier);
        Assert.Equal("GiB", plan.UnitLabel);
        Assert.True(plan.ErrorsOnly && plan.InodePerfdata);
        Assert.Equal("/", Assert.Single(plan.Selections.OfType<SelectPath>()).Path);

        var legacy = CheckDiskParser.Parse(["10", "5", "/"], 10).Plan!;
        var path = Assert.Single(legacy.Selections.OfType<SelectPath>());
        Assert.Equal(10, path.Thresholds.UsedPercentWarning!.Value.End);
        Assert.False(path.Thresholds.UsedPercentWarning!.Value.Inside);
    }
}

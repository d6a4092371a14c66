using Xunit;

namespace HostDoc.Tests.Cli;

public sealed class IostatCommandTests
{
    private static readonly string Sample = Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk");

    [Fact]
    public void A_tree_gives_the_averages_since_boot_of_whole_devices_with_their_dm_names()
    {
        var run = CliRun.Of("--root", Sample, "iostat");
        Assert.Equal(0, run.Code);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("since boot (5043.46 s): averages since each device appeared", lines[0]);
        Assert.StartsWith("Device ", lines[1], StringComparison.Ordinal);
        Assert.Equal(["sdf", "dm-0"], lines.Skip(2).Select(l => l.Split(' ')[0]));
        Assert.StartsWith("dm-0 (vg-data)", lines[3], StringComparison.Ordinal);
        // sdf: 129341 reads, 1552092 ms → r_await 12.00; 102331 writes, 982378 ms → w_await 9.60 (2.6.18's 11 counters)
        var sdf = lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(("25.65", "12.00", "20.29", "9.60", "2"), (sdf[1], sdf[5], sdf[7], sdf[11], sdf[^1]));
    }

    [Fact]
    public void Partitions_of_a_2_6_kernel_show_dashes_where_they_have_no_times()
    {
        var run = CliRun.Of("--root", Sample, "iostat", "--partitions");
        var sdf1 = run.Out.Split('\n').Single(l => l.StartsWith("sdf1 ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(("25.60", "-", "-", "-", "38.12"), (sdf1[1], sdf1[3], sdf1[4], sdf1[5], sdf1[6]));
        Assert.Equal("-", sdf1[^1]);
    }

    [Theory]
    [InlineData("iostat", "--interval", "0")]
    [InlineData("iostat", "--interval", "abc")]
    [InlineData("iostat", "--count", "-1")]
    [InlineData("iostat", "--format", "xml")]
    [InlineData("iostat", "--bogus")]
    [InlineData("iostat", "--since-boot=yes")]
    public void Bad_options_are_usage_errors(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(2, run.Code);
        Assert.Contains("iostat: options are --interval SECONDS", run.Error, StringComparison.Ordinal);
    }
}

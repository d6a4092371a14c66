using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.Proc;

public sealed class VmstatTests
{
    [Fact]
    public void Parses_counters_and_keeps_unknown_ones()
    {
        var result = Vmstat.Parse("nr_free_pages 860826\nnr_dirty 23\nnr_dirty_threshold 1224017\nnr_brand_new 5\n");
        Assert.True(result.Success);
        Assert.Equal(23UL, result.Value.NrDirty);
        Assert.Equal(1224017UL, result.Value.NrDirtyThreshold);
        Assert.Equal(5UL, result.Value["nr_brand_new"]);
        Assert.Null(result.Value.NrUnstable);
    }

    [Theory]
    [InlineData("nr_dirty")]
    [InlineData("nr_dirty x")]
    [InlineData("nr_dirty -1")]
    public void Malformed_lines_are_errors_with_the_counter_name(string bad)
    {
        var result = Vmstat.Parse($"nr_free_pages 1\n{bad}\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Equal(1UL, result.Value["nr_free_pages"]);
    }

    [Theory]
    [InlineData("vm-6.18-idle")]
    [InlineData("vm-6.18-dirty-burst")]
    [InlineData("node-exporter-1.5.0")]
    public void Reads_captured_trees_cleanly(string tree)
    {
        var sourced = Vmstat.Read(Fixtures.Root(tree));
        Assert.True(sourced.IsClean);
        Assert.NotNull(sourced.Value!.NrDirtyThreshold);
    }

    [Fact]
    public void The_live_host_parses_cleanly()
    {
        var sourced = Vmstat.Read(HostRoot.Live);
        Assert.True(sourced.IsClean, string.Join("; ", sourced.Problems));
        Assert.True(sourced.Value!.Counters.Count > 50);
    }
}

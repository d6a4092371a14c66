using HostDoc.Memory;
using HostDoc.Output;
using HostDoc.Proc;
using HostDoc.Sources;
using Xunit;

namespace HostDoc.Tests.Memory;

public sealed class FreeSummaryTests
{
    [Theory]
    [InlineData("vm-6.18-idle")]
    [InlineData("vm-6.18-dirty-burst")]
    [InlineData("node-exporter-1.5.0")]
    public void Agrees_with_procps_free_b_byte_for_byte_on_the_same_meminfo(string tree)
    {
        var text = Fixtures.Text(tree, "/proc/meminfo");
        AssertSameAsFree(text);
    }

    [Fact]
    public void Agrees_with_procps_free_b_on_this_host_now()
    {
        // One read of the live file, then both tools on that same text.
        var text = HostRoot.Live.ReadText(Meminfo.KernelPath).Value!;
        AssertSameAsFree(text);
    }

    [Fact]
    public void Agrees_with_free_when_MemAvailable_exceeds_MemTotal_as_in_some_containers()
    {
        var text = System.Text.RegularExpressions.Regex.Replace(
            Fixtures.Text("vm-6.18-idle", "/proc/meminfo"), @"MemAvailable:\s+\d+ kB", "MemAvailable:   99999999 kB");
        Assert.Contains("99999999", text, StringComparison.Ordinal);
        AssertSameAsFree(text);
        var summary = Compute(text);
        Assert.True(summary.AvailableIsEstimate);
        Assert.Equal(summary.Free, summary.Available);
    }

    [Fact]
    public void Without_MemAvailable_available_is_MemFree_as_procps_4_does()
    {
        var summary = Compute(Fixtures.Text("node-exporter-1.5.0", "/proc/meminfo"));
        Assert.True(summary.AvailableIsEstimate);
        Assert.Equal(225472UL * 1024, summary.Available);
        Assert.Equal((3742148UL - 225472) * 1024, summary.Used);
        Assert.Equal((22040UL + 930888 + 44772) * 1024, summary.BuffCache);
        Assert.Equal((4194300UL - 3155360) * 1024, summary.SwapUsed);
    }

    [Fact]
    public void A_malformed_input_field_fails_rather_than_guessing()
    {
        var sourced = FreeSummary.Compute(Meminfo.Read(Fixtures.Root("malformed-meminfo")));
        Assert.Null(sourced.Value);
        Assert.Equal("MemAvailable", Assert.Single(sourced.Problems).Field);
    }

    [Fact]
    public void A_malformed_field_it_does_not_use_leaves_a_partial_result()
    {
        var text = Fixtures.Text("vm-6.18-idle", "/proc/meminfo") + "Hugetlb:   lots kB\n";
        var sourced = FreeSummary.Compute(Sourced<Meminfo>.FromParse(Meminfo.KernelPath, Meminfo.Parse(text)));
        Assert.NotNull(sourced.Value);
        Assert.Equal("Hugetlb", Assert.Single(sourced.Problems).Field);
    }

    private static void AssertSameAsFree(string meminfo)
    {
        var expected = FreeOracle.FreeBytes(meminfo);
        var writer = new StringWriter();
        FreeTableWriter.Write(writer, Compute(meminfo), FreeUnit.Bytes);
        Assert.Equal(expected, writer.ToString());
    }

    private static FreeSummary Compute(string meminfo) =>
        FreeSummary.Compute(Sourced<Meminfo>.FromParse(Meminfo.KernelPath, Meminfo.Parse(meminfo))).Value!;
}

using System.Diagnostics;
using HostDoc.Cpus;
using Xunit;

namespace HostDoc.Tests.Cpus;

public sealed class CpuListTests
{
    [Theory]
    [InlineData("0-3,8,10-15", new[] { 0, 1, 2, 3, 8, 10, 11, 12, 13, 14, 15 })]
    [InlineData("0-3,8,10-15\n", new[] { 0, 1, 2, 3, 8, 10, 11, 12, 13, 14, 15 })]
    [InlineData(" 1 , 3 ", new[] { 1, 3 })]
    [InlineData("", new int[0])]
    [InlineData("\n", new int[0])]
    [InlineData("0-15:2/4", new[] { 0, 1, 4, 5, 8, 9, 12, 13 })]
    [InlineData("0-1023:1/256", new[] { 0, 256, 512, 768 })]
    [InlineData("5", new[] { 5 })]
    public void Parses_the_kernels_list_syntax(string text, int[] cpus)
    {
        Assert.True(CpuList.TryParse(text, out var list, out var error), error);
        Assert.Equal(cpus, list.Cpus);
    }

    [Theory]
    [InlineData("0-3,8,10-15")]
    [InlineData("0")]
    [InlineData("0,2,4,6")]
    [InlineData("1-2,4-5,127")]
    [InlineData("")]
    public void List_form_round_trips(string text)
    {
        Assert.True(CpuList.TryParse(text, out var list, out _));
        Assert.Equal(text, list.ToString());
    }

    [Theory]
    [InlineData("3", 2, "0-1")]
    [InlineData("ffffffff,00000003", 64, "0-1,32-63")]
    [InlineData("00000001,00000000", 64, "32")]
    [InlineData("f", 4, "0-3")]
    [InlineData("0x5", 4, "0,2")]
    public void Mask_form_parses_and_round_trips(string mask, int cpus, string list)
    {
        Assert.True(CpuList.TryParseMask(mask, out var parsed, out var error), error);
        Assert.Equal(list, parsed.ToString());
        Assert.Equal(mask.Replace("0x", "", StringComparison.Ordinal), parsed.ToMask(cpus));
    }

    [Theory]
    [InlineData("3-1", "ends before it starts")]
    [InlineData("a", "not a CPU number")]
    [InlineData("1,,2", "empty item")]
    [InlineData("0-7:3/2", "used <= group")]
    [InlineData("0-3,9000", "CPU 9000 out of range")]
    public void Bad_lists_say_why(string text, string why)
    {
        Assert.False(CpuList.TryParse(text, out _, out var error));
        Assert.Contains(why, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_names_the_cpus_for_this_host()
    {
        Assert.False(CpuList.TryParse("0-1,4,7", out _, out var error, limit: 4));
        Assert.Equal("CPU 4, 7 out of range (this host has CPUs 0-3)", error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("0-1")]
    public void Agrees_with_taskset_on_the_same_list(string text)
    {
        // taskset -c LIST CMD runs CMD with that affinity; /proc/self/status shows it back in both forms.
        var start = new ProcessStartInfo(DebianOracle.Require("taskset", "util-linux")) { RedirectStandardOutput = true };
        foreach (var a in new[] { "-c", text, "grep", "^Cpus_allowed", "/proc/self/status" })
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var lines = p.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        p.WaitForExit();
        var mask = lines.Single(l => l.StartsWith("Cpus_allowed:", StringComparison.Ordinal)).Split('\t')[1];
        var list = lines.Single(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal)).Split('\t')[1];
        Assert.True(CpuList.TryParse(text, out var expected, out _));
        Assert.True(CpuList.TryParseMask(mask, out var fromMask, out _));
        Assert.True(CpuList.TryParse(list, out var fromList, out _));
        Assert.Equal(expected, fromMask);
        Assert.Equal(expected, fromList);
        Assert.Equal(list, expected.ToString());
    }
}

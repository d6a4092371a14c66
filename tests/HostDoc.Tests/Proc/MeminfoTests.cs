using HostDoc.Proc;
using HostDoc.Sources;
using Xunit;

namespace HostDoc.Tests.Proc;

public sealed class MeminfoTests
{
    [Fact]
    public void Parses_every_field_in_kernel_order_with_kB_as_bytes()
    {
        var result = Meminfo.Parse("MemTotal:       24684092 kB\nMemFree:        24492992 kB\nHugePages_Total:       0\nActive(file):      17812 kB\n");

        Assert.True(result.Success);
        var info = result.Value;
        Assert.Equal(24684092UL * 1024, info.MemTotal);
        Assert.Equal(17812UL * 1024, info.ActiveFile);
        Assert.Equal(["MemTotal", "MemFree", "HugePages_Total", "Active(file)"], info.Entries.Select(e => e.Name));
        Assert.False(info.Entries[2].IsBytes);
        Assert.Equal(0UL, info["HugePages_Total"]);
    }

    [Fact]
    public void Keeps_fields_it_does_not_know()
    {
        var info = Meminfo.Parse("MemTotal: 100 kB\nFutureField:   7 kB\n").Value;
        Assert.Equal(7168UL, info["FutureField"]);
        Assert.Null(info.MemAvailable);
    }

    [Theory]
    [InlineData("MemAvailable:   2443Buffers:            3416 kB", "MemAvailable")]   // torn line
    [InlineData("MemFree 12 kB", null)]                                            // no colon
    [InlineData("MemFree:        -12 kB", "MemFree")]                              // sign
    [InlineData("MemFree:        12 MB", "MemFree")]                               // unit the kernel never prints
    [InlineData("MemFree:        99999999999999999999 kB", "MemFree")]             // beyond 64 bits
    [InlineData("VmallocTotal:   18014398509481984 kB", "VmallocTotal")]           // kB overflows bytes
    [InlineData("Mem Free:  12 kB", null)]                                         // space in the name
    public void Reports_a_malformed_line_with_its_number_and_field_and_keeps_the_rest(string bad, string? field)
    {
        var result = Meminfo.Parse($"MemTotal:  100 kB\n{bad}\nSwapTotal:  0 kB\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Equal(field, error.Key);
        Assert.Contains("Name: number [kB]", error.Expected, StringComparison.Ordinal);
        Assert.Equal(102400UL, result.Value.MemTotal);
        Assert.Equal(0UL, result.Value.SwapTotal);
    }

    [Fact]
    public void An_empty_file_is_an_error_not_an_empty_record()
    {
        var result = Meminfo.Parse("");
        Assert.False(result.Success);
        Assert.Contains("empty", result.Errors[0].Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_MemTotal_is_an_error()
    {
        var result = Meminfo.Parse("MemFree: 1 kB\n");
        Assert.Equal("MemTotal", Assert.Single(result.Errors).Key);
    }

    [Fact]
    public void Tolerates_trailing_spaces_and_a_missing_final_newline()
    {
        var result = Meminfo.Parse("MemTotal:  100 kB   \r\nMemFree:  5 kB");
        Assert.True(result.Success);
        Assert.Equal(5120UL, result.Value.MemFree);
    }

    [Theory]
    [MemberData(nameof(Fixtures.Trees), MemberType = typeof(Fixtures))]
    public void Reads_every_captured_tree(string tree)
    {
        var sourced = Meminfo.Read(Fixtures.Root(tree));

        Assert.NotNull(sourced.Value);
        Assert.True(sourced.Value.MemTotal > 0);
        var lines = Fixtures.Text(tree, "/proc/meminfo").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(lines, sourced.Value.Entries.Count + sourced.Problems.Count);
    }

    [Fact]
    public void A_torn_capture_names_the_file_the_line_and_what_was_found()
    {
        var problem = Assert.Single(Meminfo.Read(Fixtures.Root("malformed-meminfo")).Problems);

        Assert.Equal(ProblemKind.Malformed, problem.Kind);
        Assert.Equal(
            "/proc/meminfo line 3: expected \"Name: number [kB]\", found \"MemAvailable:   2443Buffers:            3416 kB\"",
            problem.ToString());
    }

    [Fact]
    public void The_old_layout_has_no_MemAvailable()
    {
        var info = Meminfo.Read(Fixtures.Root("node-exporter-1.5.0")).Value!;
        Assert.Null(info.MemAvailable);
        Assert.Equal(3742148UL * 1024, info.MemTotal);
    }
}

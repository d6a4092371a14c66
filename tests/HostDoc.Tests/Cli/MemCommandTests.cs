using Xunit;

namespace HostDoc.Tests.Cli;

public sealed class MemCommandTests
{
    [Fact]
    public void Mem_bytes_shows_free_block_breakdown_and_limits()
    {
        var run = CliRun.Of("--root", CliRun.Tree("vm-6.18-idle"), "mem", "--bytes");
        Assert.Equal(0, run.Code);
        Assert.Equal("", run.Error);
        Golden.Assert("mem-bytes-vm-6.18-idle.txt", run.Out);
    }

    [Fact]
    public void Mem_on_a_tree_without_sysctls_prints_what_it_can_and_names_what_is_missing()
    {
        var run = CliRun.Of("--root", CliRun.Tree("node-exporter-1.5.0"), "mem");
        Assert.Equal(1, run.Code);
        Assert.StartsWith("               total", run.Out, StringComparison.Ordinal);
        Assert.Contains("hostdoc mem: /proc/sys/vm/dirty_ratio: no such file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Mem_on_a_torn_meminfo_fails_with_the_line()
    {
        var run = CliRun.Of("--root", CliRun.Tree("malformed-meminfo"), "mem");
        Assert.Equal(1, run.Code);
        Assert.Equal("", run.Out);
        Assert.StartsWith("hostdoc mem: /proc/meminfo line 3: expected", run.Error, StringComparison.Ordinal);
    }
}

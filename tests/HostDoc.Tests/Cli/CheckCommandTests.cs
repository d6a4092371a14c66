using System.Diagnostics;
using Xunit;

namespace HostDoc.Tests.Cli;

public sealed class CheckCommandTests
{
    [Fact]
    public void Check_memory_on_an_old_kernel_warns_in_plugin_format()
    {
        var run = CliRun.Of("--root", CliRun.Tree("node-exporter-1.5.0"), "check", "memory", "-v");
        Assert.Equal(1, run.Code);
        Assert.Equal("", run.Error);
        Golden.Assert("check-memory-node-exporter.txt", run.Out);
    }

    [Fact]
    public void Check_writeback_on_a_burst_is_ok_with_perfdata()
    {
        var run = CliRun.Of("check", "writeback", "--root", CliRun.Tree("vm-6.18-dirty-burst"));
        Assert.Equal(0, run.Code);
        Golden.Assert("check-writeback-dirty-burst.txt", run.Out);
    }

    [Fact]
    public void A_malformed_meminfo_exits_3_with_one_clear_line()
    {
        var run = CliRun.Of("--root", CliRun.Tree("malformed-meminfo"), "check", "memory");
        Assert.Equal(3, run.Code);
        Assert.Equal(
            "MEMORY UNKNOWN - /proc/meminfo line 3: expected \"Name: number [kB]\", found \"MemAvailable:   2443Buffers:            3416 kB\"\n",
            run.Out);
    }

    [Theory]
    [InlineData("MEMORY UNKNOWN - -w \"abc\" is not a threshold range: \"abc\" is not a number\n", "check", "memory", "-w", "abc")]
    [InlineData("MEMORY UNKNOWN - -c \"2:1\" is not a threshold range: start is greater than end\n", "check", "memory", "-c", "2:1")]
    [InlineData("MEMORY UNKNOWN - -w needs a value\n", "check", "memory", "-w")]
    [InlineData("MEMORY UNKNOWN - unknown option --frobnicate for check memory (see hostdoc check memory --help)\n", "check", "memory", "--frobnicate", "1")]
    [InlineData("DISKS UNKNOWN - no check named \"disks\" (checks: memory, writeback, disk, stuck, io, raid, irq, cpus, net, env, kernel-log)\n", "check", "disks")]
    [InlineData("CHECK UNKNOWN - check needs a name: memory, writeback, disk, stuck, io, raid, irq, cpus, net, env, kernel-log\n", "check")]
    [InlineData("MEMORY UNKNOWN - --timeout takes a whole number of seconds above 0, not \"0\"\n", "check", "memory", "-t", "0")]
    [InlineData("MEMORY UNKNOWN - --root /nonexistent-hostdoc: no such directory\n", "--root", "/nonexistent-hostdoc", "check", "memory")]
    public void Usage_errors_in_check_exit_3_on_stdout(string expected, params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(3, run.Code);
        Assert.Equal(expected, run.Out);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Named_thresholds_reach_the_check()
    {
        var run = CliRun.Of("--root", CliRun.Tree("node-exporter-1.5.0"), "check", "memory", "--swap-free-critical", "80:", "-w", "5:");
        Assert.Equal(2, run.Code);
        Assert.StartsWith("MEMORY CRITICAL - swap 1015 MiB used of 4.00 GiB (75% free)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_that_never_answers_is_unknown_after_the_timeout()
    {
        // /proc/meminfo is a FIFO nobody writes: opening it blocks, as a hung mount would.
        using var tree = new TempTree();
        Directory.CreateDirectory(tree.Dir + "/proc");
        using (var mkfifo = Process.Start("mkfifo", tree.Dir + "/proc/meminfo"))
        {
            mkfifo.WaitForExit();
        }

        var cli = Path.Combine(AppContext.BaseDirectory, "hostdoc.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        foreach (var arg in new[] { cli, "--root", tree.Dir, "check", "memory", "-t", "1" })
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(15_000));
        Assert.Equal(3, process.ExitCode);
        Assert.Equal("MEMORY UNKNOWN - no answer within 1 s (-t)\n", output);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 10);
    }
}

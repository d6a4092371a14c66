using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.Proc;

public sealed class KernelStatTests
{
    [Fact]
    public void Reads_cpu_times_and_counters_of_old_and_new_kernels()
    {
        // 2.6.9-era line with 7 fields next to a 6.x line with 10; torn last line.
        var stat = KernelStat.Parse("cpu  296570 0 63482 720264 2607 0 344 2800 0 0\ncpu0 143480 0 31336 366344 237 0 67\ncpu1 153089 0 32145 353920 2370 0 277 1384 0 0\nintr 2973604 0 0 0\nctxt 8296131\nprocs_running 1\nprocs_blocked 3\ncpu2 1 x\n");
        Assert.Single(stat.Errors);
        Assert.Equal([0, 1], stat.Value.Cpus.Select(c => c.Cpu));
        Assert.Equal(0UL, stat.Value.Cpus[0].Steal);
        Assert.Equal(1384UL, stat.Value.Cpus[1].Steal);
        Assert.Equal(2973604UL, stat.Value.Interrupts);
        Assert.Equal(3UL, stat.Value.Blocked);
        Assert.Equal(100.0 * (0 + 344) / stat.Value.All!.Total, stat.Value.All.InterruptPercent, 6);
    }

    [Fact]
    public void Softirqs_parse_with_the_interrupts_parser()
    {
        var soft = Interrupts.Parse("                    CPU0       CPU1       \n          HI:          0          0\n      NET_RX:       2036        311\n       BLOCK:     133926          7\n");
        Assert.True(soft.Success);
        Assert.Equal([2036UL, 311UL], soft.Value.Rows.Single(r => r.Name == "NET_RX").Counts);
        Assert.True(Softirqs.Read(HostRoot.Live).IsClean);
        Assert.True(KernelStat.Read(HostRoot.Live).IsClean);
    }
}

using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.Proc;

public sealed class LoadavgPressureTests
{
    [Fact]
    public void Loadavg_parses_and_rejects_torn_text()
    {
        var load = Loadavg.Parse("0.91 1.22 1.12 1/78 26306\n");
        Assert.True(load.Success);
        Assert.Equal(1.22, load.Value.Five);
        Assert.Equal(78, load.Value.Total);
        Assert.False(Loadavg.Parse("0.91 1.22").Success);
    }

    [Fact]
    public void Pressure_reads_some_and_full_and_the_cpu_file_without_full()
    {
        var io = Pressure.Parse("io", "some avg10=0.00 avg60=0.55 avg300=0.45 total=21835206\nfull avg10=0.00 avg60=0.53 avg300=0.43 total=18511149\n");
        Assert.True(io.Success);
        Assert.Equal(0.55, io.Value.Some.Avg60);
        Assert.Equal(18511149UL, io.Value.Full!.TotalMicroseconds);
        var cpu = Pressure.Parse("cpu", "some avg10=1.50 avg60=0.20 avg300=0.05 total=123\n");
        Assert.Null(cpu.Value.Full);
        Assert.False(Pressure.Parse("io", "some avg10=x\n").Success);
    }

    [Fact]
    public void The_live_files_parse()
    {
        Assert.True(Loadavg.Read(HostRoot.Live).IsClean);
        if (HostRoot.Live.Exists("/proc/pressure/io"))
        {
            Assert.True(Pressure.Read(HostRoot.Live, "io").IsClean);
        }
    }
}

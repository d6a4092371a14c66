using HostDoc.Checks;
using HostDoc.Findings;
using Xunit;

namespace HostDoc.Tests.Checks;

public sealed class IrqCheckTests
{
    private static CheckResult RunOn(string file, string? cmdline = null)
    {
        using var tree = new TempTree();
        tree.Write("/proc/interrupts", File.ReadAllText(Path.Combine(Fixtures.RepoRoot, "tests", "fixtures", "interrupts", file)));
        if (cmdline is not null)
        {
            tree.Write("/proc/cmdline", cmdline);
        }

        return Fixtures.RunOn(tree.Root, "irq");
    }

    [Fact]
    public void The_seeds_io_apic_host_serves_every_device_on_cpu0()
    {
        var result = RunOn("seed-centos65-ioapic-4cpu.txt");
        Assert.Equal(Severity.Warning, result.Findings.Single(f => f.Id == "irq.single-cpu").Severity);
        Assert.Equal("100% of device interrupts are served by CPU0 although 4 CPUs are online", result.Findings[0].Summary);
    }

    [Fact]
    public void The_seeds_xt_pic_host_runs_uniprocessor()
    {
        var result = RunOn("seed-centos65-xtpic-1cpu.txt", "ro root=/dev/mapper/vg-root noapic quiet\n");
        var pic = result.Findings.Single(f => f.Id == "irq.legacy-pic");
        Assert.Equal(Severity.Warning, pic.Severity);
        Assert.Contains("(noapic on the command line)", pic.Summary, StringComparison.Ordinal);
        Assert.Equal(Severity.Ok, result.Findings.Single(f => f.Id == "irq.single-cpu").Severity);   // one CPU: nothing to spread
    }

    [Fact]
    public void One_dominant_single_queue_device_is_not_a_spreading_problem()
    {
        // This VM: the disk's one queue (virtio1-req.0) dominates on CPU1, the NIC queues sit on both CPUs.
        var result = RunOn("vm-6.18-2cpu.txt");
        Assert.Equal(Severity.Ok, result.Findings.Single(f => f.Id == "irq.single-cpu").Severity);
    }

    [Fact]
    public void Spread_interrupts_are_ok_and_measured_per_cpu()
    {
        var result = RunOn("node-exporter-4cpu.txt");
        Assert.Equal(Severity.Ok, result.Findings.Single(f => f.Id == "irq.single-cpu").Severity);
        Assert.Equal(4, result.Measurements.Count);
    }
}

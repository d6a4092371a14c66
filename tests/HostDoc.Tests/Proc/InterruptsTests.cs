using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.Proc;

public sealed class InterruptsTests
{
    private static Interrupts Load(string name)
    {
        var result = Interrupts.Parse(File.ReadAllText(Path.Combine(Fixtures.RepoRoot, "tests", "fixtures", "interrupts", name)));
        Assert.True(result.Success, string.Join("; ", result.Errors));
        return result.Value;
    }

    [Fact]
    public void The_seeds_io_apic_capture_has_every_interrupt_on_cpu0()
    {
        var irq = Load("seed-centos65-ioapic-4cpu.txt");
        Assert.Equal([0, 1, 2, 3], irq.Cpus);
        var ahci = irq.Rows.Single(r => r.Name == "21");
        Assert.Equal(("IO-APIC", "fasteoi", 1790UL), (ahci.Chip, ahci.Trigger, ahci.Counts[0]));
        Assert.Equal(["ahci"], ahci.Actions);
        Assert.All(irq.Rows, r => Assert.Equal(r.Total, r.Counts[0]));
    }

    [Fact]
    public void The_seeds_xt_pic_capture_has_one_cpu_shared_and_empty_actions()
    {
        var irq = Load("seed-centos65-xtpic-1cpu.txt");
        Assert.Equal([0], irq.Cpus);
        var nine = irq.Rows.Single(r => r.Name == "9");
        Assert.Equal(("XT-PIC", "XT"), (nine.Chip, nine.Trigger));
        Assert.Equal(["acpi", "vboxguest"], nine.Actions);
        Assert.Empty(irq.Rows.Single(r => r.Name == "4").Actions);
        Assert.Equal(15208UL, irq.Rows.Single(r => r.Name == "11").Total);
    }

    [Fact]
    public void This_machines_layout_has_hardware_irq_numbers_and_named_rows()
    {
        var irq = Load("vm-6.18-2cpu.txt");
        var ged = irq.Rows.Single(r => r.Name == "24");
        Assert.Equal(("IO-APIC", "5", "edge"), (ged.Chip, ged.HardwareIrq, ged.Trigger));
        Assert.Equal(["ACPI:Ged"], ged.Actions);
        var msix = irq.Rows.Single(r => r.Actions.Contains("virtio0-config"));
        Assert.Equal(("PCI-MSIX-0000:00:01.0", "0", "edge"), (msix.Chip, msix.HardwareIrq, msix.Trigger));
        Assert.Equal(2, irq.Rows.Single(r => r.Name == "LOC").Counts.Count);
        var err = irq.Rows.Single(r => r.Name == "ERR");
        Assert.Empty(err.Counts);
    }

    [Fact]
    public void Aarch64_with_an_offline_cpu_keeps_the_sparse_columns()
    {
        var irq = Load("aarch64-offline-cpu.txt");
        Assert.Equal([0, 2, 3], irq.Cpus);
        var timer = irq.Rows.Single(r => r.Name == "11");
        Assert.Equal(("GICv3", "27", "Level"), (timer.Chip, timer.HardwareIrq, timer.Trigger));
        Assert.Equal([187340UL, 145322UL, 161288UL], timer.Counts);
        Assert.Equal(("ITS-MSI", "524289"), (irq.Rows.Single(r => r.Name == "48").Chip, irq.Rows.Single(r => r.Name == "48").HardwareIrq));
        Assert.Equal(3, irq.Rows.Single(r => r.Name == "IPI0").Counts.Count);
        Assert.Equal(0UL, irq.Rows.Single(r => r.Name == "Err").Total);
    }

    [Fact]
    public void Node_exporter_tree_and_live_host_parse_cleanly()
    {
        Assert.True(Load("node-exporter-4cpu.txt").Rows.Count > 10);
        Assert.True(Interrupts.Read(HostRoot.Live).IsClean);
    }

    [Theory]
    [InlineData("  0:        abc   IO-APIC-edge      timer")]
    [InlineData("no colon here")]
    [InlineData(" 5 6:   1   2")]
    public void Malformed_rows_are_reported_and_the_rest_kept(string bad)
    {
        var result = Interrupts.Parse($"           CPU0       CPU1\n  0:   1   2   IO-APIC-edge  timer\n{bad}\n");
        Assert.Single(result.Errors);
        Assert.Single(result.Value.Rows);
    }
}

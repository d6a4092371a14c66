using HostDoc.Proc;
using HostDoc.Sys.Ata;
using HostDoc.Sys.Block;
using Xunit;

namespace HostDoc.Tests.Storage;

/// <summary>libata's transport class (/sys/class/ata_link, ata_device), device/wwid, and /proc/partitions.</summary>
public sealed class AtaLinkAndPartitionsTests
{
    [Fact]
    public void The_seeds_disk_has_its_link_speed_mode_and_wwid()
    {
        var sdf = BlockDeviceReader.ReadAll(Fixtures.Root("seed-sata-ata6")).Single(d => d.Name == "sdf");
        Assert.Equal("naa.5000c5006a1b2c3d", sdf.Wwid);
        var link = sdf.AtaLink!;
        Assert.Equal(("3.0 Gbps", "3.0 Gbps", "UDMA/133", "ata", 0), (link.Speed, link.HardwareLimit, link.TransferMode, link.DeviceClass, link.SpeedDowns));
        Assert.False(link.SlowerThanHardware);
        Assert.Null(BlockDeviceReader.ReadAll(Fixtures.Root("seed-sata-ata6")).Single(d => d.Name == "sdf1").AtaLink);
    }

    [Fact]
    public void A_link_limited_below_the_controller_and_a_slowed_device_show_in_devices()
    {
        using var tree = new TempTree();
        tree.Write("/sys/class/ata_link/link3/sata_spd", "1.5 Gbps");
        tree.Write("/sys/class/ata_link/link3/sata_spd_limit", "1.5 Gbps");
        tree.Write("/sys/class/ata_link/link3/hw_sata_spd_limit", "6.0 Gbps");
        tree.Write("/sys/class/ata_device/dev3.0/spdn_cnt", "2");
        tree.Write("/sys/class/ata_device/dev3.0/xfer_mode", "UDMA/33");
        var state = AtaLinkState.Read(tree.Root, "ata3")!;
        Assert.True(state.SlowerThanHardware);
        Assert.Equal(2, state.SpeedDowns);
        Assert.Null(AtaLinkState.Read(tree.Root, "ata4"));
        Assert.Null(AtaLinkState.Read(tree.Root, "sda"));
    }

    [Fact]
    public void Unknown_speed_is_no_speed()
    {
        using var tree = new TempTree();
        tree.Write("/sys/class/ata_link/link1/sata_spd", "<unknown>");
        Assert.Null(AtaLinkState.Read(tree.Root, "ata1")!.Speed);
    }

    [Fact]
    public void Proc_partitions_on_this_machine_matches_sys_class_block()
    {
        var fromProc = Partitions.Read(HostRoot.Live).Select(p => (p.Name, p.Kibibytes * 1024)).Order().ToArray();
        var fromSys = BlockDeviceReader.ReadAll(HostRoot.Live).Where(d => fromProc.Any(p => p.Name == d.Name))
            .Select(d => (d.Name, d.SizeBytes)).Order().ToArray();
        Assert.NotEmpty(fromProc);
        Assert.Equal(fromProc, fromSys);
    }

    [Fact]
    public void Proc_partitions_odd_lines()
    {
        var entries = Partitions.Parse("major minor  #blocks  name\n\n 259        0  500107608 nvme0n1\n 259        1     524288 nvme0n1p1\ngarbage line\n 8 16 x sdb\n 253 0 104857600 dm-0");
        Assert.Equal(["nvme0n1", "nvme0n1p1", "dm-0"], entries.Select(e => e.Name));
        Assert.Equal(500107608UL * 1024, entries[0].Kibibytes * 1024);
        Assert.Equal("259:1", entries[1].Device.ToString());
    }

    [Fact]
    public void Without_sysfs_devices_lists_proc_partitions()
    {
        using var tree = new TempTree();
        tree.Write("/proc/partitions", "major minor  #blocks  name\n\n   8        0  488386584 sda\n   8        1  488385536 sda1\n");
        var run = Cli.CliRun.Of("--root", tree.Dir, "devices");
        Assert.Equal(0, run.Code);
        Assert.Contains("sda1         8:1      466 GiB", run.Out, StringComparison.Ordinal);
    }
}

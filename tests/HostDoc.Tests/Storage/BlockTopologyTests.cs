using System.Diagnostics;
using System.Text.Json;
using HostDoc.Proc.Pid;
using HostDoc.Storage;
using HostDoc.Sys.Block;
using Xunit;

namespace HostDoc.Tests.Storage;

public sealed class BlockTopologyTests
{
    [Fact]
    public void Devices_json_lists_what_lsblk_lists_on_this_machine()
    {
        var ours = Flatten(JsonDocument.Parse(HostDoc.Tests.Cli.CliRun.Of("devices", "--format", "json").Out).RootElement);
        var start = new ProcessStartInfo(DebianOracle.Require("lsblk", "util-linux"), "-J -b -o NAME,SIZE,TYPE,MOUNTPOINTS") { RedirectStandardOutput = true };
        using var lsblk = Process.Start(start)!;
        var theirs = Flatten(JsonDocument.Parse(lsblk.StandardOutput.ReadToEnd()).RootElement);
        lsblk.WaitForExit();
        Assert.NotEmpty(theirs);
        Assert.Equal(theirs.Order(StringComparer.Ordinal), ours.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_seeds_sata_layout_joins_every_name_of_the_failing_disk()
    {
        var topology = Topology(Fixtures.Root("seed-sata-ata6"));
        var sdf = topology.Find("sdf")!;
        Assert.Equal(("ata", "ata6", "5:0:0:0"), (sdf.Transport, sdf.AtaPort, sdf.ScsiAddress));
        Assert.Equal("ST1000DM003-1CH162", sdf.Model);
        Assert.Equal("Z1D3ABCD", sdf.Serial);
        foreach (var name in new[] { "ata6", "ata6.00", "5:0:0:0", "/dev/sdf", "8:80" })
        {
            Assert.Same(sdf, topology.Find(name));
        }

        var dm = topology.Find("/data")!;
        Assert.Same(dm, topology.Find("dm-0"));
        Assert.Same(dm, topology.Find("vg-data"));
        Assert.Same(dm, topology.Find("/dev/mapper/vg-data"));
        Assert.Equal("lvm", dm.Type);
        Assert.Equal(["sdf", "sdf1", "dm-0"], topology.Ancestry(dm).Select(d => d.Name));
    }

    [Fact]
    public void A_failing_sector_maps_to_its_partition_and_offset()
    {
        var topology = Topology(Fixtures.Root("seed-sata-ata6"));
        var (partition, offset) = topology.PartitionAt(topology.Find("sdf")!, 291_766_746)!.Value;
        Assert.Equal("sdf1", partition.Name);
        Assert.Equal((291_766_746UL - 2048) * 512, offset);
        Assert.Null(topology.PartitionAt(topology.Find("sdf")!, 10));
    }

    [Fact]
    public void The_text_tree_goes_from_port_to_mount()
    {
        var tree = Fixtures.Dir("seed-sata-ata6");
        var run = HostDoc.Tests.Cli.CliRun.Of("--root", tree, "devices");
        Assert.Equal(
            "ata → ata6 → scsi 5:0:0:0\n" +
            "  sdf  disk  932 GiB  ATA ST1000DM003-1CH162  serial Z1D3ABCD  rotational  link 3.0 Gbps UDMA/133  wwid naa.5000c5006a1b2c3d\n" +
            "    sdf1  part  932 GiB  sectors 2048–1953523711\n" +
            "      dm-0  lvm  900 GiB  dm vg-data  on /data\n",
            run.Out);
        Assert.Equal("ata6 5:0:0:0 sdf ST1000DM003-1CH162 Z1D3ABCD → sdf1 → vg-data → /data\n", HostDoc.Tests.Cli.CliRun.Of("--root", tree, "devices", "ata6").Out);
    }

    [Fact]
    public void Nvme_md_and_an_offline_scsi_disk_without_udev()
    {
        // Shapes of an NVMe namespace with a partition, two SATA disks in a degraded raid1, one offline.
        using var tree = new TempTree();
        void Block(string sysPath, string name, string dev, string size, string? partitionOf = null, string? start = null)
        {
            tree.Write($"{sysPath}/dev", dev + "\n");
            tree.Write($"{sysPath}/size", size + "\n");
            if (partitionOf is not null)
            {
                tree.Write($"{sysPath}/partition", "1\n");
                tree.Write($"{sysPath}/start", start + "\n");
            }

            Directory.CreateDirectory(tree.Dir + "/sys/class/block");
            Directory.CreateSymbolicLink($"{tree.Dir}/sys/class/block/{name}", "../.." + sysPath[4..]);
        }

        const string nvme = "/sys/devices/pci0000:00/0000:00:1d.0/0000:3d:00.0/nvme/nvme0/nvme0n1";
        Block(nvme, "nvme0n1", "259:0", "1000215216");
        Block(nvme + "/nvme0n1p1", "nvme0n1p1", "259:1", "1048576", "nvme0n1", "2048");
        const string sda = "/sys/devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0";
        const string sdb = "/sys/devices/pci0000:00/0000:00:17.0/ata2/host1/target1:0:0/1:0:0:0";
        Block(sda + "/block/sda", "sda", "8:0", "3907029168");
        Block(sdb + "/block/sdb", "sdb", "8:16", "3907029168");
        tree.Write(sdb + "/state", "offline\n");
        Directory.CreateSymbolicLink(tree.Dir + sdb + "/block/sdb/device", "../../../1:0:0:0");
        Block("/sys/devices/virtual/block/md0", "md0", "9:0", "3906766848");
        tree.Write("/sys/devices/virtual/block/md0/md/level", "raid1\n");
        tree.Write("/sys/devices/virtual/block/md0/md/degraded", "1\n");
        Directory.CreateDirectory(tree.Dir + "/sys/devices/virtual/block/md0/slaves/sda");
        Directory.CreateDirectory(tree.Dir + "/sys/devices/virtual/block/md0/slaves/sdb");

        var topology = new BlockTopology(BlockDeviceReader.ReadAll(tree.Root), [], []);
        Assert.Equal(("nvme", "disk"), (topology.Find("nvme0n1")!.Transport, topology.Find("nvme0n1")!.Type));
        Assert.Equal("nvme0n1", topology.Find("nvme0n1p1")!.Parent);
        var md = topology.Find("md0")!;
        Assert.Equal(("raid1", 1UL), (md.Type, md.MdDegraded));
        Assert.Equal(["sda", "sdb"], md.Slaves);
        Assert.Equal("offline", topology.Find("ata2")!.State);
        Assert.Null(topology.Find("sda")!.Model);   // no device/model, no udev: nothing invented
    }

    private static BlockTopology Topology(HostRoot root) =>
        new(BlockDeviceReader.ReadAll(root), Mountinfo.Read(root).Value!.Entries, []);

    private static List<string> Flatten(JsonElement root)
    {
        var rows = new List<string>();
        void Walk(JsonElement device)
        {
            // The set of mount points; their order is lsblk's libmount iteration, no contract (a bind mount such as /run/netns comes first there).
            var mounts = string.Join(",", device.GetProperty("mountpoints").EnumerateArray().Select(m => m.ValueKind == JsonValueKind.Null ? "-" : m.GetString()).Order(StringComparer.Ordinal));
            rows.Add($"{device.GetProperty("name").GetString()} {device.GetProperty("size").GetUInt64()} {device.GetProperty("type").GetString()} {mounts}");
            if (device.TryGetProperty("children", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    Walk(child);
                }
            }
        }

        foreach (var device in root.GetProperty("blockdevices").EnumerateArray())
        {
            Walk(device);
        }

        return rows;
    }
}

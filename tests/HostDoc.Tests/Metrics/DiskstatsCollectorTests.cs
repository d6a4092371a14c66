using HostDoc.Metrics;
using HostDoc.Metrics.Collectors;
using Xunit;

namespace HostDoc.Tests.Metrics;

public sealed class DiskstatsCollectorTests
{
    private const string Line11 = "   8       0 sda 1 2 3 4 5 6 7 8 9 10 11\n";
    private const string Line15 = "   8      16 sdb 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n";
    private const string Line17 = "   8      32 sdc 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n";
    private const string Line20 = " 259       0 nvme0n1 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20\n";

    [Fact]
    public void No_diskstats_means_no_families_and_no_crash()
    {
        using var tree = new TempTree();
        var context = Context(tree);
        Assert.Throws<SourceUnavailableException>(() => DiskstatsCollector.Collect(context).ToArray());
    }

    [Fact]
    public void Each_kernel_generation_gives_its_counters_and_later_fields_are_ignored()
    {
        using var tree = new TempTree();
        tree.Write("/proc/diskstats", Line11 + Line15 + Line17 + Line20);
        var (families, context) = Collect(tree);
        Assert.False(context.Degraded);
        Assert.Equal(["nvme0n1", "sda", "sdb", "sdc"], Devices(families, "node_disk_io_time_weighted_seconds_total"));
        Assert.Equal(["nvme0n1", "sdb", "sdc"], Devices(families, "node_disk_discard_time_seconds_total"));
        Assert.Equal(["nvme0n1", "sdc"], Devices(families, "node_disk_flush_requests_time_seconds_total"));
        Assert.Equal(17 * (1.0 / 1000.0), Value(families, "node_disk_flush_requests_time_seconds_total", "nvme0n1"));
        Assert.Equal(16, Value(families, "node_disk_flush_requests_total", "nvme0n1"));
    }

    [Fact]
    public void Sectors_are_512_bytes_but_discarded_sectors_stay_sectors_and_milliseconds_are_times_0_001()
    {
        using var tree = new TempTree();
        tree.Write("/proc/diskstats", "8 32 sdc 1 2 3 4294967295 5 6 7 8 9 10 11 12 13 14 15 16 17\n");
        var (families, _) = Collect(tree);
        Assert.Equal(3 * 512.0, Value(families, "node_disk_read_bytes_total", "sdc"));
        Assert.Equal(7 * 512.0, Value(families, "node_disk_written_bytes_total", "sdc"));
        Assert.Equal(14, Value(families, "node_disk_discarded_sectors_total", "sdc"));
        Assert.Equal(4294967295 * (1.0 / 1000.0), Value(families, "node_disk_read_time_seconds_total", "sdc"));
        Assert.Equal(9, Value(families, "node_disk_io_now", "sdc"));
        Assert.Equal(MetricType.Gauge, families.Single(f => f.Name == "node_disk_io_now").Type);
    }

    [Fact]
    public void The_exclusion_leaves_out_partitions_and_old_partition_lines_are_not_disks()
    {
        using var tree = new TempTree();
        tree.Write("/proc/diskstats", Line11 + "   8       1 sda1 1 2 3 4 5 6 7 8 9 10 11\n   3       1 hda1 10 20 30 40\n   7 0 loop0 0 0 0 0 0 0 0 0 0 0 0\n");
        var (families, context) = Collect(tree);
        Assert.Equal(["sda"], Devices(families, "node_disk_info"));
        Assert.False(context.Degraded);

        var all = new CollectorContext(new HostModel(tree.Root, TimeProvider.System), MetricsOptions.Defaults with { DiskExcluded = _ => false });
        Assert.Equal(["loop0", "sda", "sda1"], Devices(DiskstatsCollector.Collect(all).ToArray(), "node_disk_reads_completed_total"));
    }

    [Fact]
    public void A_damaged_line_is_skipped_and_degrades_and_a_repeated_device_keeps_its_first_line()
    {
        using var tree = new TempTree();
        tree.Write("/proc/diskstats", Line11 + "8 16 sdb 1 2 x 4 5 6 7 8 9 10 11\n8 32 sdc 1 2 3\n" + "8 0 sda 9 9 9 9 9 9 9 9 9 9 9\n");
        var (families, context) = Collect(tree);
        Assert.True(context.Degraded);
        Assert.Equal(["sda"], Devices(families, "node_disk_reads_completed_total"));
        Assert.Equal(1, Value(families, "node_disk_reads_completed_total", "sda"));
    }

    [Fact]
    public void Udev_gives_info_filesystem_mapper_and_ata_series_raw_as_node_exporter_reads_them()
    {
        using var tree = new TempTree();
        tree.Write("/proc/diskstats", Line11 + " 252 0 dm-0 1 2 3 4 5 6 7 8 9 10 11\n");
        tree.Write("/run/udev/data/b8:0", "S:disk/by-id/x\nE:ID_MODEL=WDC_WD40\nE:ID_MODEL_ENC=WDC\\x20WD40\nE:ID_SERIAL=WDC_WD40_123\nE:ID_SERIAL_SHORT=123\n"
            + "E:ID_ATA=1\nE:ID_ATA_ROTATION_RATE_RPM=5400\nE:ID_ATA_WRITE_CACHE=one\nE:ID_FS_TYPE=ext4\nE:ID_FS_VERSION=1.0\nE:ID_PATH=pci-0000:00:1f.2-ata-1\n");
        tree.Write("/run/udev/data/b252:0", "E:DM_NAME=vg-root\nE:DM_VG_NAME=vg\nE:DM_LV_NAME=root\nE:ID_ATA_ROTATION_RATE_RPM=7200\n");
        var (families, context) = Collect(tree);
        Assert.False(context.Degraded);
        var info = Labels(families, "node_disk_info", "sda");
        Assert.Equal(["device", "major", "minor", "model", "path", "revision", "serial", "wwn"], info.Keys);
        Assert.Equal(["sda", "8", "0", "WDC_WD40", "pci-0000:00:1f.2-ata-1", "", "123", ""], info.Values);
        Assert.Equal(["ext4", "", "", "1.0"], Labels(families, "node_disk_filesystem_info", "sda").Values.Skip(1));
        Assert.Equal(["dm-0", "", "root", "vg-root", "", "vg"], Labels(families, "node_disk_device_mapper_info", "dm-0").Values);
        Assert.Equal(["sda"], Devices(families, "node_disk_ata_rotation_rate_rpm"));   // dm-0 has no ID_ATA
        Assert.Equal(5400, Value(families, "node_disk_ata_rotation_rate_rpm", "sda"));
        Assert.Empty(Devices(families, "node_disk_ata_write_cache"));   // not a number
        Assert.Empty(Devices(families, "node_disk_ata_write_cache_enabled"));   // absent
    }

    private static CollectorContext Context(TempTree tree) => new(new HostModel(tree.Root, TimeProvider.System), MetricsOptions.Defaults);

    private static (MetricFamily[] Families, CollectorContext Context) Collect(TempTree tree)
    {
        var context = Context(tree);
        return (DiskstatsCollector.Collect(context).ToArray(), context);
    }

    private static string[] Devices(MetricFamily[] families, string name) =>
        families.Single(f => f.Name == name).Samples.Select(s => s.Labels[0].Value).ToArray();

    private static double Value(MetricFamily[] families, string name, string device) =>
        families.Single(f => f.Name == name).Samples.Single(s => s.Labels[0].Value == device).Value;

    private static Dictionary<string, string> Labels(MetricFamily[] families, string name, string device) =>
        families.Single(f => f.Name == name).Samples.Single(s => s.Labels[0].Value == device).Labels.ToDictionary(l => l.Key, l => l.Value);
}

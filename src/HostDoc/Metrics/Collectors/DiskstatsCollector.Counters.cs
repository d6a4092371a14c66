using HostDoc.Proc;

namespace HostDoc.Metrics.Collectors;

/// <summary>The counter series of <see cref="DiskstatsCollector"/>, in /proc/diskstats' column order.</summary>
public static partial class DiskstatsCollector
{
    /// <summary>node_exporter's secondsPerTick: times are ms × this, the same double as its float64(ms) * (1.0 / 1000.0).</summary>
    private const double SecondsPerTick = 1.0 / 1000.0;

    /// <summary>The kernel's sectors are 512 bytes whatever the device's block size.</summary>
    private const double SectorBytes = 512.0;

    /// <summary>Columns 1–11 (every kernel), 12–15 (discards, 4.18+), 16–17 (flushes, 5.5+); HELP strings are node_exporter 1.5's.</summary>
    private static readonly (string Name, string Help, MetricType Type, Func<DiskCounters, double> Value)[] Counters =
    [
        ("node_disk_reads_completed_total", "The total number of reads completed successfully.", MetricType.Counter, d => d.ReadIos),
        ("node_disk_reads_merged_total", "The total number of reads merged.", MetricType.Counter, d => d.ReadMerges),
        ("node_disk_read_bytes_total", "The total number of bytes read successfully.", MetricType.Counter, d => d.ReadSectors * SectorBytes),
        ("node_disk_read_time_seconds_total", "The total number of seconds spent by all reads.", MetricType.Counter, d => d.ReadTicks * SecondsPerTick),
        ("node_disk_writes_completed_total", "The total number of writes completed successfully.", MetricType.Counter, d => d.WriteIos),
        ("node_disk_writes_merged_total", "The number of writes merged.", MetricType.Counter, d => d.WriteMerges),
        ("node_disk_written_bytes_total", "The total number of bytes written successfully.", MetricType.Counter, d => d.WriteSectors * SectorBytes),
        ("node_disk_write_time_seconds_total", "This is the total number of seconds spent by all writes.", MetricType.Counter, d => d.WriteTicks * SecondsPerTick),
        ("node_disk_io_now", "The number of I/Os currently in progress.", MetricType.Gauge, d => d.InFlight),
        ("node_disk_io_time_seconds_total", "Total seconds spent doing I/Os.", MetricType.Counter, d => d.IoTicks * SecondsPerTick),
        ("node_disk_io_time_weighted_seconds_total", "The weighted # of seconds spent doing I/Os.", MetricType.Counter, d => d.QueueTicks * SecondsPerTick),
        ("node_disk_discards_completed_total", "The total number of discards completed successfully.", MetricType.Counter, d => d.DiscardIos),
        ("node_disk_discards_merged_total", "The total number of discards merged.", MetricType.Counter, d => d.DiscardMerges),
        ("node_disk_discarded_sectors_total", "The total number of sectors discarded successfully.", MetricType.Counter, d => d.DiscardSectors),
        ("node_disk_discard_time_seconds_total", "This is the total number of seconds spent by all discards.", MetricType.Counter, d => d.DiscardTicks * SecondsPerTick),
        ("node_disk_flush_requests_total", "The total number of flush requests completed successfully", MetricType.Counter, d => d.FlushIos),
        ("node_disk_flush_requests_time_seconds_total", "This is the total number of seconds spent by all flush requests.", MetricType.Counter, d => d.FlushTicks * SecondsPerTick),
    ];
}

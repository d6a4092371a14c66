using HostDoc.Proc;

namespace HostDoc.Storage;

/// <summary>
/// One device's figures over an interval, the ones <c>iostat -x</c> (sysstat) prints, computed as it
/// computes them. Rates are per second, sizes in KiB, times in milliseconds per request.
/// </summary>
/// <param name="Name">The kernel name.</param>
/// <param name="Device">major:minor.</param>
/// <param name="HasTimes">False for a 2.6 partition line, which has no times, merges or queue: only the four rates are real.</param>
/// <param name="ReadsPerSecond">r/s.</param>
/// <param name="ReadKilobytesPerSecond">rkB/s.</param>
/// <param name="ReadMergesPerSecond">rrqm/s.</param>
/// <param name="ReadMergePercent">%rrqm: merged reads of all reads.</param>
/// <param name="ReadAwait">r_await, ms.</param>
/// <param name="ReadRequestKilobytes">rareq-sz, KiB.</param>
/// <param name="WritesPerSecond">w/s.</param>
/// <param name="WriteKilobytesPerSecond">wkB/s.</param>
/// <param name="WriteMergesPerSecond">wrqm/s.</param>
/// <param name="WriteMergePercent">%wrqm.</param>
/// <param name="WriteAwait">w_await, ms.</param>
/// <param name="WriteRequestKilobytes">wareq-sz, KiB.</param>
/// <param name="DiscardsPerSecond">d/s.</param>
/// <param name="DiscardKilobytesPerSecond">dkB/s.</param>
/// <param name="DiscardMergesPerSecond">drqm/s.</param>
/// <param name="DiscardMergePercent">%drqm.</param>
/// <param name="DiscardAwait">d_await, ms.</param>
/// <param name="DiscardRequestKilobytes">dareq-sz, KiB.</param>
/// <param name="FlushesPerSecond">f/s.</param>
/// <param name="FlushAwait">f_await, ms.</param>
/// <param name="QueueSize">aqu-sz: the average number of requests in flight.</param>
/// <param name="UtilizationPercent">%util: the share of the interval with at least one request in flight (not capped: iostat 12.6 prints over 100 when the kernel's io_ticks run ahead).</param>
/// <param name="Await">await: ms per request over reads, writes and discards together.</param>
/// <param name="InFlight">Requests in flight at the second sample.</param>
public sealed record DiskActivity(
    string Name, DeviceNumber Device, bool HasTimes,
    double ReadsPerSecond, double ReadKilobytesPerSecond, double ReadMergesPerSecond, double ReadMergePercent, double ReadAwait, double ReadRequestKilobytes,
    double WritesPerSecond, double WriteKilobytesPerSecond, double WriteMergesPerSecond, double WriteMergePercent, double WriteAwait, double WriteRequestKilobytes,
    double DiscardsPerSecond, double DiscardKilobytesPerSecond, double DiscardMergesPerSecond, double DiscardMergePercent, double DiscardAwait, double DiscardRequestKilobytes,
    double FlushesPerSecond, double FlushAwait, double QueueSize, double UtilizationPercent, double Await, uint InFlight)
{
    /// <summary>
    /// The figures between <paramref name="before"/> (null: since the device appeared, iostat's first
    /// report) and <paramref name="after"/>, <paramref name="centiseconds"/> apart.
    /// </summary>
    public static DiskActivity Between(DiskCounters? before, DiskCounters after, ulong centiseconds)
    {
        var b = before is null || Reappeared(before, after) ? Zero(after) : before;
        var itv = (double)Math.Max(centiseconds, 1);
        double Rate(ulong delta) => delta / itv * 100;
        // Sums in double: a damaged file's counters near 2^64 must not overflow (sysstat's unsigned long would wrap).
        static double PerRequest(double amount, double requests) => requests == 0 ? 0 : amount / requests;
        static double MergePercent(ulong merges, ulong ios) => merges == 0 && ios == 0 ? 0 : merges / ((double)merges + ios) * 100;

        var reads = Count(b.ReadIos, after.ReadIos);
        var writes = Count(b.WriteIos, after.WriteIos);
        var discards = Count(b.DiscardIos, after.DiscardIos);
        var flushes = Count(b.FlushIos, after.FlushIos);
        var readSectors = Count(b.ReadSectors, after.ReadSectors);
        var writeSectors = Count(b.WriteSectors, after.WriteSectors);
        var discardSectors = Count(b.DiscardSectors, after.DiscardSectors);
        var readMerges = Count(b.ReadMerges, after.ReadMerges);
        var writeMerges = Count(b.WriteMerges, after.WriteMerges);
        var discardMerges = Count(b.DiscardMerges, after.DiscardMerges);
        var readTicks = Ticks(b.ReadTicks, after.ReadTicks);
        var writeTicks = Ticks(b.WriteTicks, after.WriteTicks);
        var discardTicks = Ticks(b.DiscardTicks, after.DiscardTicks);
        var all = (double)reads + writes + discards;
        return new DiskActivity(
            after.Name, after.Device, after.HasTimes,
            Rate(reads), Rate(readSectors) / 2, Rate(readMerges), MergePercent(readMerges, reads), PerRequest(readTicks, reads), PerRequest(readSectors, reads) / 2,
            Rate(writes), Rate(writeSectors) / 2, Rate(writeMerges), MergePercent(writeMerges, writes), PerRequest(writeTicks, writes), PerRequest(writeSectors, writes) / 2,
            Rate(discards), Rate(discardSectors) / 2, Rate(discardMerges), MergePercent(discardMerges, discards), PerRequest(discardTicks, discards), PerRequest(discardSectors, discards) / 2,
            Rate(flushes), PerRequest(Ticks(b.FlushTicks, after.FlushTicks), flushes),
            Rate(Ticks(b.QueueTicks, after.QueueTicks)) / 1000, Rate(Ticks(b.IoTicks, after.IoTicks)) / 10,
            PerRequest((double)readTicks + writeTicks + discardTicks, all), after.InFlight);
    }

    /// <summary>
    /// A count's growth. A counter below its earlier value that fits 32 bits wrapped on a 32-bit
    /// kernel (unsigned long is 32 bits there) and grew by the wrap; sysstat's 64-bit subtraction
    /// would call that growth 2^64 − x.
    /// </summary>
    private static ulong Count(ulong before, ulong after) =>
        after >= before ? after - before
        : before <= uint.MaxValue ? after + (1UL << 32) - before
        : unchecked(after - before);

    /// <summary>Millisecond counters are 32 bits in the kernel's output: growth is taken modulo 2^32, as sysstat's unsigned int does.</summary>
    private static ulong Ticks(uint before, uint after) => unchecked(after - before);

    /// <summary>
    /// sysstat's test for a device removed and added again between samples: fewer requests in total
    /// and fewer sectors in every direction that had any. The figures are then taken from zero.
    /// </summary>
    private static bool Reappeared(DiskCounters before, DiskCounters after) =>
        unchecked(after.Ios + after.FlushIos) < unchecked(before.Ios + before.FlushIos)
        && (before.ReadSectors == 0 || after.ReadSectors < before.ReadSectors)
        && (before.WriteSectors == 0 || after.WriteSectors < before.WriteSectors)
        && (before.DiscardSectors == 0 || after.DiscardSectors < before.DiscardSectors);

    private static DiskCounters Zero(DiskCounters like) => new(like.Device, like.Name, like.Fields, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

using HostDoc.Storage;

namespace HostDoc.Proc;

/// <summary>
/// One device's line of <c>/proc/diskstats</c> (Documentation/admin-guide/iostats.rst): cumulative
/// counters since the device appeared. I/O, merge and sector counts are the kernel's unsigned long;
/// the millisecond times, in-flight and io_ticks are printed as 32-bit unsigned and wrap at 2^32.
/// </summary>
/// <param name="Device">major:minor.</param>
/// <param name="Name">The kernel name (sda, sda1, dm-0, nvme0n1, cciss/c0d0).</param>
/// <param name="Fields">How many counters the line had after the name: 4 (a 2.6 partition), 11, 15 (4.18+, discards) or 17 (5.5+, flushes); more on newer kernels.</param>
/// <param name="ReadIos">Reads completed.</param>
/// <param name="ReadMerges">Reads merged with a neighbour before reaching the device.</param>
/// <param name="ReadSectors">512-byte sectors read.</param>
/// <param name="ReadTicks">Milliseconds spent by reads (from queueing to completion, summed over requests).</param>
/// <param name="WriteIos">Writes completed.</param>
/// <param name="WriteMerges">Writes merged.</param>
/// <param name="WriteSectors">512-byte sectors written.</param>
/// <param name="WriteTicks">Milliseconds spent by writes.</param>
/// <param name="InFlight">Requests issued to the driver and not yet completed, now.</param>
/// <param name="IoTicks">Milliseconds during which at least one request was in flight (what %util is made of).</param>
/// <param name="QueueTicks">Weighted milliseconds: time × requests in flight (what aqu-sz is made of).</param>
/// <param name="DiscardIos">Discards completed (15+ fields).</param>
/// <param name="DiscardMerges">Discards merged.</param>
/// <param name="DiscardSectors">Sectors discarded.</param>
/// <param name="DiscardTicks">Milliseconds spent by discards.</param>
/// <param name="FlushIos">Flush requests completed (17+ fields).</param>
/// <param name="FlushTicks">Milliseconds spent by flushes.</param>
public sealed record DiskCounters(
    DeviceNumber Device, string Name, int Fields,
    ulong ReadIos, ulong ReadMerges, ulong ReadSectors, uint ReadTicks,
    ulong WriteIos, ulong WriteMerges, ulong WriteSectors, uint WriteTicks,
    uint InFlight, uint IoTicks, uint QueueTicks,
    ulong DiscardIos = 0, ulong DiscardMerges = 0, ulong DiscardSectors = 0, uint DiscardTicks = 0,
    ulong FlushIos = 0, uint FlushTicks = 0)
{
    /// <summary>False for a 2.6-era partition line, which counts only reads, writes and their sectors.</summary>
    public bool HasTimes => Fields >= 11;

    /// <summary>Every request the device completed (reads, writes, discards; flushes are counted apart, as iostat does).</summary>
    public ulong Ios => unchecked(ReadIos + WriteIos + DiscardIos);
}

namespace HostDoc.KernelLog.Following;

/// <summary>
/// The records of /dev/kmsg not yet consumed (Documentation/ABI/testing/dev-kmsg): every record has a
/// 64-bit sequence number counting from 0 at boot, so a gap between the last run's next number and
/// the oldest record still held, or between two records, is exactly how many the ring overwrote
/// before they were read. A new boot id is a reboot: the new boot is read from its first record.
/// </summary>
public static class KmsgFollower
{
    /// <summary>
    /// What to consume of <paramref name="records"/> (oldest first) of boot <paramref name="bootId"/> after <paramref name="previous"/>
    /// (null on a first run: everything when <paramref name="fromStart"/>, else nothing but the position at the end).
    /// </summary>
    public static KmsgFollow Follow(IReadOnlyList<KmsgRecord> records, string bootId, KmsgPosition? previous, bool fromStart)
    {
        // A new boot id is a reboot; so is a ring whose newest record is older than what was consumed (sequence numbers
        // restart at 0 each boot), which is how a reboot shows when boot_id cannot be read.
        var rebooted = previous is not null && (previous.BootId != bootId || (records.Count > 0 && records[^1].Sequence + 1 < previous.NextSequence));
        if (previous is null && !fromStart)
        {
            return new KmsgFollow([], Position(bootId, records.Count > 0 ? records[^1].Sequence + 1 : 0, records, null), 0, false);
        }

        var next = previous is null || rebooted ? 0 : previous.NextSequence;
        var taken = records.Where(r => r.Sequence >= next).ToArray();
        ulong lost = 0;
        var expected = next;
        foreach (var record in taken)
        {
            lost += record.Sequence - expected;   // the ring overwrote these before anyone read them
            expected = record.Sequence + 1;
        }

        return new KmsgFollow(taken, Position(bootId, Math.Max(expected, next), taken, rebooted ? null : previous), lost, rebooted);
    }

    /// <summary>The position after <paramref name="consumed"/>: the last timestamp and how many consumed records carry it.</summary>
    private static KmsgPosition Position(string bootId, ulong next, IReadOnlyList<KmsgRecord> consumed, KmsgPosition? before)
    {
        if (consumed.Count == 0)
        {
            return new KmsgPosition(bootId, next, before?.LastMicroseconds ?? 0, before?.AtLastMicroseconds ?? 0);
        }

        var last = consumed[^1].Microseconds;
        var count = consumed.Reverse().TakeWhile(r => r.Microseconds == last).Count();
        count += count == consumed.Count && before?.LastMicroseconds == last ? before.AtLastMicroseconds : 0;
        return new KmsgPosition(bootId, next, last, count);
    }
}

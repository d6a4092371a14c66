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
            return new KmsgFollow([], new KmsgPosition(bootId, records.Count > 0 ? records[^1].Sequence + 1 : 0, records.Count > 0 ? records[^1].Microseconds : 0), 0, false);
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

        var lastMicroseconds = taken.Length > 0 ? taken[^1].Microseconds : previous is not null && !rebooted ? previous.LastMicroseconds : 0;
        return new KmsgFollow(taken, new KmsgPosition(bootId, Math.Max(expected, next), lastMicroseconds), lost, rebooted);
    }
}

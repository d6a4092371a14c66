namespace HostDoc.KernelLog.Following;

/// <summary>Where reading /dev/kmsg stopped: the boot (/proc/sys/kernel/random/boot_id) and the next record's sequence number.</summary>
/// <param name="BootId">The boot the records belong to.</param>
/// <param name="NextSequence">The sequence number of the first record not yet consumed.</param>
/// <param name="LastMicroseconds">The timestamp of the last record consumed: after a reboot, the previous boot's journal is read from there.</param>
/// <param name="AtLastMicroseconds">How many consumed records carry that timestamp (one printk of several lines gives them all the same).</param>
public sealed record KmsgPosition(string BootId, ulong NextSequence, ulong LastMicroseconds = 0, int AtLastMicroseconds = 0);

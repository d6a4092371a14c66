namespace HostDoc.KernelLog.Following;

/// <summary>Where reading /dev/kmsg stopped: the boot (/proc/sys/kernel/random/boot_id) and the next record's sequence number.</summary>
/// <param name="BootId">The boot the records belong to.</param>
/// <param name="NextSequence">The sequence number of the first record not yet consumed.</param>
public sealed record KmsgPosition(string BootId, ulong NextSequence);

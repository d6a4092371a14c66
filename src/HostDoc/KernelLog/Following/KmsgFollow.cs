namespace HostDoc.KernelLog.Following;

/// <summary>What one run consumes of /dev/kmsg.</summary>
/// <param name="Records">The records not consumed before, oldest first.</param>
/// <param name="Next">The position after them.</param>
/// <param name="Lost">Records overwritten by the ring before they could be read (sequence gaps).</param>
/// <param name="Rebooted">True when the boot id changed since the last run.</param>
public sealed record KmsgFollow(IReadOnlyList<KmsgRecord> Records, KmsgPosition Next, ulong Lost, bool Rebooted);

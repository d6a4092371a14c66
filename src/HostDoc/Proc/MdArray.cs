namespace HostDoc.Proc;

/// <summary>One member of an md array as /proc/mdstat lists it: <c>sdb1[1]</c>, with <c>(F)</c> failed, <c>(S)</c> spare, <c>(W)</c> write-mostly, <c>(R)</c> replacement, <c>(J)</c> journal.</summary>
/// <param name="Name">The member device's kernel name.</param>
/// <param name="Slot">The number in brackets (the descriptor's number, not always the slot in the status string).</param>
/// <param name="Faulty">(F): md failed it and no longer uses it.</param>
/// <param name="Spare">(S): a spare, not holding data.</param>
/// <param name="Flags">The flag letters as printed (F, S, W, R, J).</param>
public sealed record MdMember(string Name, int Slot, bool Faulty, bool Spare, string Flags);

/// <summary>A resync, recovery, check, repair or reshape in progress (or waiting: DELAYED, PENDING).</summary>
/// <param name="Action">recovery, resync, check, repair, reshape.</param>
/// <param name="Percent">How far it is, when running.</param>
/// <param name="Finish">The kernel's estimate of the time left, as printed (<c>17.0min</c>).</param>
/// <param name="Speed">The current speed, as printed (<c>259783K/sec</c>).</param>
/// <param name="Waiting">DELAYED or PENDING when it has not started.</param>
/// <param name="Done">The blocks done, the first number of <c>(16775552/195310144)</c>, when running.</param>
/// <param name="Total">The blocks it will cover, the second number, when running.</param>
public sealed record MdSync(string Action, double? Percent, string? Finish, string? Speed, string? Waiting, ulong? Done = null, ulong? Total = null);

/// <summary>One array of /proc/mdstat.</summary>
/// <param name="Name">md0, md127.</param>
/// <param name="Active">False for an "inactive" array (assembled but not running).</param>
/// <param name="ReadOnly">"(read-only)" or "(auto-read-only)".</param>
/// <param name="Level">raid1, raid6, raid0, linear…; null when not known (an inactive array).</param>
/// <param name="Members">Its member devices.</param>
/// <param name="Blocks">Size in 1 KiB blocks.</param>
/// <param name="RaidDisks">n of <c>[n/m]</c>: the members the array should have.</param>
/// <param name="WorkingDisks">m of <c>[n/m]</c>: the members in sync.</param>
/// <param name="Status">The <c>[UU_U]</c> string: U in sync, _ missing, one letter per slot.</param>
/// <param name="Sync">The resync or recovery, when one runs or waits.</param>
/// <param name="Metadata">The superblock format after "super" (1.2, external:imsm, external:/md127/0), when printed.</param>
public sealed record MdArray(
    string Name, bool Active, bool ReadOnly, string? Level, IReadOnlyList<MdMember> Members, ulong? Blocks,
    int? RaidDisks, int? WorkingDisks, string? Status, MdSync? Sync, string? Metadata = null)
{
    /// <summary>An IMSM or DDF container (<c>super external:imsm</c>): it holds the metadata of firmware RAID and is inactive by design; its arrays are listed on their own.</summary>
    public bool IsContainer => !Active && Metadata is { } m && m.StartsWith("external:", StringComparison.Ordinal) && !m.Contains('/', StringComparison.Ordinal);

    /// <summary>How many members are missing: n − m, or the _ in the status.</summary>
    public int Missing => RaidDisks is { } n && WorkingDisks is { } m && n > m ? n - m : Status?.Count(c => c == '_') ?? 0;

    /// <summary>Running with fewer members than it needs: one more failure loses data (raid1/5) or redundancy (raid6 with one missing).</summary>
    public bool Degraded => Active && Missing > 0;
}

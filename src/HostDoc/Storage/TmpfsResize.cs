using HostDoc.Proc.Pid;
using HostDoc.Sources;

namespace HostDoc.Storage;

/// <summary>
/// Whether <c>mount -o remount,size=SIZE MOUNT</c> would succeed on a tmpfs, decided as
/// mm/shmem.c decides it (shmem_reconfigure, formerly shmem_remount_fs): a tmpfs cannot be made
/// smaller than the pages its files occupy, nor given fewer inodes than it uses, and one mounted
/// without a limit cannot be given one afterwards. Each refusal is EINVAL ("bad option" from
/// mount(8)) with the reason in the kernel log ("tmpfs: Too small a size for current use"); tmpfs
/// cannot drop file data, so it refuses rather than truncate.
/// </summary>
/// <param name="Mount">The tmpfs mount.</param>
/// <param name="Stats">Its statvfs.</param>
/// <param name="PageSize">Bytes per page (tmpfs counts whole pages).</param>
/// <param name="Requested">The size asked for.</param>
/// <param name="RequestedInodes">nr_inodes asked for, when given.</param>
public sealed record TmpfsResize(MountinfoEntry Mount, FsStats Stats, ulong PageSize, TmpfsSize Requested, ulong? RequestedInodes)
{
    /// <summary>Pages the files occupy now.</summary>
    public ulong UsedPages => Stats.Blocks - Math.Min(Stats.Blocks, Stats.BlocksFree);

    /// <summary>Pages the requested size allows (rounded up, as the kernel does); 0 = unlimited.</summary>
    public ulong RequestedPages => Requested.Bytes / PageSize + (Requested.Bytes % PageSize == 0 ? 0UL : 1UL);

    /// <summary>
    /// True when the tmpfs currently has no size limit: shmem_statfs then reports 0 blocks (the
    /// options may still say <c>size=0k</c> after a remount to unlimited).
    /// </summary>
    public bool CurrentlyUnlimited => Stats.Blocks == 0;

    /// <summary>Inodes in use now.</summary>
    public ulong UsedInodes => Stats.Files - Math.Min(Stats.Files, Stats.FilesFree);

    /// <summary>Null when the remount would succeed; otherwise the kernel's reason.</summary>
    public string? Refusal =>
        RequestedPages > 0 && CurrentlyUnlimited ? "Cannot retroactively limit size"
        : RequestedPages > 0 && UsedPages > RequestedPages ? "Too small a size for current use"
        : RequestedInodes is > 0 && Stats.Files == 0 ? "Cannot retroactively limit inodes"
        : RequestedInodes is { } inodes && inodes > 0 && UsedInodes > inodes ? "Too few inodes for current use"
        : null;

    /// <summary>The smallest size, in whole MiB, that the kernel would accept now.</summary>
    public ulong SmallestMebibytes => Math.Max(1, Saturating.Add(Saturating.Multiply(UsedPages, PageSize), (1UL << 20) - 1) >> 20);
}

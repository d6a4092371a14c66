using HostDoc.Sources;

namespace HostDoc.Storage;

/// <summary>
/// What statvfs(3) says about one filesystem, with the figures df and check_disk derive from it
/// computed once here. Block counts are in units of the fragment size (f_frsize). Byte figures saturate:
/// only a damaged tree's statvfs file reaches 16 EiB.
/// </summary>
/// <param name="FragmentSize">f_frsize: the unit of the block counts.</param>
/// <param name="Blocks">f_blocks: size of the filesystem.</param>
/// <param name="BlocksFree">f_bfree: free blocks, including those reserved for root.</param>
/// <param name="BlocksAvailable">f_bavail: free blocks an unprivileged user may use.</param>
/// <param name="Files">f_files: inodes in all (0 on filesystems without a fixed inode table, e.g. btrfs).</param>
/// <param name="FilesFree">f_ffree: free inodes.</param>
/// <param name="FilesAvailable">f_favail: free inodes for unprivileged users.</param>
/// <param name="ReadOnly">ST_RDONLY in f_flag.</param>
public sealed record FsStats(
    ulong FragmentSize,
    ulong Blocks,
    ulong BlocksFree,
    ulong BlocksAvailable,
    ulong Files,
    ulong FilesFree,
    ulong FilesAvailable,
    bool ReadOnly)
{
    /// <summary>Size in bytes.</summary>
    public ulong SizeBytes => Saturating.Multiply(Blocks, FragmentSize);

    /// <summary>Used bytes (blocks − free).</summary>
    public ulong UsedBytes => Saturating.Multiply(Blocks - Math.Min(Blocks, BlocksFree), FragmentSize);

    /// <summary>Bytes an unprivileged user can still write.</summary>
    public ulong AvailableBytes => Saturating.Multiply(BlocksAvailable, FragmentSize);

    /// <summary>Bytes kept for root (free − available; ext4's reserved blocks).</summary>
    public ulong ReservedBytes => Saturating.Multiply(BlocksFree - Math.Min(BlocksFree, BlocksAvailable), FragmentSize);

    /// <summary>Used + available: the space a user can ever have (df's "Size" minus the reserve).</summary>
    public ulong UsableBytes => Saturating.Add(UsedBytes, AvailableBytes);

    /// <summary>Free space as a percentage of the usable space (reserve excluded), exact.</summary>
    public double FreePercentOfUsable => UsableBytes == 0 ? 100 : 100.0 * AvailableBytes / UsableBytes;

    /// <summary>df's Use%: ceil(100 × used / (used + available)).</summary>
    public int DfUsedPercent => UsableBytes == 0 ? 0 : (int)Math.Ceiling(100.0 * UsedBytes / UsableBytes);

    /// <summary>True when the filesystem has a fixed number of inodes to run out of.</summary>
    public bool HasInodes => Files > 0;

    /// <summary>Inodes in use (files − ffree).</summary>
    public ulong InodesUsed => Files - Math.Min(Files, FilesFree);

    /// <summary>Free inodes as a percentage of all inodes; 100 when there is no inode table.</summary>
    public double InodesFreePercent => Files == 0 ? 100 : 100.0 * FilesFree / Files;
}

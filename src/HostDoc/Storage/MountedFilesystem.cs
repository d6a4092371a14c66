using HostDoc.Proc.Pid;
using HostDoc.Sources;

namespace HostDoc.Storage;

/// <summary>One filesystem as df sees it: its first visible mount, its other mount points (bind mounts), and statvfs.</summary>
/// <param name="Mount">The mount it is reported under (the first visible one in mount order).</param>
/// <param name="OtherMountPoints">Where else the same filesystem is mounted (bind mounts, same device).</param>
/// <param name="Stats">statvfs, or why it could not be had (timeout, error).</param>
public sealed record MountedFilesystem(MountinfoEntry Mount, IReadOnlyList<string> OtherMountPoints, Sourced<FsStats> Stats)
{
    /// <summary>The mount point it is reported under.</summary>
    public string MountPoint => Mount.MountPoint;

    /// <summary>True for pseudo filesystems and read-only images.</summary>
    public bool IsPseudo => FilesystemKinds.IsPseudo(Mount.FsType);
}

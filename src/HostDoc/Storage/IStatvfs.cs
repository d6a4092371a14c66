using HostDoc.Sources;

namespace HostDoc.Storage;

/// <summary>Where statvfs answers come from: the live system call, or what a captured tree carries.</summary>
public interface IStatvfs
{
    /// <summary>The figures for the filesystem mounted at <paramref name="mountPoint"/> (type <paramref name="fsType"/>).</summary>
    Sourced<FsStats> Query(string mountPoint, string fsType);

    /// <summary>
    /// The figures for many mounts at once; a source that waits does so in parallel, so however many
    /// mounts hang the whole call takes at most one timeout.
    /// </summary>
    IReadOnlyList<Sourced<FsStats>> QueryAll(IReadOnlyList<(string MountPoint, string FsType)> mounts) =>
        mounts.Select(m => Query(m.MountPoint, m.FsType)).ToArray();
}

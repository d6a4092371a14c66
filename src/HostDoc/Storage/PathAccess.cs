using HostDoc.Proc.Pid;

namespace HostDoc.Storage;

/// <summary>Whether a path a user named exists, on the live host or in a captured tree.</summary>
public static class PathAccess
{
    /// <summary>
    /// Live: the path exists. Captured tree: it exists in the tree or it is one of the tree's mount
    /// points (a tree carries the mount table and statvfs, not the mounted directories themselves).
    /// A path on a network or FUSE mount (<paramref name="holder"/>) is not stat()ed at all, since
    /// stat blocks when the server is gone: it counts as existing, and the mount's statvfs, which
    /// runs under a timeout, decides.
    /// </summary>
    public static bool Exists(HostRoot root, string path, IEnumerable<MountinfoEntry> mounts, MountinfoEntry? holder) =>
        (holder is not null && FilesystemKinds.CanHang(holder.FsType))
        || root.Exists(path)
        || (!root.IsLive && mounts.Any(m => m.MountPoint == path));
}

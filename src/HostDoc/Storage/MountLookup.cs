using HostDoc.Proc.Pid;

namespace HostDoc.Storage;

/// <summary>Which mount a path is on, by the mount table alone (nothing is stat()ed, so a hung network mount cannot block it).</summary>
public static class MountLookup
{
    /// <summary>The mount holding <paramref name="path"/>: the longest mount point that is a prefix, the last mounted of equals.</summary>
    public static MountinfoEntry? Holding(IReadOnlyList<MountinfoEntry> mounts, string path)
    {
        MountinfoEntry? best = null;
        foreach (var m in mounts)
        {
            if (FilesystemTable.IsUnder(path, m.MountPoint) && (best is null || m.MountPoint.Length >= best.MountPoint.Length))
            {
                best = m;
            }
        }

        return best;
    }
}

using HostDoc.Proc.Pid;

namespace HostDoc.Storage;

/// <summary>
/// The filesystems of a mount namespace, one row per filesystem: mounts hidden under a later mount
/// at the same point are dropped, and bind mounts of one device are folded into one row that lists
/// the other mount points (check_disk lists them once per mount point and alerts several times).
/// statvfs is asked once per filesystem, and never for pseudo filesystems unless asked for.
/// </summary>
public sealed record FilesystemTable(IReadOnlyList<MountedFilesystem> Filesystems)
{
    /// <summary>Builds the table from the mount table and a statvfs source.</summary>
    public static FilesystemTable Build(Mountinfo mounts, IStatvfs statvfs, bool includePseudo)
    {
        var visible = Visible(mounts.Entries);
        var rows = new List<MountinfoEntry>();
        var byDevice = new Dictionary<DeviceNumber, int>();
        var others = new Dictionary<int, List<string>>();
        foreach (var mount in visible)
        {
            if (!includePseudo && FilesystemKinds.IsPseudo(mount.FsType))
            {
                continue;
            }

            if (byDevice.TryGetValue(mount.Device, out var index))
            {
                others[index].Add(mount.MountPoint);
                continue;
            }

            byDevice[mount.Device] = rows.Count;
            others[rows.Count] = [];
            rows.Add(mount);
        }

        var stats = statvfs.QueryAll(rows.Select(m => (m.MountPoint, m.FsType)).ToArray());
        return new FilesystemTable(rows.Select((mount, i) => new MountedFilesystem(mount, others[i], stats[i])).ToArray());
    }

    /// <summary>The filesystem mounted at exactly <paramref name="mountPoint"/> (as primary or bind mount), or null.</summary>
    public MountedFilesystem? AtMountPoint(string mountPoint) =>
        Filesystems.FirstOrDefault(f => f.MountPoint == mountPoint || f.OtherMountPoints.Contains(mountPoint));

    /// <summary>
    /// The filesystem holding <paramref name="path"/>: the longest mount point that is <paramref name="path"/>
    /// or a whole-component prefix of it (so /srv/pm/var2 is not on /srv/pm/var).
    /// </summary>
    public MountedFilesystem? Holding(string path)
    {
        MountedFilesystem? best = null;
        var bestLength = -1;
        foreach (var fs in Filesystems)
        {
            foreach (var point in fs.OtherMountPoints.Prepend(fs.MountPoint))
            {
                if (point.Length > bestLength && IsUnder(path, point))
                {
                    best = fs;
                    bestLength = point.Length;
                }
            }
        }

        return best;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="mountPoint"/> or inside it, by path components.</summary>
    public static bool IsUnder(string path, string mountPoint) =>
        mountPoint == "/"
        || path == mountPoint
        || (path.StartsWith(mountPoint, StringComparison.Ordinal) && path.Length > mountPoint.Length && path[mountPoint.Length] == '/');

    private static List<MountinfoEntry> Visible(IReadOnlyList<MountinfoEntry> entries)
    {
        // A later mount at the same point covers the earlier one: statvfs of the path sees the top.
        var lastAt = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            lastAt[entries[i].MountPoint] = i;
        }

        return entries.Where((e, i) => lastAt[e.MountPoint] == i).ToList();
    }
}

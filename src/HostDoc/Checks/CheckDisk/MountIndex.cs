using HostDoc.Proc.Pid;

namespace HostDoc.Checks.CheckDisk;

/// <summary>The mount table indexed by device name and mount point, for check_disk's path matching.</summary>
internal sealed class MountIndex
{
    private readonly Dictionary<string, MountinfoEntry> _bySource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MountinfoEntry> _byMountPoint = new(StringComparer.Ordinal);

    public MountIndex(IReadOnlyList<MountinfoEntry> mounts)
    {
        Mounts = mounts;
        foreach (var mount in mounts)
        {
            _bySource.TryAdd(mount.Source, mount);
            _byMountPoint.TryAdd(mount.MountPoint, mount);
        }
    }

    public IReadOnlyList<MountinfoEntry> Mounts { get; }

    /// <summary>
    /// check_disk's np_set_best_match: a mount whose device is the path, else (with -E) the mount at
    /// exactly the path, else the longest mount point the path lies under — by whole path components
    /// here (2.3.3 compares characters, so /srv/pm/var2 matched the /srv/pm/var mount). Walks up the
    /// path's parents, so it costs the path's depth, not the number of mounts.
    /// </summary>
    public MountinfoEntry? BestMatch(string path, bool exact)
    {
        if (_bySource.TryGetValue(path, out var device))
        {
            return device;
        }

        if (exact)
        {
            return _byMountPoint.GetValueOrDefault(path);
        }

        for (var candidate = path; candidate.Length > 0; candidate = Parent(candidate))
        {
            if (_byMountPoint.TryGetValue(candidate, out var mount))
            {
                return mount;
            }

            if (candidate == "/")
            {
                break;
            }
        }

        return null;
    }

    private static string Parent(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash switch { < 0 => "", 0 => "/", _ => trimmed[..slash] };
    }
}

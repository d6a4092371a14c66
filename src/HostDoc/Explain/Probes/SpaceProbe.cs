using HostDoc.Findings;

namespace HostDoc.Explain.Probes;

/// <summary>ENOSPC on a path: is its filesystem out of blocks, out of inodes, or down to the root reserve; a tmpfs at its size=.</summary>
public sealed class SpaceProbe : IProbe
{
    /// <summary>Below this share free, inodes or blocks count as used up (allocators fail before the last one on most filesystems).</summary>
    private const double NearlyNone = 0.001;

    /// <inheritdoc />
    public string Name => "space";

    /// <inheritdoc />
    public IReadOnlyList<ProbeResult> Run(HostModel host, ExplainRequest request)
    {
        if (ProbePath.Absolute(host.Root, request) is not { } path)
        {
            return [];
        }

        if (ProbePath.Holding(host, path) is not { } mount)
        {
            return [new(Name, ProbeVerdict.Unknown, $"the mount holding {path} is unknown: {ProbePath.Why(host.Mountinfo.Problems)}", [])];
        }

        var stats = host.Root.Statvfs(HostModel.DefaultStatvfsTimeout).Query(mount.MountPoint, mount.FsType);
        if (stats.Value is not { } s)
        {
            return [new(Name, ProbeVerdict.Unknown, $"statvfs of {mount.MountPoint} failed: {ProbePath.Why(stats.Problems)}", [])];
        }

        var where = $"{mount.MountPoint} ({mount.FsType} on {mount.Source})";
        var evidence = new List<Evidence>
        {
            new("mount", where, "/proc/self/mountinfo"),
            new("blocks", $"{Quantity.Bytes(s.SizeBytes)} in all, {Quantity.Bytes(s.BlocksFree * s.FragmentSize)} free, {Quantity.Bytes(s.BlocksAvailable * s.FragmentSize)} available to non-root users", "statvfs f_blocks f_bfree f_bavail"),
            new("inodes", s.Files == 0 ? "no fixed inode table" : $"{s.Files} in all, {s.FilesFree} free", "statvfs f_files f_ffree"),
        };
        var results = new List<ProbeResult>();
        var tmpfs = mount.FsType == "tmpfs";
        var noBlocks = s.Blocks > 0 && s.BlocksFree <= s.Blocks * NearlyNone;
        var reserveOnly = !noBlocks && s.Blocks > 0 && s.BlocksAvailable <= s.Blocks * NearlyNone;
        var noInodes = s.Files > 0 && (s.FilesFree == 0 || s.FilesFree <= s.Files * NearlyNone);
        if (noBlocks)
        {
            results.Add(new(Name, ProbeVerdict.Holds, tmpfs
                ? $"the tmpfs {mount.MountPoint} is at its size= limit ({Quantity.Bytes(s.SizeBytes)}): it holds files in memory and refuses more beyond that"
                : $"{where} has no free blocks: every write that needs a new block fails with ENOSPC", evidence));
        }
        else if (reserveOnly)
        {
            results.Add(new(Name, ProbeVerdict.Holds,
                $"{where} has {Quantity.Bytes(s.BlocksFree * s.FragmentSize)} free, all of it in the root reserve: root can still write, any other user gets ENOSPC", evidence));
        }

        if (noInodes)
        {
            results.Add(new(Name, ProbeVerdict.Holds,
                $"{where} has {(s.FilesFree == 0 ? "no" : s.FilesFree.ToString(System.Globalization.CultureInfo.InvariantCulture))} free inodes ({s.Files} in all{(tmpfs ? ", the tmpfs's nr_inodes=" : "")}): creating a file fails with ENOSPC although {Quantity.Bytes(s.BlocksAvailable * s.FragmentSize)} of blocks are free", evidence));
        }

        if (results.Count == 0)
        {
            results.Add(new(Name, ProbeVerdict.RuledOut,
                $"{where} has room: {Quantity.Bytes(s.BlocksAvailable * s.FragmentSize)} available and {(s.Files == 0 ? "no inode limit" : $"{s.FilesFree} inodes free")}, so the ENOSPC came from something else (inotify watches, a cpuset, a quota), or space was freed since",
                evidence));
        }

        return results;
    }
}

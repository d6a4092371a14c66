using HostDoc.Findings;
using HostDoc.Storage;

namespace HostDoc.Explain.Probes;

/// <summary>EINVAL from a tmpfs remount: tmpfs-resize's arithmetic (shmem_reconfigure refuses a size below the pages in use, nr_inodes below the inodes in use).</summary>
public sealed class TmpfsRemountProbe : IProbe
{
    /// <inheritdoc />
    public string Name => "tmpfs-remount";

    /// <inheritdoc />
    public IReadOnlyList<ProbeResult> Run(HostModel host, ExplainRequest request)
    {
        if (ProbePath.Absolute(host.Root, request) is not { } path || host.Mountinfo.Value is not { } mounts)
        {
            return [];
        }

        var mount = mounts.Entries.LastOrDefault(m => m.MountPoint == path);
        if (mount is null || mount.FsType != "tmpfs")
        {
            return [new(Name, ProbeVerdict.RuledOut, mount is null ? $"{path} is not a mount point: a remount of it fails with EINVAL for that reason" : $"{path} is {mount.FsType}, not tmpfs: the EINVAL is about an option {mount.FsType} does not accept", [])];
        }

        var stats = host.Root.Statvfs(HostModel.DefaultStatvfsTimeout).Query(mount.MountPoint, mount.FsType);
        if (stats.Value is not { } s)
        {
            return [new(Name, ProbeVerdict.Unknown, $"statvfs of {path} failed: {ProbePath.Why(stats.Problems)}", [])];
        }

        var pageSize = (ulong)host.PageSize.Bytes;
        var size = request.Size ?? (s.Blocks == 0 ? "0" : (s.Blocks * pageSize).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!TmpfsSize.TryParse(size, host.Meminfo.Value?.MemTotal ?? 0, out var requested, out var error))
        {
            return [new(Name, ProbeVerdict.Unknown, $"--size {size}: {error}", [])];
        }

        var resize = new TmpfsResize(mount, s, pageSize, requested, null);
        var evidence = new List<Evidence>
        {
            new("in use", $"{Quantity.Bytes(resize.UsedPages * pageSize)} ({resize.UsedPages} pages), {resize.UsedInodes} inodes", "statvfs"),
            new("limits now", s.Blocks == 0 ? "size unlimited" : $"size {Quantity.Bytes(s.Blocks * pageSize)}, nr_inodes {s.Files}", "statvfs"),
        };
        if (request.Size is null)
        {
            return [new(Name, ProbeVerdict.Note, $"a remount of {path} is refused with EINVAL for any size below {resize.SmallestMebibytes}M or nr_inodes below {resize.UsedInodes} (what is in use now); give --size to test one", evidence)];
        }

        return resize.Refusal is { } refusal
            ? [new(Name, ProbeVerdict.Holds, $"mount -o remount,size={request.Size} {path} is refused: {refusal}", evidence)]
            : [new(Name, ProbeVerdict.RuledOut, $"size={request.Size} is at least what {path} uses: the tmpfs would accept it, so the EINVAL came from another option", evidence)];
    }
}

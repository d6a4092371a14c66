using HostDoc.Findings;
using HostDoc.Storage;
using HostDoc.Sys.Fs.Ext4;

namespace HostDoc.Checks;

/// <summary>
/// Space and inodes of every real filesystem (hostdoc's own mode; check_disk compatibility lives in
/// CheckDiskCompat), plus what check_disk never looks at: filesystems the kernel turned read-only,
/// ext4's recorded errors, and mounts whose statvfs does not answer.
/// </summary>
public sealed class DiskCheck : ICheck
{
    /// <summary>Free space, % of usable space (root's reserve excluded).</summary>
    public static readonly ThresholdSpec Space = ThresholdSpec.Of(
        "space", "free space, % of the space usable by non-root (reserve excluded); alerts below (default warning 10:, critical 5:)", "10:", "5:");

    /// <summary>Free inodes, % of all inodes.</summary>
    public static readonly ThresholdSpec Inodes = ThresholdSpec.Of(
        "inodes", "free inodes, % of all inodes; alerts below, ignored on filesystems without an inode table (default warning 10:, critical 5:)", "10:", "5:");

    /// <inheritdoc />
    public string Name => "disk";

    /// <inheritdoc />
    public string Description => "space and inodes per filesystem, forced read-only mounts, ext4 errors, mounts that hang";

    /// <inheritdoc />
    public IReadOnlyList<ThresholdSpec> Thresholds { get; } = [Space, Inodes];

    /// <inheritdoc />
    public IReadOnlyList<CheckOption> Options { get; } =
    [
        new("path", true, "only the filesystem holding this path (repeatable; a path component prefix, not a character prefix)"),
    ];

    /// <inheritdoc />
    public bool CanBlock => false;

    /// <inheritdoc />
    public IReadOnlyList<string> FindingIds { get; } =
        ["disk.space-low", "disk.inodes-low", "disk.not-answering", "disk.statvfs-failed", "disk.forced-readonly", "disk.readonly", "disk.fs-errors", "disk.path-not-found"];

    /// <inheritdoc />
    public CheckResult Run(HostModel host, CheckSettings settings)
    {
        var table = host.Filesystems;
        if (table.Value is not { } filesystems)
        {
            return CheckResult.Undecided(Name, "filesystems", table.Problems);
        }

        var space = settings.For(Space);
        var inodes = settings.For(Inodes);
        var findings = new List<Finding>();
        var measurements = new List<Measurement>();
        var selected = Select(host.Root, host.Mountinfo.Value?.Entries ?? [], filesystems, settings.Values("path"), findings).ToArray();
        foreach (var fs in selected)
        {
            Examine(host, fs, space, inodes, findings, measurements);
        }

        var spaceFindings = findings.Where(f => f.Id == "disk.space-low").ToArray();
        var tightest = selected.Where(f => f.Stats.Value is not null).MinBy(f => f.Stats.Value!.FreePercentOfUsable);
        var headline = spaceFindings.Length switch
        {
            0 => "no filesystems selected",
            1 => spaceFindings[0].Summary,
            _ => $"{spaceFindings.Length} filesystems OK; least free: {spaceFindings.First(f => f.Subject == tightest!.MountPoint).Summary}",
        };
        return new CheckResult(Name, findings, measurements, table.Problems, headline);
    }

    private static IEnumerable<MountedFilesystem> Select(
        HostRoot root, IReadOnlyList<Proc.Pid.MountinfoEntry> mounts, FilesystemTable table, IReadOnlyList<string> paths, List<Finding> findings)
    {
        if (paths.Count == 0)
        {
            return table.Filesystems;
        }

        var chosen = new List<MountedFilesystem>();
        foreach (var path in paths)
        {
            if (table.Holding(path) is { } fs && PathAccess.Exists(root, path, mounts, fs.Mount))
            {
                if (!chosen.Contains(fs))
                {
                    chosen.Add(fs);
                }
            }
            else
            {
                findings.Add(DiskFindings.PathNotFound(path));
            }
        }

        return chosen;
    }

    private static void Examine(HostModel host, MountedFilesystem fs, Thresholds space, Thresholds inodes, List<Finding> findings, List<Measurement> measurements)
    {
        if (fs.Mount.ForcedReadOnly)
        {
            findings.Add(DiskFindings.ForcedReadOnly(fs));
        }
        else if (fs.Mount.MountReadOnly && fs.Mount.SuperOption("errors") == "remount-ro")
        {
            findings.Add(DiskFindings.ReadOnly(fs));
        }

        if (fs.Mount.FsType is "ext4" or "ext3" or "ext2" && BlockDeviceName.Of(host.Root, fs.Mount) is { } device
            && Ext4Errors.Read(host.Root, device).Value is { Count: > 0 } errors)
        {
            findings.Add(DiskFindings.FsErrors(fs, errors));
        }

        if (fs.Stats.Value is not { } stats)
        {
            findings.Add(DiskFindings.NoStats(fs));
            return;
        }

        var spaceSeverity = space.Evaluate(stats.FreePercentOfUsable);
        var inodeSeverity = stats.HasInodes ? inodes.Evaluate(stats.InodesFreePercent) : Severity.Ok;
        findings.Add(DiskFindings.Space(fs, stats, spaceSeverity));
        if (inodeSeverity != Severity.Ok)
        {
            findings.Add(DiskFindings.InodesLow(fs, stats, inodeSeverity));
        }

        var usable = (double)stats.UsableBytes;
        measurements.Add(new Measurement(fs.MountPoint, stats.UsedBytes, "B",
            UsedAt(space.Warning, usable), UsedAt(space.Critical, usable), 0, usable));
        if (stats.HasInodes)
        {
            measurements.Add(new Measurement(fs.MountPoint + " inodes", stats.InodesUsed, "",
                UsedAt(inodes.Warning, stats.Files), UsedAt(inodes.Critical, stats.Files), 0, stats.Files));
        }
    }

    /// <summary>The used amount at which a free-percentage threshold starts alerting, for perfdata.</summary>
    private static double? UsedAt(NagiosRange? freeRange, double total) =>
        freeRange?.Boundary is { } freePercent ? Math.Ceiling(total - (freePercent * total / 100)) : null;
}

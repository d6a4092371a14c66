using HostDoc.Proc.Pid;
using HostDoc.Storage;

namespace HostDoc.Tasks;

/// <summary>
/// Finds, for each stuck task, the filesystem and device it waits on. A journal thread names its
/// device (<c>jbd2/dm-0-8</c>). Otherwise the task's own files point there: open files first, then
/// its working directory, then its mapped files, each resolved to a mount in the task's own mount
/// namespace, kept to the filesystem types its wait class concerns (ext3/ext4 for a journal wait, NFS,
/// FUSE, CIFS). When its files say nothing: the journal thread stuck beside it, the mount the other
/// stuck tasks of the same class use (how <c>kjournald</c>, which has no device in its name, is
/// placed), or the only mount of that type.
/// </summary>
public static class WaitTargetResolver
{
    private static readonly string[] Jbd = ["ext3", "ext4", "ext4dev", "ocfs2"];

    /// <summary>The tasks with <see cref="StuckTask.Target"/> set where it could be told.</summary>
    public static IReadOnlyList<StuckTask> Resolve(IReadOnlyList<StuckTask> stuck, IReadOnlyList<MountinfoEntry> mounts, BlockTopology topology)
    {
        var journalThreads = stuck.Where(t => JournalThreadDevice(t.Comm) is not null).ToArray();
        var first = stuck.Select(t => t with { Target = FromNameOrFiles(t, mounts, topology) }).ToArray();
        return first.Select(t => t.Target is not null ? t : t with { Target = FromOthers(t, first, journalThreads, mounts, topology) }).ToArray();
    }

    /// <summary><c>jbd2/sdb1-8</c> → sdb1, <c>jbd2/dm-0-8</c> → dm-0: the journal thread is named after its device and the journal's inode.</summary>
    public static string? JournalThreadDevice(string comm)
    {
        if (!comm.StartsWith("jbd2/", StringComparison.Ordinal))
        {
            return null;
        }

        var name = comm[5..];
        var dash = name.LastIndexOf('-');
        return dash > 0 ? name[..dash] : name.Length > 0 ? name : null;
    }

    private static WaitTarget? FromNameOrFiles(StuckTask task, IReadOnlyList<MountinfoEntry> mounts, BlockTopology topology)
    {
        if (JournalThreadDevice(task.Comm) is { } name && topology.Find(name) is { } device
            && mounts.LastOrDefault(m => m.Device == device.Device) is { } journalMount)
        {
            return Target(journalMount, topology, $"its own name: the journal thread of {name}");
        }

        if (task.Files is not { } files)
        {
            return null;
        }

        var view = files.Mounts is { Count: > 0 } own ? own : mounts;
        var wanted = Types(task);
        foreach (var (path, how) in files.OpenFiles.Select(p => ((string?)p, $"open file {p}")).Append((files.Cwd, "working directory " + files.Cwd)))
        {
            if (path is not null && MountLookup.Holding(view, path) is { } mount && Concerns(mount, wanted))
            {
                return Target(mount, topology, how);
            }
        }

        foreach (var mapped in files.MappedDevices)
        {
            if (view.LastOrDefault(m => m.Device == mapped) is { } mount && Concerns(mount, wanted))
            {
                return Target(mount, topology, $"a mapped file on {mapped}");
            }
        }

        return null;
    }

    private static WaitTarget? FromOthers(StuckTask task, IReadOnlyList<StuckTask> resolved, IReadOnlyList<StuckTask> journalThreads,
        IReadOnlyList<MountinfoEntry> mounts, BlockTopology topology)
    {
        var wanted = Types(task);
        if (wanted is null)
        {
            return null;   // a generic I/O wait with no files: nothing says which device
        }

        if (task.Class == WaitClasses.Journal && journalThreads.Select(t => resolved.First(r => r.Id == t.Id).Target).OfType<WaitTarget>()
                .DistinctBy(t => t.MountPoint).ToArray() is [var journal])
        {
            return journal with { How = $"the journal thread of {journal.BlockDevice ?? journal.MountPoint} is stuck too" };
        }

        var others = resolved.Where(r => r.Id != task.Id && r.Class == task.Class && r.Target is { } t && wanted.Contains(t.FsType))
            .Select(r => r.Target!).DistinctBy(t => t.MountPoint).ToArray();
        if (others is [var shared])
        {
            return shared with { How = $"the {shared.FsType} mount the other stuck tasks wait on" };
        }

        return mounts.Where(m => wanted.Contains(m.FsType) || (wanted.Contains("fuse") && m.FsType.StartsWith("fuse.", StringComparison.Ordinal)))
            .DistinctBy(m => m.MountPoint).ToArray() is [var only]
            ? Target(only, topology, $"the only {only.FsType} mount")
            : null;
    }

    /// <summary>The filesystem types a wait class concerns; null for any filesystem on a block device.</summary>
    private static string[]? Types(StuckTask task) => task.Class.Id switch
    {
        "journal" => task.Comm switch { "kjournald" => ["ext3"], "kjournald2" => ["ext4", "ext4dev"], _ => Jbd },
        "nfs" => ["nfs", "nfs4"],
        "fuse" => ["fuse", "fuseblk"],
        "cifs" => ["cifs", "smb3"],
        _ => null,
    };

    private static bool Concerns(MountinfoEntry mount, string[]? wanted) =>
        wanted is null
            ? !mount.Device.IsAnonymous && !FilesystemKinds.IsPseudo(mount.FsType)
            : wanted.Contains(mount.FsType) || (wanted.Contains("fuse") && mount.FsType.StartsWith("fuse.", StringComparison.Ordinal));

    private static WaitTarget Target(MountinfoEntry mount, BlockTopology topology, string how)
    {
        var device = mount.Device.IsAnonymous ? null : topology.Find(mount.Device.ToString());
        var chain = device is null ? [] : topology.Ancestry(device).Select(d => d.Name).ToArray();
        return new WaitTarget(mount.MountPoint, mount.FsType, mount.Source, mount.Device, chain, how);
    }
}

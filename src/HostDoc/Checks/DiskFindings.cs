using System.Globalization;
using HostDoc.Findings;
using HostDoc.Storage;
using HostDoc.Sys.Fs.Ext4;

namespace HostDoc.Checks;

/// <summary>The wording of the disk check's findings.</summary>
internal static class DiskFindings
{
    public static Finding Space(MountedFilesystem fs, FsStats s, Severity severity) => new(
        "disk.space-low",
        severity,
        fs.MountPoint,
        Describe(fs, s),
        "Percentages are of the space a non-root user can ever have (used + available): ext2/3/4 keep a reserve " +
        "(5% by default) that only root may fill, so a filesystem is full for applications before statvfs says " +
        "0 bytes free. When it is full, writes fail with ENOSPC; databases, logs and package managers break.",
        Evidence(fs, s),
        severity is Severity.Ok ? "" :
            $"Find what grew: du -xh --max-depth=2 {fs.MountPoint} | sort -h | tail; deleted files still held open " +
            "keep their space (lsof +L1). Rotate or remove, or grow the filesystem.");

    public static Finding InodesLow(MountedFilesystem fs, FsStats s, Severity severity) => new(
        "disk.inodes-low",
        severity,
        fs.MountPoint,
        $"{fs.MountPoint} inodes: used {Quantity.Count(s.InodesUsed)} of {Quantity.Count(s.Files)} ({Quantity.Percent(s.InodesFreePercent)} free)",
        "Every file, directory and symlink takes an inode, and ext2/3/4 fix their number when the filesystem is made. " +
        "When they run out, creating a file fails with ENOSPC although df still shows free space.",
        Evidence(fs, s),
        $"Find the directories with the most entries: find {fs.MountPoint} -xdev -type d -size +1M, or " +
        "du --inodes -x --max-depth=3 | sort -n | tail (session files, mail queues, caches are the usual culprits).");

    public static Finding NoStats(MountedFilesystem fs)
    {
        var problem = fs.Stats.Problems[0];
        var hung = problem.Kind == Sources.ProblemKind.Timeout;
        return new Finding(
            hung ? "disk.not-answering" : "disk.statvfs-failed",
            hung ? Severity.Critical : Severity.Unknown,
            fs.MountPoint,
            hung ? $"{fs.MountPoint} ({fs.Mount.FsType} from {fs.Mount.Source}) does not answer: {problem.Message}"
                 : $"{fs.MountPoint}: statvfs failed: {problem.Message}",
            hung ? "A network or FUSE filesystem whose server is gone blocks every process that touches it in " +
                   "uninterruptible sleep (D state): shells hang on cd or ls, and load average climbs."
                 : "The filesystem's size could not be read, so its space cannot be judged.",
            [new("mount", $"{fs.Mount.Source} on {fs.MountPoint} type {fs.Mount.FsType}", "/proc/self/mountinfo"), new("statvfs", problem.ToString())],
            hung ? $"Check the server ({fs.Mount.Source}) and the network; umount -l {fs.MountPoint} detaches it, " +
                   "and mounting NFS with soft or timeo limits keeps it from hanging callers forever."
                 : "Check the mount (dmesg, mount) and permissions.");
    }

    public static Finding ForcedReadOnly(MountedFilesystem fs) => new(
        "disk.forced-readonly",
        Severity.Critical,
        fs.MountPoint,
        $"{fs.MountPoint} ({fs.Mount.FsType} on {fs.Mount.Source}) was mounted read-write but is now read-only: the kernel turned it read-only after an error",
        "With errors=remount-ro, ext3/ext4 set the superblock read-only when they meet corruption or an I/O error in " +
        "the journal (\"Aborting journal\", \"Remounting filesystem read-only\" in the kernel log). The mount still " +
        "says rw, the superblock says ro: every write since then has failed with EROFS.",
        [
            new("mount options", string.Join(',', fs.Mount.MountOptions), "/proc/self/mountinfo field 6"),
            new("superblock options", string.Join(',', fs.Mount.SuperOptions), "/proc/self/mountinfo after \" - \""),
        ],
        "Read the kernel log for the first error (dmesg | grep -iE 'ext4|ext3|jbd2|I/O error'), check the disk " +
        "(smartctl -a), stop writers, unmount and run fsck; a remount rw without fsck risks more damage.",
        MountData(fs, "forced-readonly"));

    /// <summary>The typed members of a filesystem finding: the mount, its type and source, what joins it to the device under it.</summary>
    private static IReadOnlyList<DataField> MountData(MountedFilesystem fs, string kind) =>
        new FindingData().Set("kind", kind).Set("mount", fs.MountPoint).Set("filesystem", fs.Mount.FsType).Set("source", fs.Mount.Source)
            .Set("device", fs.Mount.Device.ToString()).Fields;

    public static Finding ReadOnly(MountedFilesystem fs) => new(
        "disk.readonly",
        Severity.Warning,
        fs.MountPoint,
        $"{fs.MountPoint} is mounted read-only although it is set to remount read-only on errors (errors=remount-ro)",
        "A filesystem configured with errors=remount-ro is normally meant to be writable; mounted ro it may have " +
        "been remounted by hand after an error, or fsck refused to let it come up read-write at boot.",
        [new("options", string.Join(',', fs.Mount.MountOptions) + " / " + string.Join(',', fs.Mount.SuperOptions), "/proc/self/mountinfo")],
        "If it should be writable, look for errors first (dmesg, tune2fs -l | grep -i state) before mount -o remount,rw.");

    public static Finding FsErrors(MountedFilesystem fs, Ext4Errors errors)
    {
        var evidence = new List<Evidence> { new("errors_count", Quantity.Count(errors.Count), $"/sys/fs/ext4/{errors.Device}/errors_count") };
        AddError(evidence, "first error", errors.First);
        AddError(evidence, "last error", errors.Last);
        var last = errors.Last ?? errors.First;
        return new Finding(
            "disk.fs-errors",
            Severity.Critical,
            fs.MountPoint,
            $"{fs.MountPoint} ({errors.Device}) has {Quantity.Count(errors.Count)} recorded filesystem error(s)" +
            (last is null ? "" : $", last at {When(last)} in {last.Function}"),
            "ext4 records every error it detects in its superblock (count, first and last time, function, inode, block), " +
            "and keeps it across reboots until fsck repairs the filesystem. A non-zero count means metadata was found " +
            "inconsistent or an I/O error hit it: data may already be damaged.",
            evidence,
            $"Schedule fsck of /dev/{errors.Device} (unmounted), check the disk underneath (smartctl -a, kernel log), and restore damaged files from backup.",
            MountData(fs, "fs-errors"));
    }

    public static Finding PathNotFound(string path) => new(
        "disk.path-not-found",
        Severity.Unknown,
        path,
        $"{path}: no such path, or not on a filesystem this check examines",
        "The path given with --path does not exist, or lies on a pseudo filesystem, which is left out.",
        [],
        "Check the path; hostdoc df lists the filesystems.");

    private static string Describe(MountedFilesystem fs, FsStats s)
    {
        var reserve = s.ReservedBytes > 0 ? $"; {Quantity.Bytes(s.ReservedBytes)} reserved for root" : "";
        var inodes = s.HasInodes
            ? $", inodes: used {Quantity.Count(s.InodesUsed)} of {Quantity.Count(s.Files)} ({Quantity.Percent(s.InodesFreePercent)} free)"
            : ", inodes: no fixed table";
        return $"{fs.MountPoint} free {Quantity.Bytes(s.AvailableBytes)} of {Quantity.Bytes(s.SizeBytes)} " +
               $"({Quantity.Percent(s.FreePercentOfUsable)} of usable space{reserve}){inodes}";
    }

    private static List<Evidence> Evidence(MountedFilesystem fs, FsStats s)
    {
        var list = new List<Evidence>
        {
            new("filesystem", $"{fs.Mount.Source} ({fs.Mount.FsType})", "/proc/self/mountinfo"),
            new("size", Quantity.Bytes(s.SizeBytes), "statvfs f_blocks × f_frsize"),
            new("used", Quantity.Bytes(s.UsedBytes), "f_blocks − f_bfree"),
            new("available", Quantity.Bytes(s.AvailableBytes), "f_bavail"),
            new("reserved for root", Quantity.Bytes(s.ReservedBytes), "f_bfree − f_bavail"),
            new("inodes", s.HasInodes ? $"{Quantity.Count(s.InodesUsed)} used of {Quantity.Count(s.Files)}" : "no fixed inode table (f_files = 0)", "f_files, f_ffree"),
        };
        if (fs.OtherMountPoints.Count > 0)
        {
            list.Add(new("also mounted at", string.Join(", ", fs.OtherMountPoints), "same device"));
        }

        return list;
    }

    private static void AddError(List<Evidence> evidence, string label, Ext4Error? error)
    {
        if (error is not null)
        {
            evidence.Add(new(label,
                $"{When(error)} {error.Function}" +
                (error.Line is { } line ? $":{line}" : "") +
                (error.Inode is > 0 ? $", inode {error.Inode}" : "") +
                (error.Block is > 0 ? $", block {error.Block}" : "")));
        }
    }

    private static string When(Ext4Error error) =>
        error.Time is { } time ? time.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "an unrecorded time (the superblock's value is past year 9999)";
}

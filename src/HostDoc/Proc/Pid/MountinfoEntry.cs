using HostDoc.Storage;

namespace HostDoc.Proc.Pid;

/// <summary>
/// One line of /proc/PID/mountinfo (Documentation/filesystems/proc.rst, "mountinfo"), with the
/// octal escapes (<c>\040</c> space, <c>\011</c> tab, <c>\012</c> newline, <c>\134</c> backslash)
/// decoded in every path.
/// </summary>
/// <param name="MountId">Unique id of the mount.</param>
/// <param name="ParentId">Id of the parent mount.</param>
/// <param name="Device">st_dev of files on this filesystem.</param>
/// <param name="Root">The directory of the filesystem mounted here (not "/" for bind mounts of a subdirectory).</param>
/// <param name="MountPoint">Where it is mounted, relative to the reading process's root.</param>
/// <param name="MountOptions">Per-mount options (rw/ro, nosuid, relatime, …).</param>
/// <param name="OptionalFields">Propagation tags up to the " - " separator (shared:N, master:N, …).</param>
/// <param name="FsType">Filesystem type, with subtype (<c>fuse.sshfs</c>).</param>
/// <param name="Source">The mount source (<c>/dev/sda1</c>, <c>server:/export</c>, <c>tmpfs</c>).</param>
/// <param name="SuperOptions">Per-superblock options (<c>errors=remount-ro</c>, <c>size=…</c>; <c>ro</c> when the kernel forced it).</param>
public sealed record MountinfoEntry(
    int MountId,
    int ParentId,
    DeviceNumber Device,
    string Root,
    string MountPoint,
    IReadOnlyList<string> MountOptions,
    IReadOnlyList<string> OptionalFields,
    string FsType,
    string Source,
    IReadOnlyList<string> SuperOptions)
{
    /// <summary>True when this mount is read-only (per-mount "ro").</summary>
    public bool MountReadOnly => MountOptions.Contains("ro");

    /// <summary>True when the filesystem itself is read-only (superblock "ro").</summary>
    public bool SuperReadOnly => SuperOptions.Contains("ro");

    /// <summary>
    /// True when the mount was made read-write but the kernel has since made the filesystem
    /// read-only after an error: older kernels set SB_RDONLY on the superblock for ext3/ext4
    /// <c>errors=remount-ro</c> (the superblock options say <c>ro</c> while the mount's own flags
    /// still say <c>rw</c>); ext4 on 6.x kernels instead shows <c>emergency_ro</c> among the
    /// superblock options (seen on 6.18: the flags stay rw everywhere, writes fail with EROFS).
    /// </summary>
    public bool ForcedReadOnly => !MountReadOnly && (SuperReadOnly || SuperOptions.Contains("emergency_ro"));

    /// <summary>The value of a superblock option such as <c>errors</c> or <c>size</c>, or null.</summary>
    public string? SuperOption(string name)
    {
        foreach (var option in SuperOptions)
        {
            if (option.Length > name.Length && option.StartsWith(name, StringComparison.Ordinal) && option[name.Length] == '=')
            {
                return option[(name.Length + 1)..];
            }
        }

        return null;
    }
}

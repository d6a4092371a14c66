using HostDoc.Proc.Pid;

namespace HostDoc.Storage;

/// <summary>The kernel's name of the block device under a mount (<c>sda1</c>, <c>dm-0</c>), as /sys/fs/ext4 and /sys/block use it.</summary>
public static class BlockDeviceName
{
    /// <summary>
    /// From /sys/dev/block/MAJ:MIN (a link to the device's sysfs directory), else the mount source
    /// when it is a /dev path; null for anonymous devices (tmpfs, NFS).
    /// </summary>
    public static string? Of(HostRoot root, MountinfoEntry mount)
    {
        if (mount.Device.IsAnonymous)
        {
            return null;
        }

        if (root.ReadLink($"/sys/dev/block/{mount.Device}") is { } target)
        {
            return Path.GetFileName(target.TrimEnd('/'));
        }

        return mount.Source.StartsWith("/dev/", StringComparison.Ordinal) && !mount.Source.Contains("/mapper/", StringComparison.Ordinal)
            ? Path.GetFileName(mount.Source)
            : null;
    }
}

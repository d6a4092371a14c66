namespace HostDoc.Storage;

/// <summary>What a filesystem type is, as far as space checks care.</summary>
public static class FilesystemKinds
{
    // Kernel-made views with no storage behind them; statvfs reports 0 blocks or meaningless figures.
    private static readonly HashSet<string> Pseudo = new(StringComparer.Ordinal)
    {
        "proc", "sysfs", "devpts", "cgroup", "cgroup2", "tracefs", "debugfs", "securityfs", "pstore", "efivarfs",
        "bpf", "configfs", "fusectl", "mqueue", "hugetlbfs", "autofs", "binfmt_misc", "nsfs", "rpc_pipefs",
        "selinuxfs", "rootfs", "ramfs", "devtmpfs", "sockfs", "pipefs", "overlay", "aufs", "nfsd", "ipathfs",
    };

    // Read-only images: always 100% full by design (snap packages, CD images).
    private static readonly HashSet<string> Images = new(StringComparer.Ordinal) { "squashfs", "iso9660", "udf", "erofs", "cramfs" };

    // Types whose statfs asks a server or a user-space daemon and can block indefinitely.
    private static readonly HashSet<string> Remote = new(StringComparer.Ordinal)
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "ceph", "glusterfs", "9p", "afs", "lustre", "gfs2", "ocfs2",
        "fuse", "fuseblk", "davfs", "sshfs", "gpfs", "beegfs", "virtiofs", "autofs",
    };

    /// <summary>
    /// True for filesystems a space check leaves out by default: kernel pseudo filesystems, overlay
    /// (its space is the upper directory's filesystem, listed on its own), and read-only images.
    /// </summary>
    public static bool IsPseudo(string fsType) => Pseudo.Contains(fsType) || Images.Contains(fsType);

    /// <summary>True when statvfs on this type may wait for a server or daemon (FUSE subtypes included).</summary>
    public static bool CanHang(string fsType) =>
        Remote.Contains(fsType) || fsType.StartsWith("fuse.", StringComparison.Ordinal);

    /// <summary>True for network filesystems (check_disk -l leaves them out).</summary>
    public static bool IsRemote(string fsType) => CanHang(fsType) && fsType != "fuseblk";
}

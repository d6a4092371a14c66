using HostDoc.Storage;

namespace HostDoc.Tasks;

/// <summary>What a stuck task waits on, as far as it can be told: the filesystem, the device under it, and how that was found.</summary>
/// <param name="MountPoint">The mount.</param>
/// <param name="FsType">Its filesystem type.</param>
/// <param name="Source">The mount source (<c>/dev/mapper/vg-data</c>, <c>server:/export</c>).</param>
/// <param name="Device">The filesystem's st_dev.</param>
/// <param name="Chain">The block devices from the disk up to the one mounted (<c>sdf</c>, <c>sdf1</c>, <c>dm-0</c>); empty for network and FUSE filesystems.</param>
/// <param name="How">How the target was found, in words: "its own name (the journal thread of dm-0)", "open file /data/x", "working directory", "the only ext3 mount".</param>
public sealed record WaitTarget(string MountPoint, string FsType, string Source, DeviceNumber Device, IReadOnlyList<string> Chain, string How)
{
    /// <summary>The disk at the bottom of the chain, or null.</summary>
    public string? Disk => Chain.Count > 0 ? Chain[0] : null;

    /// <summary>The device the filesystem is on (the top of the chain), or null.</summary>
    public string? BlockDevice => Chain.Count > 0 ? Chain[^1] : null;

    /// <summary><c>/data (ext3 on sdf → sdf1 → dm-0)</c>, or <c>/mnt/nfs (nfs4 from srv:/export)</c>.</summary>
    public override string ToString() =>
        Chain.Count > 0 ? $"{MountPoint} ({FsType} on {string.Join(" → ", Chain)})" : $"{MountPoint} ({FsType} from {Source})";
}

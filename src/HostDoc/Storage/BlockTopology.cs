using HostDoc.Proc.Pid;
using HostDoc.Sources;
using HostDoc.Sys.Block;

namespace HostDoc.Storage;

/// <summary>
/// The block-device graph: disks → partitions → device-mapper and md layers → mounts and swap,
/// joined with the ata port and SCSI address in each disk's sysfs path. Answers "what is ata6",
/// "what holds /data" and "which partition holds sector N" from any of a device's names.
/// </summary>
public sealed class BlockTopology
{
    private readonly Dictionary<string, BlockDevice> _byName;

    /// <summary>Builds the graph.</summary>
    public BlockTopology(IReadOnlyList<BlockDevice> devices, IReadOnlyList<MountinfoEntry> mounts, IReadOnlyList<string> swaps)
    {
        Devices = devices;
        _byName = devices.ToDictionary(d => d.Name, StringComparer.Ordinal);
        MountPoints = devices.ToDictionary(d => d.Name,
            d => (IReadOnlyList<string>)mounts.Where(m => m.Device == d.Device).Select(m => m.MountPoint).Distinct().ToArray(), StringComparer.Ordinal);
        Swaps = swaps;
    }

    /// <summary>Every device.</summary>
    public IReadOnlyList<BlockDevice> Devices { get; }

    /// <summary>Mount points by device name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> MountPoints { get; }

    /// <summary>Devices used as swap (/proc/swaps names without /dev/).</summary>
    public IReadOnlyList<string> Swaps { get; }

    /// <summary>Top-level devices: not a partition and built on nothing (disks, loops).</summary>
    public IEnumerable<BlockDevice> Roots => Devices.Where(d => d.Parent is null && d.Slaves.Count == 0);

    /// <summary>Partitions of <paramref name="device"/>, then devices built on it (dm, md).</summary>
    public IEnumerable<BlockDevice> Children(BlockDevice device) =>
        Devices.Where(d => d.Parent == device.Name).OrderBy(d => d.StartSector)
            .Concat(Devices.Where(d => d.Slaves.Contains(device.Name)));

    /// <summary>The device called <paramref name="name"/> by any of its names: sdf, /dev/sdf, dm-0, vg-data, 8:80, ata6, ata6.00, 5:0:0:0, or a mount point.</summary>
    public BlockDevice? Find(string name)
    {
        var n = name.StartsWith("/dev/mapper/", StringComparison.Ordinal) ? name[12..] : name.StartsWith("/dev/", StringComparison.Ordinal) ? name[5..] : name;
        if (_byName.TryGetValue(n, out var direct))
        {
            return direct;
        }

        var port = n.Contains('.', StringComparison.Ordinal) && n.StartsWith("ata", StringComparison.Ordinal) ? n[..n.IndexOf('.', StringComparison.Ordinal)] : n;
        return Devices.FirstOrDefault(d => d.DmName == n || d.Device.ToString() == n)
            ?? Devices.FirstOrDefault(d => d.Parent is null && (d.AtaPort == port || d.ScsiAddress == n))
            ?? Devices.FirstOrDefault(d => MountPoints[d.Name].Contains(name));
    }

    /// <summary>The chain from the physical disk down to <paramref name="device"/> (disk first).</summary>
    public IReadOnlyList<BlockDevice> Ancestry(BlockDevice device)
    {
        var chain = new List<BlockDevice> { device };
        var current = device;
        while ((current.Parent ?? (current.Slaves.Count > 0 ? current.Slaves[0] : null)) is { } up && _byName.TryGetValue(up, out var next))
        {
            chain.Insert(0, next);
            current = next;
        }

        return chain;
    }

    /// <summary>
    /// The partition of disk <paramref name="disk"/> holding 512-byte sector <paramref name="sector"/>
    /// and the offset into it in bytes; null when no partition covers it.
    /// </summary>
    public (BlockDevice Partition, ulong OffsetBytes)? PartitionAt(BlockDevice disk, ulong sector) =>
        Devices.Where(d => d.Parent == disk.Name && d.StartSector is { } s && sector >= s && sector < Saturating.Add(s, d.SizeBytes / 512))
            .Select(d => ((BlockDevice, ulong)?)(d, Saturating.Multiply(sector - d.StartSector!.Value, 512)))
            .FirstOrDefault();
}

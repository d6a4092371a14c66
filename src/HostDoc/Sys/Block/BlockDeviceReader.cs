using HostDoc.Run;
using HostDoc.Sources;
using HostDoc.Storage;

namespace HostDoc.Sys.Block;

/// <summary>Reads every entry of /sys/class/block into <see cref="BlockDevice"/> records.</summary>
public static class BlockDeviceReader
{
    /// <summary>All block devices, sorted by name.</summary>
    public static IReadOnlyList<BlockDevice> ReadAll(HostRoot root)
    {
        var devices = new List<BlockDevice>();
        foreach (var name in root.ListDirectory("/sys/class/block").Order(StringComparer.Ordinal))
        {
            if (Read(root, name) is { } device)
            {
                devices.Add(device);
            }
        }

        return devices;
    }

    private static BlockDevice? Read(HostRoot root, string name)
    {
        var dir = $"/sys/class/block/{name}";
        if (root.ReadValue(dir + "/dev") is not { } dev || !DeviceNumber.TryParse(dev, out var number))
        {
            return null;
        }

        // The link target is the device's place in the device tree: ../../devices/pci…/ata6/host5/target5:0:0/5:0:0:0/block/sdf[/sdf1]
        var devPath = root.ReadLink(dir) ?? "";
        var isPartition = root.Exists(dir + "/partition");
        var parent = isPartition ? Path.GetFileName(Path.GetDirectoryName(devPath)) : null;
        var disk = isPartition && parent is not null ? $"/sys/class/block/{parent}" : dir;
        var segments = devPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var ata = segments.FirstOrDefault(s => s.StartsWith("ata", StringComparison.Ordinal) && s.Length > 3 && char.IsAsciiDigit(s[3]));
        var scsi = segments.LastOrDefault(s => s.Count(c => c == ':') == 3 && s.All(c => char.IsAsciiDigit(c) || c == ':'));
        var transport = segments.Any(s => s.StartsWith("nvme", StringComparison.Ordinal)) ? "nvme"
            : ata is not null ? "ata"
            : segments.Any(s => s.StartsWith("virtio", StringComparison.Ordinal)) ? "virtio"
            : segments.Any(s => s.StartsWith("usb", StringComparison.Ordinal)) ? "usb"
            : scsi is not null ? "scsi"
            : "virtual";
        var udev = root.ReadText(UdevRecord.DatabasePath(number.Major, number.Minor), 256 * 1024).Value is { } db ? UdevRecord.Parse(db) : null;
        var dmUuid = root.ReadValue(dir + "/dm/uuid");
        var backing = root.ReadValue(dir + "/loop/backing_file");
        var type = TypeOf(name, number, isPartition, dmUuid, root.ReadValue(dir + "/md/level"), backing);
        return new BlockDevice(
            name, number, type, Saturating.Multiply(root.ReadNumber(dir + "/size") ?? 0, 512), parent, isPartition ? root.ReadNumber(dir + "/start") : null,
            root.ListDirectory(dir + "/slaves").Order(StringComparer.Ordinal).ToArray(),
            root.ReadNumber(dir + "/ro") == 1, root.ReadNumber(disk + "/removable") == 1,
            root.ReadNumber(disk + "/queue/rotational") is { } rot ? rot == 1 : null,
            KernelNumber.AsInt32(root.ReadNumber(disk + "/queue/logical_block_size")), KernelNumber.AsInt32(root.ReadNumber(disk + "/queue/physical_block_size")),
            transport, ata, scsi,
            root.ReadValue(disk + "/device/vendor") is { } v && !v.StartsWith("0x", StringComparison.Ordinal) ? v : udev?.Vendor,
            root.ReadValue(disk + "/device/model") ?? udev?.Model, udev?.Serial,
            root.ReadValue(dir + "/dm/name"), dmUuid, backing, udev,
            isPartition ? null : root.ReadValue(disk + "/device/state"), root.ReadNumber(dir + "/md/degraded"),
            isPartition ? null : root.ReadValue(disk + "/device/wwid") ?? root.ReadValue(disk + "/wwid"),
            isPartition || ata is null ? null : Ata.AtaLinkState.Read(root, ata));
    }

    /// <summary>lsblk's TYPE column.</summary>
    private static string TypeOf(string name, DeviceNumber number, bool partition, string? dmUuid, string? mdLevel, string? backing) =>
        partition ? "part"
        : dmUuid is { } uuid ? (uuid.StartsWith("LVM-", StringComparison.Ordinal) ? "lvm"
            : uuid.StartsWith("CRYPT-", StringComparison.Ordinal) ? "crypt"
            : uuid.StartsWith("mpath-", StringComparison.Ordinal) ? "mpath"
            : uuid.StartsWith("part", StringComparison.Ordinal) ? "part" : "dm")
        : name.StartsWith("dm-", StringComparison.Ordinal) ? "dm"
        : mdLevel is { Length: > 0 } level ? level
        : name.StartsWith("loop", StringComparison.Ordinal) ? "loop"
        : number.Major == 11 ? "rom"
        : "disk";
}

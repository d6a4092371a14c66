using HostDoc.Findings;

namespace HostDoc.KernelLog.Incidents;

/// <summary>Puts a device chain into typed members: <c>ata_port</c>, <c>ata_device</c>, <c>scsi</c>, <c>disk</c>, and the holder classified by its kernel name as <c>partition</c>, <c>dm</c> or <c>md</c>.</summary>
internal static class DeviceFields
{
    /// <summary>Adds what is known of the chain to <paramref name="data"/>.</summary>
    public static void Add(FindingData data, string? ata, string? scsi, string? disk, string? holder)
    {
        if (ata is not null)
        {
            var dot = ata.IndexOf('.', StringComparison.Ordinal);
            data.Set("ata_port", dot < 0 ? ata : ata[..dot]);
            data.Set("ata_device", dot < 0 ? null : ata);
        }

        data.Set("scsi", scsi);
        data.Set("disk", disk);
        AddBlock(data, holder, disk);
    }

    /// <summary>Adds one block device name under the member its kind calls for (<c>dm-0</c> → dm, <c>md0</c> → md, <c>sdf1</c> → partition, else disk).</summary>
    public static void AddBlock(FindingData data, string? name, string? disk = null)
    {
        if (name is null || name == disk)
        {
            return;
        }

        var member = name.StartsWith("dm-", StringComparison.Ordinal) || name.StartsWith("mapper/", StringComparison.Ordinal) ? "dm"
            : name.StartsWith("md", StringComparison.Ordinal) && name.Length > 2 && char.IsAsciiDigit(name[2]) ? "md"
            : IsPartition(name, disk) ? "partition"
            : "disk";
        data.Set(member, name);
    }

    /// <summary>True for <c>sdf1</c>, <c>nvme0n1p2</c>, <c>mmcblk0p1</c> (of <paramref name="disk"/> when it is given).</summary>
    public static bool IsPartition(string name, string? disk)
    {
        if (disk is not null)
        {
            return name.Length > disk.Length && name.StartsWith(disk, StringComparison.Ordinal);
        }

        var partitioned = name.StartsWith("nvme", StringComparison.Ordinal) || name.StartsWith("mmcblk", StringComparison.Ordinal) || name.StartsWith("loop", StringComparison.Ordinal)
            ? name.Contains('p', StringComparison.Ordinal) && char.IsAsciiDigit(name[^1]) && name.LastIndexOf('p') > 3 && char.IsAsciiDigit(name[name.LastIndexOf('p') - 1])
            : (name.StartsWith("sd", StringComparison.Ordinal) || name.StartsWith("vd", StringComparison.Ordinal) || name.StartsWith("xvd", StringComparison.Ordinal) || name.StartsWith("hd", StringComparison.Ordinal))
                && char.IsAsciiDigit(name[^1]);
        return partitioned;
    }
}

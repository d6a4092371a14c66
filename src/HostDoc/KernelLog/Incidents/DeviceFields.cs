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
            : Sources.PartitionName.Is(name, disk) ? "partition"
            : "disk";
        data.Set(member, name);
    }
}

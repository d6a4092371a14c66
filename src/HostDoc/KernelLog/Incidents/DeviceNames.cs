namespace HostDoc.KernelLog.Incidents;

/// <summary>
/// The names one disk goes by in a log, joined from the log's own adjacency: an ATA device whose
/// error is followed by a SCSI error at an address (<c>ata6.00</c> ↔ <c>5:0:0:0</c>), the address
/// and the disk name printed together (<c>5:0:0:0</c> ↔ <c>sdf</c>), and a filesystem device whose
/// errors follow a disk's (<c>sdf</c> → <c>dm-0</c>). Built per analysis.
/// </summary>
internal sealed class DeviceNames
{
    private readonly Dictionary<string, string> ataToAddress = [];
    private readonly Dictionary<string, string> addressToDisk = [];
    private readonly Dictionary<string, string> diskToHolder = [];

    public void LinkAta(string ata, string address) => ataToAddress.TryAdd(ata, address);

    public void LinkAddress(string address, string disk) => addressToDisk.TryAdd(address, disk);

    public void LinkHolder(string disk, string holder)
    {
        if (disk != holder)
        {
            diskToHolder.TryAdd(disk, holder);
        }
    }

    public string? AddressOf(string? ata) => ata is not null && ataToAddress.TryGetValue(ata, out var a) ? a : null;

    public string? DiskOf(string? address) => address is not null && addressToDisk.TryGetValue(address, out var d) ? d : null;

    public string? HolderOf(string? disk) => disk is not null && diskToHolder.TryGetValue(disk, out var h) ? h : null;

    /// <summary>True when <paramref name="holder"/> is already known to sit on a disk other than <paramref name="disk"/>.</summary>
    public bool HeldByOther(string holder, string? disk) =>
        diskToHolder.Any(p => p.Value == holder && p.Key != disk) || (disk is null && diskToHolder.ContainsValue(holder));
}

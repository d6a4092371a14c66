using HostDoc.Findings;
using HostDoc.KernelLog.Decoders;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;
using HostDoc.Sources;

namespace HostDoc.KernelLog.Incidents;

/// <summary>
/// A disk that failed requests: one failing location (ATA result LBA, sense information or block
/// sector) with its repeats, or — for errors without a location — one disk and error kind. Gathers the
/// ATA, SCSI and block-layer reports of each occurrence, cross-checks their numbers, and takes the
/// filesystem consequences that follow.
/// </summary>
internal sealed class DiskDraft(LogLine first) : IncidentDraft(first)
{
    public string? Ata { get; set; }

    public string? Address { get; set; }

    public string? Disk { get; set; }

    public ulong? Lba { get; private set; }

    public bool Media { get; private set; }

    public bool Write { get; private set; }

    public FilesystemState Filesystem { get; } = new();

    private ulong? commandLba;
    private bool lbaIsSector;
    private int blockSize;
    private (int Sct, int Sc)? nvmeStatus;
    private int loopOffsets;
    private int sectors;
    private bool reallocateFailed;
    private string? sense;
    private int senseKey = -1;
    private readonly SortedSet<string> blockTypes = [];
    private readonly SortedSet<ulong> blockSectors = [];

    public void Take(AtaCommandError e)
    {
        Occurred(e.Line);
        Ata ??= e.Device;
        Media |= e.IsMedia;
        Lba ??= e.FailingLba;
        var name = AtaNames.Command(e.Opcode);
        Write |= name.Contains("WRITE", StringComparison.Ordinal);
        if (e.Command is { } c)
        {
            commandLba ??= c.Lba;
            sectors = c.Sectors;
            Fact("ATA command", $"{name} (0x{e.Opcode:x2}), LBA {IncidentText.Number(c.Lba)}, {c.Sectors} sector{(c.Sectors == 1 ? "" : "s")}"
                + (c.IsNcq ? $", NCQ tag {c.Tag}" : "") + (e.Transfer.Length > 0 ? $" ({e.Transfer})" : ""));
        }
        else
        {
            Fact("ATA command", $"{name} (0x{e.Opcode:x2}), tag {e.Tag}");
        }

        Fact("ATA result", $"status {AtaNames.Status(e.Status)}, error {(e.Error == 0 ? "none" : AtaNames.Error(e.Error))}"
            + (e.Result is not null && e.FailingLba is { } f ? $", LBA {IncidentText.Number(f)}" : ""));
        if (e.Emask != 0)
        {
            Fact("libata Emask", $"0x{e.Emask:x}: {string.Join(", ", AtaNames.Emask(e.Emask).Select(b => $"{b.Name} ({b.Meaning})"))}");
        }

        if (e.Command is { } cmd && e.Result is not null && e.FailingLba is { } failing)
        {
            CrossCheck(failing >= cmd.Lba && failing < cmd.Lba + (ulong)cmd.Sectors
                ? $"ATA result LBA {IncidentText.Number(failing)} is sector {failing - cmd.Lba} of the command's {cmd.Sectors} ({IncidentText.Number(cmd.Lba)}–{IncidentText.Number(cmd.Lba + (ulong)cmd.Sectors - 1)}) ✓"
                : $"ATA result LBA {IncidentText.Number(failing)} lies outside the command's range {IncidentText.Number(cmd.Lba)}+{cmd.Sectors} ✗");
        }
    }

    public void Take(ScsiErrorEvent e, bool occurrence)
    {
        Note(e.Line, occurrence);

        Address ??= e.Address;
        Disk ??= e.Disk;
        if (e.IsMedium && !Media && lbaIsSector)
        {
            // The burst began with a block-layer error that was not the medium's (a write to the device as md dropped it):
            // the medium error's own command is the failing location, and what that command did.
            Lba = e.Information ?? e.CdbLba ?? Lba;
            lbaIsSector = e.Information is null && e.CdbLba is null;
            commandLba = e.CdbLba ?? commandLba;
            Write = false;
        }

        Media |= e.IsMedium;
        reallocateFailed |= (e.Asc == 0x11 && e.Ascq == 0x04) || (e.AdditionalSense?.Contains("reallocat", StringComparison.OrdinalIgnoreCase) == true && e.AdditionalSense.Contains("fail", StringComparison.Ordinal));
        if (e.SenseKey >= 0)
        {
            senseKey = e.SenseKey;
            sense = $"{SenseKeys.Name(e.SenseKey)}{(e.AdditionalSense is null ? "" : $": {e.AdditionalSense}")}{(e.Asc >= 0 ? $" (ASC/ASCQ {e.Asc:x2}/{e.Ascq:x2})" : "")}";
            Fact("SCSI sense", sense + (e.Information is { } i ? $", information {IncidentText.Number(i)}" : "") + (e.Deferred ? ", deferred" : ""));
        }

        if (e.Result is { } result)
        {
            Fact("SCSI result", $"0x{result:x8}: {ScsiResult.Brief(result)}");
        }
        else if (e.HostByte is not null || e.DriverByte is not null)
        {
            Fact("SCSI result", $"hostbyte={e.HostByte} driverbyte={e.DriverByte}");
        }

        if (e.Information is { } info)
        {
            if (Lba is { } lba)
            {
                CrossCheck(info == lba
                    ? $"SCSI sense information {IncidentText.Number(info)} = ATA result LBA ✓"
                    : $"SCSI sense information {IncidentText.Number(info)} ≠ ATA result LBA {IncidentText.Number(lba)} ✗");
            }

            Lba ??= info;
        }

        if (e.CdbLba is { } cdb)
        {
            commandLba ??= cdb;
            if (e.CdbBlocks is { } blocks)
            {
                sectors = sectors == 0 && blocks <= int.MaxValue ? (int)blocks : sectors;
            }
        }
    }

    public void Take(NvmeIoError e)
    {
        Occurred(e.Line);
        Disk ??= e.Namespace;
        Media |= Decoders.NvmeStatus.IsMedia(e.Sct);
        var name = Decoders.NvmeStatus.IoCommand(e.Opcode) ?? e.Command;
        Write |= name.StartsWith("Write", StringComparison.Ordinal) || e.Opcode == 0x01;
        if (e.Lba is { } lba)
        {
            commandLba ??= lba;
            Lba ??= Media ? lba : null;
            sectors = sectors == 0 && e.Blocks is { } blocks && blocks <= int.MaxValue ? (int)blocks : sectors;
        }

        Fact("NVMe command", $"{name} (0x{e.Opcode:x2}){(e.Lba is { } l ? $", LBA {IncidentText.Number(l)}" : "")}{(e.Blocks is { } b ? $", {b} block{(b == 1 ? "" : "s")}" : "")}");
        Fact("NVMe status", Decoders.NvmeStatus.Describe(e.Sct, e.Sc)
            + (e.DoNotRetry ? "; DNR: the controller says a retry would fail too" : "") + (e.More ? "; MORE: details in the controller's error log (nvme error-log)" : ""));
        nvmeStatus ??= (e.Sct, e.Sc);
        if (Decoders.NvmeStatus.Name(e.Sct, e.Sc) is { } known && e.Status.Length > 0 && e.Status != known && e.Status != "I/O Error")
        {
            CrossCheck($"the kernel printed status \"{e.Status}\", the specification names SCT 0x{e.Sct:x}/SC 0x{e.Sc:x2} \"{known}\" ✗");
        }
    }

    public void Take(LoopWriteError e)
    {
        Saw(e.Line);
        Write = true;
        Fact("loop backing file", $"write failed at byte offset {IncidentText.Number(e.Offset)} (sector {IncidentText.Number(e.Offset / 512)}){(e.Length is { } l ? $", {l} bytes" : "")}: "
            + "the file under the loop device could not be written (the filesystem holding it is full, read-only or failing)");
        loopOffsets++;
    }

    public void Take(BlockIoError e, bool occurrence)
    {
        Note(e.Line, occurrence);

        Disk ??= e.Disk;
        blockTypes.Add(e.ErrorType);
        if (blockSectors.Count < 64)
        {
            blockSectors.Add(e.Sector);
        }

        Media |= e.ErrorType.Contains("medium", StringComparison.Ordinal);
        Write |= e.Operation?.Contains("WRITE", StringComparison.Ordinal) == true;
        Fact("block layer", $"{e.ErrorType} error, sector {IncidentText.Number(e.Sector)}{(e.Operation is null ? "" : $", {e.Operation}")}");
        if (commandLba is { } start)
        {
            var fourK = start is > 0 and <= ulong.MaxValue / 8 && e.Sector == start * 8;
            blockSize = fourK ? 4096 : blockSize;
            CrossCheck(e.Sector == start ? $"block-layer sector {IncidentText.Number(e.Sector)} = the command's start LBA ✓"
                : fourK ? $"block-layer sector {IncidentText.Number(e.Sector)} = command LBA × 8: a 4Kn disk (4096-byte blocks) ✓"
                : $"block-layer sector {IncidentText.Number(e.Sector)} ≠ the command's start LBA {IncidentText.Number(start)} (the request was split or retried) ✗");
        }

        if (Lba is null)
        {
            Lba = e.Sector;
            lbaIsSector = true;
        }
    }

    private int suppressed;

    /// <summary>Counts error lines the printk ratelimit dropped after this incident's.</summary>
    public void Suppressed(BlockErrorsSuppressed e)
    {
        suppressed += e.Count;
        Saw(e.Line);
    }

    public override Incident Build(DeviceNames names)
    {
        if (suppressed > 0)
        {
            Fact("not logged", $"{suppressed} more {(suppressed == 1 ? "error line was" : "error lines were")} dropped by the kernel's printk ratelimit (\"callbacks suppressed\"): the device failed more often than the log shows");
        }

        Address ??= names.AddressOf(Ata);
        Disk ??= names.DiskOf(Address);
        var holder = Filesystem.Device ?? names.HolderOf(Disk);
        var chain = new[] { Ata, Address, Disk, holder }.OfType<string>().Distinct().ToArray();
        var drive = Disk is null ? $"The drive at {Ata ?? Address}" : Ata is null ? Disk : $"The drive behind {Ata.Split('.')[0]} ({Disk})";
        var consequences = Filesystem.Describe().ToArray();
        foreach (var c in consequences)
        {
            Consequence(c);
        }

        Typed(holder);
        var when = Occurrences == 1 ? $"at {FirstSeen}" : $"{IncidentText.Times(Occurrences)} ({IncidentText.TimeList(Times, Occurrences)})";
        var fsTail = Filesystem.StoppedWrites
            ? $"; {Filesystem.Name} {(Filesystem.JournalAborted is { } j ? $"aborted its journal at {j}" : "stopped")}{(Filesystem.ReadOnly is not null ? " and is read-only" : "")}"
            : "";
        if (Media)
        {
            var verb = Write ? "cannot write" : "cannot read";
            var where = Lba is { } l ? $"LBA {IncidentText.Number(l)}" : "part of its surface";
            var summary = $"{drive} {verb} {where}: failed {when}{(reallocateFailed ? "; auto-reallocation failed" : "")}{fsTail}";
            var explanation =
                $"The drive itself reported that it could not {(Write ? "write" : "read")} this sector (an unrecoverable media error: ATA error bit UNC, "
                + "SCSI sense key Medium Error), each time the kernel asked. A sector that cannot be read stays unreadable until it is overwritten, so every access to "
                + "the file or metadata stored there fails again."
                + (reallocateFailed ? " The drive also tried to move the sector to a spare and could not (\"auto reallocate failed\"): it is running out of spares or failing." : "")
                + (Filesystem.StoppedWrites ? $" {Capital(Filesystem.Name)} stopped trusting its metadata: it aborted its journal and went read-only, so applications have been getting errors (EROFS) on every write since." : "");
            var advice =
                $"Treat the drive as failing: copy its data off now (ddrescue before any fsck), read its SMART counters (smartctl -a /dev/{Disk ?? "sdX"}: "
                + "Reallocated_Sector_Ct, Current_Pending_Sector, Offline_Uncorrectable) and replace it. Find what is stored at the sector "
                + "(debugfs icheck/ncheck on ext*, xfs_db blockget on XFS) and restore it from backup."
                + (Filesystem.StoppedWrites ? $" Run fsck on {Filesystem.Device} unmounted before mounting it read-write again." : "");
            return Make("disk", "log.disk-media-error", Severity.Critical, Disk ?? Address ?? Ata ?? "disk", summary, explanation, advice, chain)
                with { Disk = Disk, Lba = Lba, LbaIsSector = lbaIsSector };
        }

        var kinds = blockTypes.Count > 0 ? string.Join(", ", blockTypes) + " errors"
            : nvmeStatus is { } nv ? $"NVMe {Decoders.NvmeStatus.Name(nv.Sct, nv.Sc) ?? "error"}" : sense ?? "errors";
        var severity = senseKey is 1 or 6 ? Severity.Warning : Severity.Critical;
        var sectorsText = blockSectors.Count > 0 ? $" at {blockSectors.Count} sector{(blockSectors.Count == 1 ? "" : "s")} from {IncidentText.Number(blockSectors.Min)}" : "";
        return Make(
            "disk", senseKey >= 0 ? "log.scsi-error" : "log.block-io-error", severity, Disk ?? Address ?? Ata ?? "disk",
            $"{Disk ?? Address ?? Ata}: {kinds}{sectorsText}, {when}{fsTail}",
            "Requests to this device failed and were returned as errors to the filesystem or application that made them: whatever they read or wrote did not happen."
            + (senseKey >= 0 ? $" The device said why: {SenseKeys.Meaning(senseKey)}." : ""),
            $"Check the device (smartctl -a /dev/{Disk ?? "sdX"}), its cabling or path (multipath, HBA), and the kernel log just before the first error; verify the data written around {FirstSeen}.",
            chain) with { Disk = Disk, Lba = Lba, LbaIsSector = lbaIsSector };
    }

    /// <summary>The typed members: the chain by name, the failing location in 512-byte sectors (and in the device's own blocks where they differ), the decoded codes.</summary>
    private void Typed(string? holder)
    {
        DeviceFields.Add(Data, Ata, Address, Disk, holder);
        Data.Set("filesystem", Filesystem.Type);
        var scale = (ulong)Math.Max(blockSize, 512) / 512;
        if (Lba is { } lba)
        {
            Data.Set("lba", lbaIsSector ? lba : Saturating.Multiply(lba, scale));
            if (!lbaIsSector && scale > 1)
            {
                Data.Set("device_lba", lba);
                Data.Set("block_size", (long)blockSize);
            }
        }

        Data.Set("sectors", sectors > 0 ? Saturating.Multiply((ulong)sectors, scale) : null);
        Data.Set("media", Media);
        Data.Set("write", Write);
        Data.Set("sense_key", senseKey >= 0 ? senseKey : null);
        Data.Set("loop_write_errors", loopOffsets > 0 ? loopOffsets : null);
        if (nvmeStatus is { } status)
        {
            Data.Set("nvme_controller", Disk is { } ns && ns.IndexOf('n', 4) is var n and > 4 ? ns[..n] : null);
            Data.Set("namespace", Disk is { } d && d.IndexOf('n', 4) is var at and > 4 && long.TryParse(d.AsSpan(at + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var nsid) ? nsid : null);
            Data.Set("nvme_sct", (long)status.Sct);
            Data.Set("nvme_sc", (long)status.Sc);
            Data.Set("nvme_status", Decoders.NvmeStatus.Name(status.Sct, status.Sc));
        }
        Data.Set("suppressed_lines", suppressed > 0 ? suppressed : null);
        Data.Set("journal_aborted", Filesystem.JournalAborted is not null ? true : null);
        Data.Set("read_only", Filesystem.ReadOnly is not null ? true : null);
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

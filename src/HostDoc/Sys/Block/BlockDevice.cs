using HostDoc.Run;
using HostDoc.Storage;

namespace HostDoc.Sys.Block;

/// <summary>
/// One block device as sysfs shows it (<c>/sys/class/block/NAME</c>, Documentation/ABI/stable/sysfs-block),
/// joined with what the rest of the system knows about it.
/// </summary>
/// <param name="Name">Kernel name (sda, sda1, dm-0, md0, loop0, nvme0n1p2).</param>
/// <param name="Device">major:minor.</param>
/// <param name="Type">lsblk's TYPE: disk, part, lvm, crypt, mpath, dm, raid1…, loop, rom.</param>
/// <param name="SizeBytes">size × 512.</param>
/// <param name="Parent">The disk of a partition; null otherwise.</param>
/// <param name="StartSector">A partition's first sector (512-byte units), when a partition.</param>
/// <param name="Slaves">Devices this one is built on (dm, md).</param>
/// <param name="ReadOnly">ro.</param>
/// <param name="Removable">removable.</param>
/// <param name="Rotational">queue/rotational.</param>
/// <param name="LogicalBlockSize">queue/logical_block_size.</param>
/// <param name="PhysicalBlockSize">queue/physical_block_size.</param>
/// <param name="Transport">ata, nvme, virtio, usb, scsi, or virtual.</param>
/// <param name="AtaPort">ataN from the sysfs path (…/ata6/host5/…), for SATA disks.</param>
/// <param name="ScsiAddress">H:C:T:L from the sysfs path.</param>
/// <param name="Vendor">device/vendor or udev's.</param>
/// <param name="Model">device/model or udev's.</param>
/// <param name="Serial">udev's serial.</param>
/// <param name="DmName">dm/name (vg-lv for LVM).</param>
/// <param name="DmUuid">dm/uuid (LVM-…, CRYPT-…, mpath-…).</param>
/// <param name="BackingFile">loop/backing_file.</param>
/// <param name="Udev">udev's record, when the database has one.</param>
/// <param name="State">device/state of a SCSI disk (running, offline, blocked…); offline after the SCSI layer gave up on it.</param>
/// <param name="MdDegraded">md/degraded: how many members an md array is missing.</param>
/// <param name="Wwid">device/wwid (the SCSI/ATA world-wide identifier, <c>naa.5000c500…</c>), for disks.</param>
/// <param name="AtaLink">The ATA link and device state (speed, limits, transfer mode, speed-downs), for SATA disks.</param>
public sealed record BlockDevice(
    string Name, DeviceNumber Device, string Type, ulong SizeBytes, string? Parent, ulong? StartSector,
    IReadOnlyList<string> Slaves, bool ReadOnly, bool Removable, bool? Rotational, int? LogicalBlockSize, int? PhysicalBlockSize,
    string Transport, string? AtaPort, string? ScsiAddress, string? Vendor, string? Model, string? Serial,
    string? DmName, string? DmUuid, string? BackingFile, UdevRecord? Udev, string? State = null, ulong? MdDegraded = null,
    string? Wwid = null, Ata.AtaLinkState? AtaLink = null);

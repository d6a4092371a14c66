using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Events;

/// <summary>
/// A SCSI command error as the mid-layer reports it, assembled from its lines: the result
/// (<c>return code = 0x08000002</c>, <c>Result: hostbyte=… driverbyte=…</c>), the sense key and
/// additional sense (text or <c>ASC=0x.. ASCQ=0x..</c>), the sense bytes when printed (≤ 3.18), the CDB.
/// </summary>
/// <param name="Line">The first line of the report.</param>
/// <param name="Address">The SCSI address <c>H:C:T:L</c>, when printed.</param>
/// <param name="Disk">The disk name (<c>sdf</c>), when printed.</param>
/// <param name="Result">The 32-bit result, when printed as a number.</param>
/// <param name="HostByte">The host byte's name, <c>DID_OK</c>.</param>
/// <param name="DriverByte">The driver byte's name(s), <c>DRIVER_SENSE</c>.</param>
/// <param name="SenseKey">The sense key, or -1.</param>
/// <param name="Asc">The additional sense code, or -1.</param>
/// <param name="Ascq">Its qualifier, or -1.</param>
/// <param name="AdditionalSense">The additional sense as the kernel worded it.</param>
/// <param name="Information">The sense information field (for a medium error, the failing LBA), when the sense bytes were printed.</param>
/// <param name="CdbLba">The LBA in the printed CDB, if any.</param>
/// <param name="CdbBlocks">The block count in the printed CDB, if any.</param>
/// <param name="Deferred">True for a deferred error (an earlier command's failure reported now).</param>
public sealed record ScsiErrorEvent(
    LogLine Line, string? Address, string? Disk, uint? Result, string? HostByte, string? DriverByte,
    int SenseKey, int Asc, int Ascq, string? AdditionalSense, ulong? Information, ulong? CdbLba, uint? CdbBlocks, bool Deferred) : LogEvent(Line)
{
    /// <summary>True for MEDIUM ERROR (sense key 3).</summary>
    public bool IsMedium => SenseKey == 3;
}

using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Events;

/// <summary>
/// A failed NVMe command as 5.18+ logs it (<c>nvme_log_error</c>): <c>nvme0n1: Read(0x2) @ LBA 123456, 8 blocks,
/// Unrecovered Read Error (sct 0x2 / sc 0x81) DNR</c> — with verbose errors compiled out <c>I/O Cmd(0x2) … I/O Error</c>.
/// </summary>
/// <param name="Line">The line.</param>
/// <param name="Namespace">The namespace's block device (<c>nvme0n1</c>), or the controller for an admin command (<c>nvme0</c>).</param>
/// <param name="Opcode">The command's opcode.</param>
/// <param name="Command">The command's name as printed (<c>Read</c>, <c>I/O Cmd</c>).</param>
/// <param name="Lba">The command's first LBA, in the namespace's logical blocks.</param>
/// <param name="Blocks">How many blocks it covered.</param>
/// <param name="Status">The status as printed (<c>Unrecovered Read Error</c>).</param>
/// <param name="Sct">Status Code Type.</param>
/// <param name="Sc">Status Code.</param>
/// <param name="More">MORE: the controller has more information in its error log page.</param>
/// <param name="DoNotRetry">DNR: the controller says retrying would fail again.</param>
public sealed record NvmeIoError(
    LogLine Line, string Namespace, int Opcode, string Command, ulong? Lba, ulong? Blocks, string Status, int Sct, int Sc, bool More, bool DoNotRetry)
    : LogEvent(Line);

using HostDoc.KernelLog.Decoders;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Events;

/// <summary>
/// A failed ATA command from libata's error report: the <c>cmd</c> taskfile with its <c>res</c>
/// continuation (or the pre-2.6.19 <c>tag N cmd 0x25 Emask … stat … err …</c> form).
/// </summary>
/// <param name="Line">The <c>cmd</c> line.</param>
/// <param name="Device">The ATA device, <c>ata6.00</c> (or the link, <c>ata6</c>).</param>
/// <param name="Command">The command taskfile; null in the old one-line form.</param>
/// <param name="Result">The result taskfile (status, error and the device-reported LBA); null if not printed.</param>
/// <param name="Opcode">The command opcode.</param>
/// <param name="Status">The status register.</param>
/// <param name="Error">The error register.</param>
/// <param name="Emask">libata's error mask (all bits, not only the word it printed).</param>
/// <param name="Tag">The command tag.</param>
/// <param name="Transfer">The protocol, byte count and direction words, e.g. <c>ncq 4096 in</c>.</param>
/// <param name="Failed">True when marked <c>&lt;F&gt;</c>: the failed command of an NCQ batch.</param>
/// <param name="ResultLine">The <c>res</c> line when it was a line of its own.</param>
public sealed record AtaCommandError(
    LogLine Line, string Device, AtaTaskfile? Command, AtaTaskfile? Result, int Opcode, int Status, int Error,
    int Emask, int Tag, string Transfer, bool Failed, LogLine? ResultLine = null) : LogEvent(Line)
{
    /// <summary>The LBA the device reported as failing (the result taskfile's, 28- or 48-bit as the command is), or the command's start when there is no result LBA.</summary>
    public ulong? FailingLba => Result is { } r && Command is { } c ? (c.Is28Bit ? r.Lba28 : r.Lba48) : Command?.Lba;

    /// <summary>True when the device said it could not read (UNC) or libata classed it a media error.</summary>
    public bool IsMedia => (Error & 0x40) != 0 || (Emask & 0x8) != 0;

    /// <summary>The ATA port, <c>ata6</c>.</summary>
    public string Port => Device.Split('.')[0];
}

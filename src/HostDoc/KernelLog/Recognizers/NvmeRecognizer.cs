using System.Globalization;
using HostDoc.Findings;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>
/// NVMe drives. Failed commands (5.18+, <c>nvme0n1: Read(0x2) @ LBA N, M blocks, STATUS (sct 0x2 / sc 0x81) [MORE] [DNR]</c>)
/// become <see cref="NvmeIoError"/>s, so a bad block on NVMe is the same disk incident as one on ATA or SCSI.
/// The controller's own trouble — <c>I/O 123 QID 4 timeout, aborting</c> / <c>reset controller</c> (6.x:
/// <c>I/O tag 28 (801c) opcode 0x2 (Read) QID 4 timeout, …</c>), <c>Abort status: 0x…</c>, <c>controller is down;
/// will reset: CSTS=…</c>, <c>Device not ready; aborting reset</c>, <c>frozen state error detected</c>, <c>Removing
/// after probe failure status: -19</c> — becomes one controller incident per controller.
/// </summary>
public sealed class NvmeRecognizer : ILineRecognizer
{
    /// <inheritdoc/>
    public IEnumerable<LogAnchor> Anchors => [new LogAnchor("nvme", NumberedWord: true)];

    /// <inheritdoc/>
    public bool Recognize(LogLine line, LogLine? previous, IEventSink sink)
    {
        var m = line.Message;
        if (m.StartsWith("nvme nvme", StringComparison.Ordinal))
        {
            return Controller(line, m[5..], sink);
        }

        return m.StartsWith("nvme", StringComparison.Ordinal) && m.Length > 4 && char.IsAsciiDigit(m[4]) && Command(line, m, sink);
    }

    private static bool Controller(LogLine line, string m, IEventSink sink)
    {
        var colon = m.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 4)
        {
            return false;
        }

        var controller = m[..colon];
        var text = m[(colon + 2)..];
        var (action, detail) = text switch
        {
            _ when text.Contains(" timeout, aborting", StringComparison.Ordinal) => ("timeout", "a command timed out and was aborted"),
            _ when text.Contains(" timeout, reset controller", StringComparison.Ordinal) => ("reset", "a command timed out again; the controller was reset"),
            _ when text.Contains(" timeout, completion polled", StringComparison.Ordinal) => ("timeout", "a command timed out; its completion was found by polling (a lost interrupt)"),
            _ when text.Contains(" timeout, disable controller", StringComparison.Ordinal) => ("disabled", "a command timed out during reset; the controller was disabled"),
            _ when text.StartsWith("Abort status: ", StringComparison.Ordinal) => ("abort", text),
            _ when text.StartsWith("controller is down; will reset", StringComparison.Ordinal) => ("down", text),
            _ when text.StartsWith("Device not ready; aborting", StringComparison.Ordinal) => ("not-ready", text),
            _ when text.StartsWith("frozen state error detected", StringComparison.Ordinal) => ("pci-error", "the PCIe link reported a fatal error; the controller was reset"),
            _ when text.StartsWith("Removing after probe failure", StringComparison.Ordinal) => ("removed", text),
            _ when text.StartsWith("failed to set APST feature", StringComparison.Ordinal) => ("apst", text),
            _ => (null, ""),
        };
        if (action is null)
        {
            return false;
        }

        var data = new FindingData()
            .Set("nvme_controller", controller)
            .Set("action", action)
            .Set("qid", MessageText.WholeNumberAfter(text, "QID "))
            .Set("csts", MessageText.WordAfter(text, "CSTS=")?.TrimEnd(','))
            .Set("status", MessageText.WordAfter(text, "status: ")?.TrimEnd('.'));
        sink.Emit(new SystemEvent(line, SystemEventKind.NvmeController, controller, detail, data.Fields));
        return true;
    }

    private static bool Command(LogLine line, string m, IEventSink sink)
    {
        // "nvme0n1: Read(0x2) @ LBA 123456, 8 blocks, Unrecovered Read Error (sct 0x2 / sc 0x81) DNR"
        var colon = m.IndexOf(": ", StringComparison.Ordinal);
        var open = colon < 0 ? -1 : m.IndexOf("(0x", colon, StringComparison.Ordinal);
        var sct = m.IndexOf("(sct 0x", StringComparison.Ordinal);
        if (colon <= 4 || open < 0 || sct < 0 || m.IndexOf(')', open) is not (var close and > 0))
        {
            return false;
        }

        var device = m[..colon];
        var command = m[(colon + 2)..open].Trim();
        var opcode = MessageText.Hex(m[(open + 1)..close]) is { } op and <= 0xff ? (int)op : -1;
        var lba = MessageText.NumberAfter(m, "@ LBA ");
        var blocks = MessageText.NumberAfter(m, "LBA ") is not null && m.IndexOf(" blocks", StringComparison.Ordinal) is var b and > 0
            ? NumberBefore(m, b) : null;
        var statusStart = m.LastIndexOf(", ", sct, StringComparison.Ordinal) is var comma and > 0 ? comma + 2 : close + 2;
        var status = statusStart < sct ? m[statusStart..sct].Trim() : "";
        var codeType = MessageText.HexAfter(m, "(sct ");
        var code = MessageText.HexAfter(m, "/ sc ");
        if (codeType is not { } t || code is not { } c || t > 7 || c > 0xff || opcode < 0)
        {
            return false;
        }

        var tail = m[(m.IndexOf(')', sct) + 1)..];
        sink.Emit(new NvmeIoError(line, device, opcode, command, lba, blocks, status, (int)t, (int)c,
            tail.Contains("MORE", StringComparison.Ordinal), tail.Contains("DNR", StringComparison.Ordinal)));
        return true;
    }

    private static ulong? NumberBefore(string m, int end)
    {
        var start = end;
        while (start > 0 && char.IsAsciiDigit(m[start - 1]))
        {
            start--;
        }

        return start < end && ulong.TryParse(m.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}

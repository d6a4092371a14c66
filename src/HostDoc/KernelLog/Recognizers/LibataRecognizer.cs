using HostDoc.KernelLog.Decoders;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;
using HostDoc.Sources;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>
/// libata's error handler (drivers/ata/libata-eh.c) in every generation: <c>exception Emask … SAct …
/// SErr … action …</c>, <c>SError: { … }</c>, the <c>cmd</c> taskfile with its <c>res</c> continuation
/// (the same printk, so the next line, with or without an envelope of its own), the pre-2.6.19
/// <c>tag N cmd 0xCC Emask … stat … err …</c> line, link resets, link up/down, speed limiting,
/// <c>disabled</c> and <c>EH complete</c>. The <c>status:</c>/<c>error:</c>/<c>failed command:</c>
/// lines repeat what the taskfile holds and are taken without an event.
/// </summary>
public sealed class LibataRecognizer : ILineRecognizer
{
    private (string Device, LogLine Line, string Text)? pendingCommand;

    /// <inheritdoc/>
    public IEnumerable<LogAnchor> Anchors => ["Emask", new LogAnchor("ata", NumberedWord: true)];

    /// <inheritdoc/>
    public bool WantsNextLine => pendingCommand is not null;

    /// <inheritdoc/>
    public bool Recognize(LogLine line, LogLine? previous, IEventSink sink)
    {
        var message = line.Message;
        if (message.StartsWith("res ", StringComparison.Ordinal))
        {
            var command = pendingCommand
                ?? (previous is not null && MessageText.TryAtaPrefix(previous.Message, out var d, out var r) && r.StartsWith("cmd ", StringComparison.Ordinal)
                    ? (d, previous, r) : null);
            pendingCommand = null;
            if (command is { } c)
            {
                sink.Emit(CommandError(c.Line, c.Device, c.Text, message) with { ResultLine = line });
            }

            return command is not null;
        }

        pendingCommand = null;
        if (!MessageText.TryAtaPrefix(message, out var device, out var rest))
        {
            return false;
        }

        if (rest.StartsWith("cmd ", StringComparison.Ordinal))
        {
            var res = rest.IndexOf(" res ", StringComparison.Ordinal);
            if (res > 0)
            {
                sink.Emit(CommandError(line, device, rest[..res], rest[(res + 1)..].TrimStart()));
            }
            else
            {
                pendingCommand = (device, line, rest);
            }

            return true;
        }

        if (rest.StartsWith("tag ", StringComparison.Ordinal) && rest.Contains(" cmd 0x", StringComparison.Ordinal))
        {
            sink.Emit(OldCommandError(line, device, rest));
            return true;
        }

        var link = Link(rest);
        if (link is { } action)
        {
            var emask = action == AtaLinkAction.Exception ? (KernelNumber.AsInt32(MessageText.HexAfter(rest, "Emask ")) ?? 0) : 0;
            var serror = action == AtaLinkAction.Exception ? (KernelNumber.AsUInt32(MessageText.HexAfter(rest, "SErr ")) ?? 0) : 0;
            sink.Emit(new AtaLinkEvent(line, device, action, rest, emask, serror));
        }

        return true;
    }

    private static AtaLinkAction? Link(string rest) => rest switch
    {
        _ when rest.StartsWith("exception Emask", StringComparison.Ordinal) => AtaLinkAction.Exception,
        _ when rest.StartsWith("SError:", StringComparison.Ordinal) => AtaLinkAction.SError,
        _ when rest.Contains("resetting link", StringComparison.Ordinal) => AtaLinkAction.Reset,
        _ when rest.StartsWith("SATA link up", StringComparison.Ordinal) => AtaLinkAction.LinkUp,
        _ when rest.StartsWith("SATA link down", StringComparison.Ordinal) => AtaLinkAction.LinkDown,
        _ when rest.StartsWith("limiting SATA link speed", StringComparison.Ordinal) => AtaLinkAction.SpeedLimited,
        _ when rest.StartsWith("COMRESET failed", StringComparison.Ordinal)
            || rest.StartsWith("failed to IDENTIFY", StringComparison.Ordinal)
            || rest.StartsWith("revalidation failed", StringComparison.Ordinal) => AtaLinkAction.ResetFailed,
        "disabled" => AtaLinkAction.Disabled,
        _ when rest.StartsWith("EH complete", StringComparison.Ordinal) => AtaLinkAction.Recovered,
        _ => null,
    };

    private static AtaCommandError CommandError(LogLine line, string device, string commandText, string resultText)
    {
        var command = AtaTaskfile.Find(commandText);
        var result = AtaTaskfile.Find(resultText);
        var tag = (KernelNumber.AsInt32(MessageText.NumberAfter(commandText, "tag ")) ?? 0);
        var tagAt = commandText.IndexOf("tag ", StringComparison.Ordinal);
        var transfer = "";
        if (tagAt >= 0)
        {
            var afterTag = commandText[(tagAt + 4)..];
            var space = afterTag.IndexOf(' ');
            transfer = space < 0 ? "" : afterTag[(space + 1)..].Trim();
        }

        return new AtaCommandError(line, device, command, result,
            command?.Command ?? 0, result?.Command ?? 0, result?.Feature ?? 0,
            (KernelNumber.AsInt32(MessageText.HexAfter(resultText, "Emask ")) ?? 0), tag, transfer, resultText.Contains("<F>", StringComparison.Ordinal));
    }

    private static AtaCommandError OldCommandError(LogLine line, string device, string rest) =>
        new(line, device, null, null,
            (KernelNumber.AsInt32(MessageText.HexAfter(rest, "cmd ")) ?? 0),
            (KernelNumber.AsInt32(MessageText.HexAfter(rest, "stat ")) ?? 0),
            (KernelNumber.AsInt32(MessageText.HexAfter(rest, "err ")) ?? 0),
            (KernelNumber.AsInt32(MessageText.HexAfter(rest, "Emask ")) ?? 0),
            (KernelNumber.AsInt32(MessageText.NumberAfter(rest, "tag ")) ?? 0), "", false);

}

using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>
/// What filesystems say about themselves: ext2/3/4 errors (<c>EXT4-fs error (device sda1):
/// ext4_find_entry:1455: inode #2: comm ls: …</c>, <c>… in ext4_reserve_inode_write:5712: Journal has
/// aborted</c>), <c>EXT4-fs (sdb1): Remounting filesystem read-only</c>, the ext3
/// <c>error: remounting filesystem read-only</c> and the bare old <c>Remounting filesystem
/// read-only</c> (its device is the last one an ext error named), jbd/jbd2 <c>Aborting journal on
/// device X[-N]</c> (<c>sdb1-8</c> is the journal of sdb1, inode 8), ratelimited
/// <c>callbacks suppressed</c> counts, XFS metadata I/O errors and forced shutdowns, btrfs errors and
/// forced read-only. A torn line's first half (<c>EXT3-fs error (device dm-0): ext3_get_inode_loc:</c>
/// with nothing after it) is completed by the line that carries its text.
/// </summary>
public sealed class FilesystemRecognizer : ILineRecognizer
{
    private string? lastDevice;
    private string? lastType;
    private (LogLine Line, string Type, string Device, string Function)? torn;
    private int tornWait;

    /// <inheritdoc/>
    public bool WantsNextLine => torn is not null && tornWait > 0;

    /// <inheritdoc/>
    public IEnumerable<LogAnchor> Anchors => ["-fs ", "Aborting journal", "emounting filesystem", "XFS (", "BTRFS"];

    /// <inheritdoc/>
    public bool Recognize(LogLine line, LogLine? previous, IEventSink sink)
    {
        var message = line.Message;
        if (torn is { } t)
        {
            // The rest of a torn error is a bare sentence ("unable to read inode block - inode=…, block=…") a few lines on;
            // the lines between are other subsystems' "name: text" messages.
            tornWait--;
            if (!message.Contains(": ", StringComparison.Ordinal) && !message.StartsWith("EXT", StringComparison.Ordinal))
            {
                torn = null;
                sink.Emit(new FilesystemEvent(t.Line, FilesystemEventKind.Error, t.Type, t.Device, t.Function, message));
                return true;
            }
        }

        if (message.StartsWith("EXT", StringComparison.Ordinal) && message.Length > 7 && message[4..7] == "-fs")
        {
            return Ext(line, message, sink);
        }

        if (message.StartsWith("Aborting journal on device ", StringComparison.Ordinal))
        {
            var device = JournalOwner(message[27..].TrimEnd('.'));
            sink.Emit(new FilesystemEvent(line, FilesystemEventKind.JournalAborted, lastDevice == device ? lastType : null, device, null, message));
            return true;
        }

        if (message.StartsWith("Remounting filesystem read-only", StringComparison.Ordinal))
        {
            sink.Emit(new FilesystemEvent(line, FilesystemEventKind.ReadOnly, lastType, lastDevice, null, message));
            return true;
        }

        if (message.StartsWith("XFS (", StringComparison.Ordinal))
        {
            return Xfs(line, message, sink);
        }

        return message.StartsWith("BTRFS", StringComparison.Ordinal) && Btrfs(line, message, sink);
    }

    private bool Ext(LogLine line, string message, IEventSink sink)
    {
        var type = message[..4].ToLowerInvariant();
        var device = MessageText.Between(message, "(device ", ')') ?? MessageText.Between(message, "-fs (", ')');
        if (device is null)
        {
            // "EXT4-fs error: 3 callbacks suppressed"
            if (message.Contains("callbacks suppressed", StringComparison.Ordinal) && lastDevice is not null)
            {
                var count = MessageText.NumberAfter(message, "error: ") ?? 0;
                sink.Emit(new FilesystemEvent(line, FilesystemEventKind.Error, lastType, lastDevice, null, $"{count} more errors not logged (ratelimited)"));
                return true;
            }

            return false;
        }

        lastDevice = device;
        lastType = type;
        var close = message.IndexOf(')', StringComparison.Ordinal);
        var body = message[(close + 1)..].TrimStart(':', ' ');
        if (body.Contains("read-only", StringComparison.Ordinal) && body.Contains("emounting", StringComparison.Ordinal))
        {
            sink.Emit(new FilesystemEvent(line, FilesystemEventKind.ReadOnly, type, device, null, body));
            return true;
        }

        if (!message.Contains("-fs error", StringComparison.Ordinal) && !message.Contains("-fs critical", StringComparison.Ordinal))
        {
            return message.Contains("I/O error", StringComparison.Ordinal) && Emit(FilesystemEventKind.Error, null, body);
        }

        // "ext3_get_inode_loc: text", "ext4_find_entry:1455: inode #2: comm ls: text", "in ext4_reserve_inode_write:5712: Journal has aborted"
        if (body.StartsWith("in ", StringComparison.Ordinal))
        {
            body = body[3..];
        }

        var colon = body.IndexOf(": ", StringComparison.Ordinal);
        var function = colon > 0 ? body[..colon] : body.TrimEnd(':');
        var text = colon > 0 ? body[(colon + 2)..].Trim() : "";
        if (FunctionLine(function) is { } end && end < function.Length)
        {
            // A paste that lost the colon after func:line ("ext4_find_entry:1455 inode #2: comm ls: …"): the same event.
            text = $"{function[(end + 1)..]}{(text.Length > 0 ? ": " + text : "")}";
            function = function[..end];
        }
        if (text.Length == 0)
        {
            torn = (line, type, device, function);
            tornWait = 12;
            return true;
        }

        var aborted = text.Contains("aborted journal", StringComparison.Ordinal) || text.Contains("Journal has aborted", StringComparison.Ordinal);
        return Emit(aborted ? FilesystemEventKind.JournalAborted : FilesystemEventKind.Error, function, text);

        bool Emit(FilesystemEventKind kind, string? fn, string what)
        {
            sink.Emit(new FilesystemEvent(line, kind, type, device, fn, what));
            return true;
        }
    }

    /// <summary>Where <c>name:digits</c> ends at the start of <paramref name="function"/> when a space follows it, or null.</summary>
    private static int? FunctionLine(string function)
    {
        var colon = function.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon + 1 >= function.Length || !char.IsAsciiDigit(function[colon + 1]))
        {
            return null;
        }

        var end = colon + 1;
        while (end < function.Length && char.IsAsciiDigit(function[end]))
        {
            end++;
        }

        return end < function.Length && function[end] == ' ' ? end : null;
    }

    private static bool Xfs(LogLine line, string message, IEventSink sink)
    {
        var device = MessageText.Between(message, "XFS (", ')');
        var text = message[(message.IndexOf("):", StringComparison.Ordinal) + 2)..].Trim();
        FilesystemEventKind? kind =
            text.Contains("Shutting down filesystem", StringComparison.Ordinal) || text.Contains("force_shutdown", StringComparison.Ordinal)
            || text.Contains("has been shut down", StringComparison.Ordinal) ? FilesystemEventKind.Shutdown
            : text.Contains("rror", StringComparison.Ordinal) || text.Contains("Corruption", StringComparison.Ordinal) ? FilesystemEventKind.Error
            : null;
        if (kind is not { } k || device is null)
        {
            return false;
        }

        sink.Emit(new FilesystemEvent(line, k, "xfs", device, null, text));
        return true;
    }

    private static bool Btrfs(LogLine line, string message, IEventSink sink)
    {
        var device = MessageText.Between(message, "(device ", ')');
        var text = message[(message.IndexOf("):", StringComparison.Ordinal) is var c and > 0 ? c + 2 : 0)..].Trim();
        FilesystemEventKind? kind =
            text.Contains("forced readonly", StringComparison.Ordinal) ? FilesystemEventKind.Shutdown
            : message.StartsWith("BTRFS error", StringComparison.Ordinal) || message.StartsWith("BTRFS: error", StringComparison.Ordinal)
              || message.StartsWith("BTRFS critical", StringComparison.Ordinal) || text.Contains("csum failed", StringComparison.Ordinal) ? FilesystemEventKind.Error
            : null;
        if (kind is not { } k || device is null)
        {
            return false;
        }

        sink.Emit(new FilesystemEvent(line, k, "btrfs", device, null, text));
        return true;
    }

    /// <summary>jbd2 names an internal journal <c>device-inode</c>; <c>dm-0</c> alone is a device, <c>dm-0-8</c> and <c>sdb1-8</c> are journals.</summary>
    public static string JournalOwner(string name)
    {
        var dash = name.LastIndexOf('-');
        if (dash <= 0 || !name[(dash + 1)..].All(char.IsAsciiDigit) || dash + 1 == name.Length)
        {
            return name;
        }

        var owner = name[..dash];
        var ownerIsDevice = char.IsAsciiDigit(owner[^1]) || (owner.StartsWith("sd", StringComparison.Ordinal) && owner.Length > 2 && owner.All(char.IsAsciiLetter))
            || (owner.StartsWith("vd", StringComparison.Ordinal) && owner.Length > 2 && owner.All(char.IsAsciiLetter));
        return ownerIsDevice ? owner : name;
    }
}

using System.Globalization;

namespace HostDoc.Explain;

/// <summary>What kind of line rsync wrote.</summary>
public enum RsyncLineKind
{
    /// <summary><c>rsync error: TEXT (code N) at FILE(LINE) [ROLE=VERSION]</c>: the process's exit.</summary>
    Exit,

    /// <summary><c>[ROLE] io timeout after N seconds -- exiting</c> (older rsync without the role).</summary>
    IoTimeout,

    /// <summary><c>rsync: connection unexpectedly closed (N bytes received so far) [ROLE]</c>.</summary>
    ConnectionClosed,

    /// <summary>Another <c>rsync: …</c> or <c>rsync warning: …</c> line (a file that failed, with its errno).</summary>
    Message,
}

/// <summary>
/// One of rsync's own diagnostic lines, taken apart (formats from rsync's log.c rprintf/exit_cleanup and io.c). Used by
/// <c>hostdoc explain rsync --message</c> and by the log reader, which makes an incident per transfer of them.
/// </summary>
/// <param name="Kind">Which line.</param>
/// <param name="Text">The line as given, trimmed.</param>
/// <param name="Code">The exit code (<c>(code 30)</c>), for an exit line.</param>
/// <param name="Role">sender, receiver, generator, server, client, Receiver, …: who printed it, when the line says.</param>
/// <param name="Version">rsync's version (<c>[receiver=3.0.6]</c>), for an exit line.</param>
/// <param name="Where">rsync's source location (<c>io.c(200)</c>), for an exit line.</param>
/// <param name="Seconds">How long without I/O, for an io timeout.</param>
/// <param name="Bytes">Bytes received before the connection closed.</param>
/// <param name="Errno">The errno number a message ends with (<c>Permission denied (13)</c>), or null.</param>
public sealed record RsyncLine(RsyncLineKind Kind, string Text, int? Code = null, string? Role = null, string? Version = null, string? Where = null, long? Seconds = null, long? Bytes = null, int? Errno = null)
{
    /// <summary>Takes <paramref name="message"/> apart; null when it is not one of rsync's lines.</summary>
    public static RsyncLine? Parse(string message)
    {
        var text = message.Trim();
        if (text.StartsWith("rsync error: ", StringComparison.Ordinal))
        {
            var code = Between(text, "(code ", ")");
            var at = Between(text, ") at ", " ");
            var bracket = Between(text, "[", "]");
            var eq = bracket?.IndexOf('=') ?? -1;
            return new RsyncLine(RsyncLineKind.Exit, text, Integer(code) is { } c and <= int.MaxValue ? (int)c : null,
                eq > 0 ? bracket![..eq] : bracket, eq > 0 ? bracket![(eq + 1)..] : null, at);
        }

        var role = (string?)null;
        var body = text;
        if (body.StartsWith('[') && body.IndexOf("] ", StringComparison.Ordinal) is var close and > 1)
        {
            role = body[1..close];
            body = body[(close + 2)..];
        }

        if (body.StartsWith("io timeout after ", StringComparison.Ordinal) && body.EndsWith("-- exiting", StringComparison.Ordinal))
        {
            return new RsyncLine(RsyncLineKind.IoTimeout, text, Role: role, Seconds: Integer(Between(body, "after ", " seconds")));
        }

        if (text.StartsWith("rsync: connection unexpectedly closed (", StringComparison.Ordinal))
        {
            return new RsyncLine(RsyncLineKind.ConnectionClosed, text, Role: Between(text, "so far) [", "]"), Bytes: Integer(Between(text, "closed (", " bytes")?.Replace(",", "", StringComparison.Ordinal)));
        }

        if (text.StartsWith("rsync: ", StringComparison.Ordinal) || text.StartsWith("rsync warning: ", StringComparison.Ordinal))
        {
            var open = text.LastIndexOf('(');
            var errno = open > 0 && text.EndsWith(')') ? Integer(text[(open + 1)..^1]) : null;
            return new RsyncLine(RsyncLineKind.Message, text, Role: text.EndsWith(']') && text.LastIndexOf('[') is var b and > 0 ? text[(b + 1)..^1] : null, Errno: errno is { } e and < 4096 ? (int)e : null);
        }

        return null;
    }

    private static string? Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        if (from < 0)
        {
            return null;
        }

        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? null : text[from..to];
    }

    private static long? Integer(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}

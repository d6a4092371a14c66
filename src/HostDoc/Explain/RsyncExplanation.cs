using System.Globalization;

namespace HostDoc.Explain;

/// <summary>
/// An rsync failure explained: the exit code that caused it (the first exit of the transfer other than the code 12 its
/// peers report when it goes), rsync's own lines read in order, and the knowledge entry of the code.
/// </summary>
/// <param name="Code">The code explained, or null when neither a code nor an exit line was given.</param>
/// <param name="Entry">The knowledge entry of <paramref name="Code"/>, or null for a code rsync does not have.</param>
/// <param name="Lines">rsync's lines, as given.</param>
/// <param name="Reading">What the lines say, one sentence each.</param>
public sealed record RsyncExplanation(int? Code, KnowledgeEntry? Entry, IReadOnlyList<RsyncLine> Lines, IReadOnlyList<string> Reading)
{
    /// <summary>The knowledge topic of rsync's exit codes.</summary>
    public const string Topic = "rsync-exit";

    /// <summary>rsync's select()/poll() wait cap (io.c SELECT_TIMEOUT): the most an io timeout's reported seconds exceed --timeout.</summary>
    public const int SelectTimeout = 60;

    /// <summary>Explains <paramref name="code"/> (when given) and the lines of one transfer.</summary>
    public static RsyncExplanation Make(int? code, IReadOnlyList<RsyncLine> lines, KnowledgeBase knowledge)
    {
        var exits = lines.Where(l => l.Kind == RsyncLineKind.Exit && l.Code is not null).ToArray();
        var cause = code
            ?? exits.FirstOrDefault(l => l.Code != 12)?.Code
            ?? (lines.Any(l => l.Kind == RsyncLineKind.IoTimeout) ? 30 : exits.FirstOrDefault()?.Code);
        var reading = new List<string>();
        var timedOut = exits.FirstOrDefault(l => l.Code == 30)?.Role;
        var errnos = lines.Any(l => l.Errno is not null) ? ErrnoTable.Embedded() : null;
        foreach (var line in lines)
        {
            if (Read(line.Kind == RsyncLineKind.IoTimeout && line.Role is null ? line with { Role = timedOut } : line, cause, errnos) is { } sentence)
            {
                reading.Add(sentence);
            }
        }

        return new RsyncExplanation(cause, cause is { } c ? knowledge.Find(Topic, $"rsync-{c.ToString(CultureInfo.InvariantCulture)}", "*") : null, lines, reading);
    }

    /// <summary>A one-line summary: rsync's text for the code, and who exited with it.</summary>
    public string Summary
    {
        get
        {
            var exit = Lines.FirstOrDefault(l => l.Kind == RsyncLineKind.Exit && l.Code == Code);
            var who = exit?.Role is { } role ? $" ({role}{(exit.Version is { } v ? " " + v : "")})" : "";
            var timeout = Lines.FirstOrDefault(l => l.Kind == RsyncLineKind.IoTimeout)?.Seconds is { } s ? $" after {s} s without I/O" : "";
            return Code is { } c ? $"rsync exit {c}: {Entry?.Summary ?? "a code rsync does not define"}{who}{timeout}" : "rsync: no exit code in the lines given";
        }
    }

    private static string? Read(RsyncLine line, int? cause, ErrnoTable? errnos) => line.Kind switch
    {
        RsyncLineKind.IoTimeout when line.Seconds is { } s =>
            $"{line.Role ?? "this side"} saw neither a read nor a write for {s} s and gave up: its --timeout (or the daemon's timeout =) was at most {s} s{(s > SelectTimeout ? $" and more than {s - SelectTimeout} s" : "")}; the side that stopped talking is the other one",
        RsyncLineKind.ConnectionClosed =>
            $"the {line.Role ?? "process"} saw the connection end after {line.Bytes?.ToString("N0", CultureInfo.InvariantCulture) ?? "some"} bytes: {(cause is not (null or 12) ? $"an effect of the exit with code {cause}, not a cause of its own" : "the other side went away")}",
        RsyncLineKind.Exit when line.Code == 12 && cause is not (null or 12) =>
            $"the {line.Role ?? "process"} exited with 12 (protocol data stream) because its peer had gone: it follows from code {cause}",
        RsyncLineKind.Exit when line.Code is { } c =>
            $"the {line.Role ?? "process"}{(line.Version is { } v ? $" (rsync {v})" : "")} exited with {c}{(line.Where is { } w ? $" at {w}" : "")}",
        RsyncLineKind.Message when line.Errno is { } e =>
            $"a file operation failed with errno {e}{(errnos?.Find(e.ToString(CultureInfo.InvariantCulture)) is { } name ? $" ({name.Name})" : "")}: hostdoc explain {e} PATH says what it means on the path",
        _ => null,
    };
}

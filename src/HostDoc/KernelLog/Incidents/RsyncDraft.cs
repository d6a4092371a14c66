using System.Globalization;
using HostDoc.Explain;
using HostDoc.Findings;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Incidents;

/// <summary>
/// One rsync transfer that failed: its processes' error lines, which come out together (the receiver's timeout and exit,
/// the generator's closed connection and exit 12), explained by the exit code that caused it from the knowledge files.
/// </summary>
internal sealed class RsyncDraft(LogLine first, KnowledgeBase knowledge) : IncidentDraft(first)
{
    /// <summary>Seconds between two lines of one transfer at most (its processes exit within a few seconds of each other).</summary>
    public const double Together = 15;

    private readonly List<RsyncLine> lines = [];
    private readonly string? program = first.Program;

    public void Take(RsyncEvent e)
    {
        if (lines.Count == 0)
        {
            Occurred(e.Line);
        }
        else
        {
            Saw(e.Line);
        }

        lines.Add(e.Parsed);
    }

    public override Incident Build(DeviceNames names)
    {
        var explained = RsyncExplanation.Make(null, lines, knowledge);
        var exit = lines.FirstOrDefault(l => l.Kind == RsyncLineKind.Exit && l.Code == explained.Code);
        foreach (var reading in explained.Reading)
        {
            Fact("reading", reading);
        }

        foreach (var source in explained.Entry?.Sources ?? [])
        {
            Fact("source", source);
        }

        Data.Set("exit_code", explained.Code)
            .Set("rsync_role", exit?.Role)
            .Set("rsync_version", exit?.Version)
            .Set("io_timeout_seconds", lines.FirstOrDefault(l => l.Kind == RsyncLineKind.IoTimeout)?.Seconds)
            .Set("bytes_received", lines.FirstOrDefault(l => l.Kind == RsyncLineKind.ConnectionClosed)?.Bytes);
        var severity = explained.Code switch
        {
            0 => Severity.Ok,
            24 => Severity.Info,
            null => Severity.Info,
            _ => Severity.Warning,
        };
        var subject = "rsync" + (exit?.Role is { } role ? $" {role}" : "") + (program is { } tag ? $" ({tag})" : "");
        var why = explained.Entry?.Why is { Length: > 0 } w ? w : "rsync reported an error; its lines are below.";
        return Make("rsync", "log.rsync-failed", severity, subject,
            $"{explained.Summary}, at {FirstSeen}", why,
            explained.Entry?.Advice is { Length: > 0 } a ? a : $"hostdoc explain rsync {explained.Code?.ToString(CultureInfo.InvariantCulture) ?? "--message …"}", []);
    }
}

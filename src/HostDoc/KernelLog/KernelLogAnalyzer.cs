using System.Text;
using HostDoc.KernelLog.Decoders;
using HostDoc.KernelLog.Incidents;
using HostDoc.KernelLog.Reading;
using HostDoc.KernelLog.Recognizers;
using HostDoc.Sources;

namespace HostDoc.KernelLog;

/// <summary>
/// The kernel log pipeline (DESIGN.md): readers → line recognizers → events → incidents. Each input
/// is streamed through <see cref="LogLineScanner"/>'s prefilter; a line that passes has its envelope
/// taken apart, is placed on the input's timeline, split where it was torn, and offered to the
/// recognizers (SCSI first, since its reports span lines); their events stream into
/// <see cref="IncidentBuilder"/>. One analyzer per run; inputs are read in the order given.
/// </summary>
public sealed class KernelLogAnalyzer : ILogLineSink
{
    private static readonly LogAnchor[] MarkerAnchors = ["-- "];   // journalctl's -- Reboot --, -- Boot … --, -- Logs begin at … --

    /// <summary>Hosts kept apart in one log; lines of further hosts share the last lane (a central log of more hosts than this is unusual).</summary>
    public const int MaxHosts = 10_000;

    private const string OverflowHost = "(more hosts)";

    /// <summary>The prefilter over every recognizer's phrases: the same for every analyzer (building its vectorised searches costs more than a small input's scan), immutable once built.</summary>
    private static readonly Lazy<LogAnchors> Prefilter = new(() => new LogAnchors(AllAnchors()));

    private readonly AscAscqTable table;
    private readonly Dictionary<string, LogLane> lanes = new(StringComparer.Ordinal);
    private readonly LogLineScanner scanner;
    private readonly ScanCounts counts = new();
    private readonly List<string> sources = [];
    private readonly List<string> problems = [];
    private readonly DateTime? since;
    private readonly DateTime? until;
    private string source = "";
    private DateTime written = DateTime.Now;
    private LogLane lane;

    /// <summary>Makes an analyzer; lines with a wall-clock time outside [<paramref name="since"/>, <paramref name="until"/>) are skipped.</summary>
    public KernelLogAnalyzer(AscAscqTable table, DateTime? since = null, DateTime? until = null)
    {
        this.table = table;
        lane = Lane(null);
        scanner = new LogLineScanner(Prefilter.Value);
        this.since = since;
        this.until = until;
    }

    /// <summary>Every anchor phrase the prefilter looks for (for the benchmark's grep alternation).</summary>
    public static IReadOnlyList<LogAnchor> Anchors() => AllAnchors().Distinct().ToArray();

    private static IEnumerable<LogAnchor> AllAnchors() => ScsiRecognizer.Phrases.Concat(LogLane.Others().SelectMany(r => r.Anchors)).Concat(MarkerAnchors);

    /// <summary>Reads a log stream; <paramref name="written"/> (the file's modification time) gives syslog lines their year.</summary>
    public void Read(string name, Stream stream, DateTime written)
    {
        Begin(name, written);
        try
        {
            scanner.Scan(stream, this, counts);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            problems.Add($"{name}: read failed part-way ({e.Message}); incidents up to that point are kept");
        }

        End();
    }

    /// <summary>
    /// Reads the log file at <paramref name="path"/> (plain or gzip), reported as <paramref name="name"/>; its
    /// modification time gives syslog lines their year. A file that cannot be opened is a problem, not an error.
    /// </summary>
    public void ReadFile(string name, string path) => ReadFile(name, HostRoot.Live, path);

    /// <summary>
    /// Reads the log file <paramref name="kernelPath"/> of <paramref name="root"/> (plain or gzip; a tree's file or a
    /// snapshot's entry), reported as <paramref name="name"/>. A file that cannot be opened is a problem, not an error.
    /// </summary>
    public void ReadFile(string name, HostRoot root, string kernelPath)
    {
        var path = kernelPath;
        if (root.IsDirectory(path))
        {
            problems.Add($"{name}: is a directory, not a log file");
            return;
        }

        Stream stream;
        try
        {
            stream = LogFiles.Decompressed(root.OpenRead(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{name}: cannot read ({e.Message})");
            return;
        }

        using (stream)
        {
            Read(name, stream, root.LastWriteTime(path));
        }
    }

    /// <summary>Reads kernel ring-buffer records (<c>/dev/kmsg</c>); <paramref name="bootTime"/> turns their uptime into wall-clock time.</summary>
    public void Read(string name, IEnumerable<KmsgRecord> records, DateTimeOffset? bootTime)
    {
        Begin(name, DateTime.Now);
        long number = 0;
        foreach (var record in records)
        {
            number++;
            counts.Lines++;
            counts.Bytes += record.Message.Length;
            var message = record.Message.Replace("\\x0a", "\n", StringComparison.Ordinal);
            var uptime = record.Microseconds / 1e6;
            var wall = bootTime is { } boot ? UnixTime.Add(boot.DateTime, uptime) : null;
            var envelope = new LogEnvelope(wall, wall is not null, uptime, record.Level, null, true,
                LogMarker.None, LogEnvelopeParser.SplitTorn(message), Offset: wall is null ? null : bootTime?.Offset);
            counts.Candidates++;
            Place(envelope, number, record.Message, []);
        }

        End();
    }

    /// <summary>Records that an input could not be read.</summary>
    public void Problem(string text) => problems.Add(text);

    /// <summary>The analysis so far.</summary>
    public KernelLogAnalysis Finish()
    {
        var distinct = lanes.Values.Distinct().ToArray();
        var busy = distinct.Where(l => l.Incidents.Count > 0 || l.Host is not null).ToArray();
        var found = distinct.SelectMany(l => l.Incidents.Build().Select(i => i with { Host = l.Host })).ToArray();
        var dropped = distinct.Sum(l => l.Incidents.Dropped);
        if (dropped > 0)
        {
            problems.Add($"more than 10,000 distinct incidents on one host: {dropped} further events were counted but not grouped");
        }

        var hosts = distinct.Select(l => l.Host).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        return new KernelLogAnalysis(found, sources, counts, busy.Length == 0 ? lane.Incidents.Boots : busy.Max(l => l.Incidents.Boots), problems, hosts);
    }

    /// <inheritdoc/>
    bool ILogLineSink.Take(string line, long lineNumber, ReadOnlySpan<byte> previous) =>
        Place(LogEnvelopeParser.Parse(line), lineNumber, line, previous);

    private bool Place(LogEnvelope envelope, long lineNumber, string raw, ReadOnlySpan<byte> previous)
    {
        if (envelope.Marker != LogMarker.None)
        {
            foreach (var each in lanes.Values)
            {
                each.Clock.Mark(envelope);   // journalctl's markers: its output is of one host
            }

            return false;
        }

        if ((!envelope.IsKernel && !RsyncRecognizer.Wrote(envelope.Program)) || envelope.Messages.Count == 0)
        {
            return WantsNextLine;
        }

        lane = Lane(envelope.Host);
        // A continuation (libata's res line, the cause before "SMP disabled") needs the line above it, which the
        // prefilter did not pass: it is placed on the timeline first, so a continuation without a stamp takes its time.
        var before = !previous.IsEmpty && envelope.Messages.Any(m => m.StartsWith("res ", StringComparison.Ordinal) || m.StartsWith("SMP disabled", StringComparison.Ordinal))
            ? Previous(Encoding.UTF8.GetString(previous), lineNumber, envelope.Host) : null;
        var time = lane.Clock.Place(envelope, envelope.Messages[0].StartsWith("Linux version ", StringComparison.Ordinal));
        if (time.Wall is { } wall && ((since is { } s && wall < s) || (until is { } u && wall >= u)))
        {
            return false;
        }

        foreach (var message in envelope.Messages)
        {
            lane.Dispatch(new LogLine(source, lineNumber, time, envelope.Level, envelope.Host, message, raw, envelope.Program), before);
        }

        return WantsNextLine;
    }

    private bool WantsNextLine => lane.WantsNextLine;

    /// <summary>The lane of <paramref name="host"/>, made on first sight (with this input's year).</summary>
    private LogLane Lane(string? host)
    {
        var key = host ?? "";
        if (!lanes.TryGetValue(key, out var found))
        {
            found = lanes.Count < MaxHosts || lane is null ? new LogLane(table, host, written.Year, written.Month)
                : lanes.TryGetValue(OverflowHost, out var overflow) ? overflow : lanes[OverflowHost] = new LogLane(table, OverflowHost, written.Year, written.Month);
            lanes[key] = found;
        }

        return found;
    }

    /// <summary>The line above as a line of <paramref name="host"/>; null when it is not a kernel line, or (a central log) another host's.</summary>
    private LogLine? Previous(string raw, long lineNumber, string? host)
    {
        var envelope = LogEnvelopeParser.Parse(raw);
        return envelope.IsKernel && envelope.Messages.Count > 0 && envelope.Marker == LogMarker.None && envelope.Host == host
            ? new LogLine(source, lineNumber - 1, Lane(envelope.Host).Clock.Place(envelope, isBootBanner: false), envelope.Level, envelope.Host, envelope.Messages[^1], raw)
            : null;
    }

    private void Begin(string name, DateTime written)
    {
        source = name;
        sources.Add(name);
        this.written = written;
        foreach (var each in lanes.Values)
        {
            each.Restart(written.Year, written.Month);
        }
    }

    private void End()
    {
        foreach (var each in lanes.Values)
        {
            each.Flush();
        }
    }
}

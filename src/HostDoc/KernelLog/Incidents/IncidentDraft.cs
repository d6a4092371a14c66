using HostDoc.Findings;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Incidents;

/// <summary>An incident while the log is still being read: counts and bounded evidence, so memory stays flat.</summary>
internal abstract class IncidentDraft(LogLine first)
{
    private const int MaxLines = 24;
    private const int MaxTimes = 12;

    public LogTime FirstSeen { get; } = first.Time;

    public LogTime LastSeen { get; private set; } = first.Time;

    public LogLine LastLine { get; private set; } = first;

    public int Occurrences { get; private set; }

    public List<LogTime> Times { get; } = [];

    public List<LogLine> Lines { get; } = [];

    public int MoreLines { get; private set; }

    public List<Evidence> Facts { get; } = [];

    public List<string> Consequences { get; } = [];

    public List<string> CrossChecks { get; } = [];

    /// <summary>The typed members the incident will carry (<see cref="Incident.Data"/>).</summary>
    public FindingData Data { get; } = new();

    /// <summary>Counts one more occurrence at <paramref name="line"/>'s time.</summary>
    public void Occurred(LogLine line)
    {
        Occurrences++;
        if (Times.Count < MaxTimes)
        {
            Times.Add(line.Time);
        }

        Saw(line);
    }

    /// <summary>An occurrence of its own, or a further line of the current one.</summary>
    public void Note(LogLine line, bool occurrence)
    {
        if (occurrence)
        {
            Occurred(line);
        }
        else
        {
            Saw(line);
        }
    }

    /// <summary>Keeps <paramref name="line"/> as evidence (the first ones) and moves the last-seen time.</summary>
    public void Saw(LogLine line)
    {
        if (line.Time.SortKey >= LastSeen.SortKey)
        {
            LastSeen = line.Time;
        }

        LastLine = line;
        if (Lines.Exists(l => l.LineNumber == line.LineNumber && l.Source == line.Source))
        {
            return;
        }

        if (Lines.Count < MaxLines)
        {
            Lines.Add(line);
        }
        else
        {
            MoreLines++;
        }
    }

    /// <summary>Adds a fact once.</summary>
    public void Fact(string label, string value)
    {
        if (!Facts.Exists(f => f.Label == label && f.Value == value) && Facts.Count < MaxLines)
        {
            Facts.Add(new Evidence(label, value));
        }
    }

    /// <summary>Adds a consequence once.</summary>
    public void Consequence(string text)
    {
        if (!Consequences.Contains(text) && Consequences.Count < MaxLines)
        {
            Consequences.Add(text);
        }
    }

    /// <summary>Adds a cross-check once.</summary>
    public void CrossCheck(string text)
    {
        if (!CrossChecks.Contains(text) && CrossChecks.Count < MaxLines)
        {
            CrossChecks.Add(text);
        }
    }

    /// <summary>True when <paramref name="line"/> follows this incident's last line closely (same burst).</summary>
    public bool Adjacent(LogLine line, double seconds) =>
        line.Time.SecondsSince(LastLine.Time) is { } gap
            ? gap >= -1 && gap <= seconds
            : line.Source == LastLine.Source && Math.Abs(line.LineNumber - LastLine.LineNumber) <= 40;

    /// <summary>Renders the finished incident.</summary>
    public abstract Incident Build(DeviceNames names);

    /// <summary>The common parts of <see cref="Build"/>; <paramref name="kind"/> is the family of event (<c>disk</c>, <c>ata-link</c>, <c>filesystem</c>, <c>oom-kill</c> …), first of the typed members.</summary>
    protected Incident Make(string kind, string id, Severity severity, string subject, string summary, string explanation, string advice, IReadOnlyList<string> chain)
    {
        var fields = new List<DataField> { new("kind", new DataText(kind)) };
        fields.AddRange(Data.Fields.Where(f => f.Name != "kind"));
        return new(id, severity, subject, summary, explanation, advice, FirstSeen, LastSeen, Math.Max(Occurrences, 1), Times,
            chain, Facts, Consequences, CrossChecks, Lines, MoreLines, Data: fields);
    }
}

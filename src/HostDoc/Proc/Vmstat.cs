using HostDoc.Sources;

namespace HostDoc.Proc;

/// <summary>
/// <c>/proc/vmstat</c> (mm/vmstat.c): one <c>name value</c> pair a line, all counters in pages or
/// events. Every counter is kept; the ones hostdoc reasons about have typed accessors.
/// </summary>
public sealed record Vmstat
{
    /// <summary>The kernel path this record is read from.</summary>
    public const string KernelPath = "/proc/vmstat";

    private readonly Dictionary<string, ulong> _counters;

    /// <summary>Creates the record from name/value pairs in kernel order.</summary>
    public Vmstat(IReadOnlyList<KeyValuePair<string, ulong>> counters)
    {
        Counters = counters;
        _counters = new Dictionary<string, ulong>(counters.Count, StringComparer.Ordinal);
        foreach (var (name, value) in counters)
        {
            _counters.TryAdd(name, value);
        }
    }

    /// <summary>Every counter in kernel order.</summary>
    public IReadOnlyList<KeyValuePair<string, ulong>> Counters { get; }

    /// <summary>A counter by name, or null when this kernel lacks it.</summary>
    public ulong? this[string name] => _counters.TryGetValue(name, out var value) ? value : null;

    /// <summary>nr_dirty: dirty file pages.</summary>
    public ulong? NrDirty => this["nr_dirty"];

    /// <summary>nr_writeback: pages under writeback.</summary>
    public ulong? NrWriteback => this["nr_writeback"];

    /// <summary>nr_unstable: NFS unstable pages (removed in 5.9).</summary>
    public ulong? NrUnstable => this["nr_unstable"];

    /// <summary>nr_inactive_file (2.6.28+).</summary>
    public ulong? NrInactiveFile => this["nr_inactive_file"];

    /// <summary>nr_active_file (2.6.28+).</summary>
    public ulong? NrActiveFile => this["nr_active_file"];

    /// <summary>nr_dirty_threshold: the global hard dirty limit in pages, computed when the file was read (2.6.37+).</summary>
    public ulong? NrDirtyThreshold => this["nr_dirty_threshold"];

    /// <summary>nr_dirty_background_threshold: the global background limit in pages (2.6.37+).</summary>
    public ulong? NrDirtyBackgroundThreshold => this["nr_dirty_background_threshold"];

    /// <summary>Reads and parses <c>/proc/vmstat</c> under <paramref name="root"/>.</summary>
    public static Sourced<Vmstat> Read(HostRoot root) => SourceReader.Read<Vmstat>(root, KernelPath, Parse);

    /// <summary>Parses the text of /proc/vmstat; malformed lines are reported and skipped.</summary>
    public static ParseResult<Vmstat> Parse(ReadOnlySpan<char> text)
    {
        var counters = new List<KeyValuePair<string, ulong>>(200);
        var errors = new List<ParseError>();
        var lineNumber = 0;
        foreach (var rawLine in text.EnumerateLines())
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            var space = line.IndexOf(' ');
            if (space > 0 && KernelNumber.TryParseUnsigned(line[(space + 1)..].TrimStart(), out var value))
            {
                counters.Add(new(line[..space].ToString(), value));
            }
            else
            {
                errors.Add(ParseError.At(lineNumber, "\"name number\"", line, space > 0 ? line[..space].ToString() : null));
            }
        }

        return new ParseResult<Vmstat>(new Vmstat(counters), errors);
    }
}

using HostDoc.Sources;

namespace HostDoc.Collect;

/// <summary>
/// What collect has recorded: files with their bytes, directories, symbolic links (at the paths the kernel has them,
/// so the tree resolves as the host did), and the paths that could not be read with why. Paths are kernel paths
/// without the leading slash. Bytes stop being kept at the size budget; what is left out is recorded as such.
/// </summary>
/// <param name="maxBytes">The budget for file contents together (<c>--max-size</c>).</param>
public sealed class CapturedTree(long maxBytes)
{
    private readonly Dictionary<string, CapturedEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceProblem> _unreadable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _listings = new(StringComparer.Ordinal);

    /// <summary>File bytes kept so far.</summary>
    public long Bytes { get; private set; }

    /// <summary>The budget.</summary>
    public long MaxBytes => maxBytes;

    /// <summary>Bytes still free in the budget.</summary>
    public long Left => Math.Max(0, maxBytes - Bytes);

    /// <summary>Every entry, by path.</summary>
    public IReadOnlyDictionary<string, CapturedEntry> Entries => _entries;

    /// <summary>Every path that could not be read, with the problem met.</summary>
    public IReadOnlyDictionary<string, SourceProblem> Unreadable => _unreadable;

    /// <summary>True when <paramref name="path"/> is recorded as a file.</summary>
    public bool HasFile(string path) => _entries.GetValueOrDefault(path) is CapturedEntry.File;

    /// <summary>Records a file; false (and the path recorded as left out) when it would pass the budget.</summary>
    public bool AddFile(string path, byte[] bytes, DateTimeOffset modified)
    {
        var old = _entries.GetValueOrDefault(path) is CapturedEntry.File f ? f.Bytes.Length : 0;
        if (Bytes - old + bytes.Length > maxBytes)
        {
            _unreadable["/" + path] = new SourceProblem("/" + path, ProblemKind.TooLarge, $"left out by collect: --max-size {maxBytes >> 20} MiB reached");
            return false;
        }

        Bytes += bytes.Length - old;
        _entries[path] = new CapturedEntry.File(bytes, modified);   // over a name only listed before
        return true;
    }

    /// <summary>Records a name seen in a listing (a file, link or directory already there stays).</summary>
    public void AddListed(string path) => _entries.TryAdd(path, new CapturedEntry.Listed());

    /// <summary>Records a directory (a file or link already there stays).</summary>
    public void AddDirectory(string path) => _entries.TryAdd(path, new CapturedEntry.Directory());

    /// <summary>The order a directory listed its names in on the host (a snapshot lists them in the same order).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Listings => _listings;

    /// <summary>Records the order <paramref name="path"/> listed its names in.</summary>
    public void AddListing(string path, IReadOnlyList<string> names) => _listings.TryAdd(path, names);

    /// <summary>Records a symbolic link.</summary>
    public void AddLink(string path, string target) => _entries[path] = new CapturedEntry.Link(target);

    /// <summary>Records that <paramref name="problem"/>'s path could not be read.</summary>
    public void AddUnreadable(SourceProblem problem) => _unreadable[problem.Path] = problem;
}

/// <summary>One recorded entry.</summary>
public abstract record CapturedEntry
{
    /// <summary>A file and its bytes.</summary>
    public sealed record File(byte[] Bytes, DateTimeOffset Modified) : CapturedEntry;

    /// <summary>A directory.</summary>
    public sealed record Directory : CapturedEntry;

    /// <summary>A symbolic link.</summary>
    public sealed record Link(string Target) : CapturedEntry;

    /// <summary>A file a command saw in a listing and never read: its name is kept (a snapshot lists as the host did), its bytes are not.</summary>
    public sealed record Listed : CapturedEntry;
}

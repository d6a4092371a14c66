using System.Formats.Tar;
using System.Globalization;

namespace HostDoc.Roots;

/// <summary>
/// Opens a snapshot: a tar (gzip'd or not) of a tree in the <c>--root</c> layout — what <c>hostdoc collect</c> writes,
/// or <c>tar czf x.tar.gz -C TREE .</c> of any captured tree. One pass indexes it into memory (System.Formats.Tar over
/// GZipStream); nothing is extracted. Entry names that are absolute or climb with <c>..</c> make the archive refused:
/// such a name cannot come from a tree and is the mark of an archive built to escape.
/// </summary>
public static class SnapshotArchive
{
    /// <summary>What each directory a command listed held on the host, in its order (<c>DIR NAME…</c> a line, escaped as in mountinfo).</summary>
    public const string ListingsEntry = "/hostdoc/listings";

    private static readonly HashSet<string> TreeTops = new(StringComparer.Ordinal) { "proc", "sys", "run", "dev", "etc", "var", "hostdoc", SnapshotManifest.EntryName };

    /// <summary>Opens <paramref name="file"/> as a root; a damaged, hostile or oversized archive gives a <see cref="SnapshotException"/>.</summary>
    public static HostRoot Open(string file, SnapshotLimits? limits = null)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return Open(file, stream, limits ?? SnapshotLimits.Default);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not EndOfStreamException)
        {
            throw new SnapshotException($"--snapshot {file}: cannot read ({e.Message})");
        }
    }

    /// <summary>Reads an archive from <paramref name="stream"/>; <paramref name="file"/> names it in messages.</summary>
    public static HostRoot Open(string file, Stream stream, SnapshotLimits limits)
    {
        var entries = Index(file, stream, limits);
        var top = TopDirectory(entries.Keys);
        var nodes = new Dictionary<string, SnapshotNode>(StringComparer.Ordinal) { [""] = new SnapshotNode.Directory() };
        foreach (var (name, node) in entries)
        {
            var path = top is null ? name : name == top ? "" : name[(top.Length + 1)..];
            if (path.Length == 0)
            {
                continue;
            }

            Add(nodes, path, node);
        }

        if (nodes.GetValueOrDefault(ListingsEntry[1..]) is SnapshotNode.File listings)
        {
            ApplyListings(nodes, System.Text.Encoding.UTF8.GetString(listings.Bytes));
        }

        var manifest = SnapshotManifest.Bare(file);
        if (nodes.GetValueOrDefault(SnapshotManifest.EntryName) is SnapshotNode.File json)
        {
            manifest = SnapshotManifest.Parse(file, json.Bytes, out _);
        }

        return new HostRoot(new SnapshotFiles(nodes, manifest.Unreadable), file, isLive: false, manifest);
    }

    private static Dictionary<string, SnapshotNode> Index(string file, Stream stream, SnapshotLimits limits)
    {
        var entries = new Dictionary<string, SnapshotNode>(StringComparer.Ordinal);
        long total = 0;
        long offset = 0;
        try
        {
            using var input = KernelLog.Reading.LogFiles.Decompressed(stream);
            using var reader = new TarReader(input);
            while (reader.GetNextEntry(copyData: false) is { } entry)
            {
                if (entries.Count >= limits.MaxEntries)
                {
                    throw new SnapshotException($"--snapshot {file}: more than {limits.MaxEntries.ToString("N0", CultureInfo.InvariantCulture)} entries (a tar bomb?); extract it and use --root");
                }

                var name = Name(file, entry.Name);
                if (name is null)
                {
                    continue;
                }

                switch (entry.EntryType)
                {
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        if (entry.Length > limits.MaxEntryBytes || total + entry.Length > limits.MaxTotalBytes)
                        {
                            throw new SnapshotException(string.Create(CultureInfo.InvariantCulture,
                                $"--snapshot {file}: {entry.Name} would unpack past the limit of {(entry.Length > limits.MaxEntryBytes ? limits.MaxEntryBytes : limits.MaxTotalBytes) >> 20} MiB (a tar bomb?); extract it and use --root"));
                        }

                        var bytes = new byte[entry.Length];
                        entry.DataStream?.ReadExactly(bytes);
                        total += bytes.Length;
                        entries[name] = new SnapshotNode.File(bytes, entry.ModificationTime);
                        break;
                    case TarEntryType.Directory:
                        entries.TryAdd(name, new SnapshotNode.Directory());
                        break;
                    case TarEntryType.SymbolicLink:
                        entries[name] = new SnapshotNode.Link(entry.LinkName);
                        break;
                    case TarEntryType.HardLink:
                        if (Name(file, entry.LinkName) is { } target && entries.GetValueOrDefault(target) is SnapshotNode.File linked)
                        {
                            entries[name] = linked;
                        }

                        break;
                    default:
                        break;   // devices, fifos, sparse and extended-attribute records carry nothing hostdoc reads
                }

                offset++;
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or ArgumentException or NotSupportedException or OverflowException
                                      || e is IOException)
        {
            throw new SnapshotException(string.Create(CultureInfo.InvariantCulture,
                $"--snapshot {file}: damaged after {offset} entries ({e.Message.TrimEnd('.')}): not a whole tar or tar.gz"));
        }

        if (entries.Count == 0)
        {
            throw new SnapshotException($"--snapshot {file}: the archive holds no files");
        }

        return entries;
    }

    /// <summary>The entry's name relative to the archive's top, or null for the top itself; absolute or climbing names are refused.</summary>
    private static string? Name(string file, string raw)
    {
        var name = raw.Replace('\\', '/');
        if (name.StartsWith('/') || name.Split('/').Contains(".."))
        {
            throw new SnapshotException($"--snapshot {file}: entry \"{raw}\" points outside the tree (absolute or with ..): refused");
        }

        var parts = name.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToArray();
        return parts.Length == 0 ? null : string.Join('/', parts);
    }

    /// <summary>The one directory everything sits in (<c>tar czf x.tgz TREE</c>), when the tree's own tops are not at the top.</summary>
    private static string? TopDirectory(IEnumerable<string> names)
    {
        var tops = names.Select(n => n.Split('/')[0]).Distinct(StringComparer.Ordinal).ToArray();
        return tops is [var only] && !TreeTops.Contains(only) ? only : null;
    }

    /// <summary>Puts each listed directory's names in the host's order; a name no command read becomes a <see cref="SnapshotNode.Listed"/>.</summary>
    private static void ApplyListings(Dictionary<string, SnapshotNode> nodes, string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            var directory = Proc.Pid.Mountinfo.Unescape(fields[0]).Trim('/');
            if (directory.Split('/').Contains("..") || nodes.GetValueOrDefault(directory) is not SnapshotNode.Directory node)
            {
                continue;
            }

            var names = fields.Skip(1).Select(Proc.Pid.Mountinfo.Unescape).Where(n => n.Length > 0 && n is not ("." or "..") && !n.Contains('/', StringComparison.Ordinal)).ToArray();
            foreach (var name in names)
            {
                nodes.TryAdd(directory.Length == 0 ? name : directory + "/" + name, new SnapshotNode.Listed());
            }

            node.Order(names);
        }
    }

    private static void Add(Dictionary<string, SnapshotNode> nodes, string path, SnapshotNode node)
    {
        if (node is SnapshotNode.Directory && nodes.ContainsKey(path))
        {
            return;
        }

        nodes[path] = node;
        var child = path;
        while (true)
        {
            var slash = child.LastIndexOf('/');
            var parent = slash < 0 ? "" : child[..slash];
            if (nodes.GetValueOrDefault(parent) is not SnapshotNode.Directory directory)
            {
                directory = new SnapshotNode.Directory();
                nodes[parent] = directory;   // a file or link in the way of a directory gives way: the later entry wins, as tar -x does
            }

            if (!directory.Add(child[(slash + 1)..]) || parent.Length == 0)
            {
                break;
            }

            child = parent;
        }
    }
}

using System.Text;
using HostDoc.Sources;
using HostDoc.Storage;

namespace HostDoc.Roots;

/// <summary>
/// A snapshot's files, held in memory after one pass over the archive (<see cref="SnapshotArchive"/>). Names are the
/// archive's, relative to the tree's top; symbolic links are followed inside the snapshot only — an absolute target
/// means the snapshot's own root and <c>..</c> stops at it, as under chroot — so nothing read from a snapshot comes
/// from the machine reading it.
/// </summary>
public sealed class SnapshotFiles : HostFiles
{
    private const int MaxLinkHops = 40;   // the kernel's MAXSYMLINKS

    private readonly Dictionary<string, SnapshotNode> _nodes;
    private readonly IReadOnlyDictionary<string, SourceProblem> _unreadable;

    internal SnapshotFiles(Dictionary<string, SnapshotNode> nodes, IReadOnlyDictionary<string, SourceProblem> unreadable)
    {
        _nodes = nodes;
        _unreadable = unreadable;
    }

    /// <summary>How many entries the snapshot holds.</summary>
    public int Count => _nodes.Count;

    /// <inheritdoc />
    public override Sourced<string> ReadText(string kernelPath, int maxBytes)
    {
        var node = Find(kernelPath, followLast: true);
        return node switch
        {
            SnapshotNode.File file when file.Bytes.Length > maxBytes => Sourced<string>.Failed(HostRoot.TooLarge(kernelPath, maxBytes)),
            SnapshotNode.File file => Sourced<string>.Of(Encoding.UTF8.GetString(file.Bytes)),
            SnapshotNode.Directory => Sourced<string>.Failed(new SourceProblem(kernelPath, ProblemKind.IoError, "is a directory")),
            SnapshotNode.Listed => Sourced<string>.Failed(new SourceProblem(kernelPath, ProblemKind.Missing, "not in the snapshot (collect saw the name in a listing; no command read it)")),
            _ => Sourced<string>.Failed(NotThere(kernelPath)),
        };
    }

    /// <inheritdoc />
    public override bool Exists(string kernelPath) => Find(kernelPath, followLast: true) is not null;

    /// <inheritdoc />
    public override bool IsDirectory(string kernelPath) => Find(kernelPath, followLast: true) is SnapshotNode.Directory;

    /// <inheritdoc />
    public override IReadOnlyList<string> List(string kernelPath) =>
        Find(kernelPath, followLast: true) is SnapshotNode.Directory directory ? directory.Names.ToArray() : [];

    /// <inheritdoc />
    public override string? ReadLink(string kernelPath) => Find(kernelPath, followLast: false) is SnapshotNode.Link link ? link.Target : null;

    /// <inheritdoc />
    public override Stream OpenRead(string kernelPath) => Find(kernelPath, followLast: true) switch
    {
        SnapshotNode.File file => new MemoryStream(file.Bytes, writable: false),
        SnapshotNode.Directory => throw new IOException($"{kernelPath}: is a directory"),
        SnapshotNode.Listed => throw new FileNotFoundException($"{kernelPath}: not in the snapshot (only its name)"),
        _ when _unreadable.ContainsKey(kernelPath) => throw new UnauthorizedAccessException($"{kernelPath}: {_unreadable[kernelPath].Message}"),
        _ => throw new FileNotFoundException($"{kernelPath}: not in the snapshot"),
    };

    /// <inheritdoc />
    public override DateTime LastWriteTime(string kernelPath) =>
        Find(kernelPath, followLast: true) is SnapshotNode.File file ? file.Modified.LocalDateTime : DateTime.MinValue;

    /// <inheritdoc />
    public override int? PageSize(HostRoot root) =>
        TreePageSize(root);

    /// <inheritdoc />
    public override IStatvfs Statvfs(HostRoot root, TimeSpan timeout) => TreeStatvfs.Read(root);

    /// <summary>The problem a missing path gives: what collect met reading it, when it says so, else "missing" (or "exited" for a process).</summary>
    private SourceProblem NotThere(string kernelPath) =>
        _unreadable.TryGetValue(kernelPath, out var problem) ? problem : HostRoot.Classify(kernelPath, new FileNotFoundException());

    /// <summary>The node at <paramref name="kernelPath"/>, links followed inside the snapshot; null when there is none (or links loop).</summary>
    private SnapshotNode? Find(string kernelPath, bool followLast)
    {
        var pending = new List<string>(kernelPath.Split('/', StringSplitOptions.RemoveEmptyEntries));
        pending.Reverse();
        var current = new List<string>();
        var hops = 0;
        SnapshotNode? node = _nodes.GetValueOrDefault("");
        while (pending.Count > 0)
        {
            var part = pending[^1];
            pending.RemoveAt(pending.Count - 1);
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (current.Count > 0)
                {
                    current.RemoveAt(current.Count - 1);
                }

                node = _nodes.GetValueOrDefault(string.Join('/', current));
                continue;
            }

            if (node is not SnapshotNode.Directory)
            {
                return null;
            }

            current.Add(part);
            node = _nodes.GetValueOrDefault(string.Join('/', current));
            if (node is SnapshotNode.Link link && (pending.Count > 0 || followLast))
            {
                if (++hops > MaxLinkHops)
                {
                    return null;
                }

                current.RemoveAt(current.Count - 1);
                if (link.Target.StartsWith('/'))
                {
                    current.Clear();
                }

                var target = link.Target.Split('/', StringSplitOptions.RemoveEmptyEntries);
                for (var i = target.Length - 1; i >= 0; i--)
                {
                    pending.Add(target[i]);
                }

                node = _nodes.GetValueOrDefault(string.Join('/', current));
            }
            else if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}

/// <summary>One entry of a snapshot.</summary>
internal abstract record SnapshotNode
{
    /// <summary>A regular file and its bytes.</summary>
    internal sealed record File(byte[] Bytes, DateTimeOffset Modified) : SnapshotNode;

    /// <summary>A directory and the names in it, in the archive's order (tar keeps the order the tree listed them in, and a listing here gives the same).</summary>
    internal sealed record Directory : SnapshotNode
    {
        private readonly HashSet<string> _index = new(StringComparer.Ordinal);

        /// <summary>The names, in the order they were added.</summary>
        public List<string> Names { get; } = [];

        /// <summary>Puts <paramref name="first"/> first, in that order (adding those not there), the other names after them as they were.</summary>
        public void Order(IReadOnlyList<string> first)
        {
            var listed = new HashSet<string>(first, StringComparer.Ordinal);
            var rest = Names.Where(n => !listed.Contains(n)).ToList();
            Names.Clear();
            _index.Clear();
            foreach (var name in first.Concat(rest))
            {
                _ = Add(name);
            }
        }

        /// <summary>Adds a name; false when it was there.</summary>
        public bool Add(string name)
        {
            if (!_index.Add(name))
            {
                return false;
            }

            Names.Add(name);
            return true;
        }
    }

    /// <summary>A symbolic link and its target as stored.</summary>
    internal sealed record Link(string Target) : SnapshotNode;

    /// <summary>A name collect saw in a listing and did not read (named in <c>hostdoc/listings</c>, not in the archive).</summary>
    internal sealed record Listed : SnapshotNode;
}

using System.Text;
using HostDoc.KernelLog;
using HostDoc.Network;
using HostDoc.Roots;
using HostDoc.Sources;
using HostDoc.Storage;

namespace HostDoc.Collect;

/// <summary>
/// The live host seen as a captured tree while <c>hostdoc collect</c> runs every command over it. The commands run
/// as they do on a tree (the root is not live: one sample, the tree's files for what only a system call gives), so
/// what they read is exactly what a snapshot must hold — and every read is recorded into a <see cref="CapturedTree"/>:
/// files at the paths the kernel has them, every symbolic link on the way (so the tree resolves as the host did), the
/// paths that could not be read with why. A file read twice gives the first answer, so all commands see one moment.
/// The tree's own files are made here from what only a system call says: <c>hostdoc/page_size</c>,
/// <c>hostdoc/statvfs</c>, <c>hostdoc/listeners</c> (sock_diag) and <c>dev/kmsg</c> (the ring buffer's records);
/// /proc/meminfo is read between two /proc/vmstat reads that agree on the dirty thresholds.
/// </summary>
public sealed class CaptureFiles : HostFiles
{
    private const int MaxLinkHops = 40;
    private const int NotPermitted = 1;       // EPERM
    private const int PermissionDenied = 13;  // EACCES

    private readonly DirectoryFiles _live = new("/", isLive: true);
    private readonly CapturedTree _tree;
    private readonly BoundedIo _io;
    private readonly CaptureStatvfs _statvfs;
    private readonly DateTimeOffset _now;
    private readonly DateTime _logsSince;
    private readonly Dictionary<string, Sourced<string>> _reads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _directories = new(StringComparer.Ordinal) { ["/"] = "" };
    private int _operations;

    /// <summary>A capture into <paramref name="tree"/>.</summary>
    /// <param name="tree">Where reads are recorded.</param>
    /// <param name="io">The deadline every live read runs under.</param>
    /// <param name="now">The collection's time (stamped on the kernel's files).</param>
    /// <param name="logsSince">Log lines older than this (local time) are left out.</param>
    public CaptureFiles(CapturedTree tree, BoundedIo io, DateTimeOffset now, DateTime logsSince)
    {
        _tree = tree;
        _io = io;
        _statvfs = new CaptureStatvfs(io.Timeout);
        _now = now;
        _logsSince = logsSince;
    }

    /// <summary>How many reads, listings and link reads were made (for progress).</summary>
    public int Operations => Volatile.Read(ref _operations);

    /// <inheritdoc />
    public override Sourced<string> ReadText(string kernelPath, int maxBytes)
    {
        if (!_reads.TryGetValue(kernelPath, out var result))
        {
            Interlocked.Increment(ref _operations);
            result = kernelPath switch
            {
                "/hostdoc/page_size" => Made(kernelPath, Environment.SystemPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"),
                Listeners.TreePath => MadeListeners(),
                "/dev/kmsg" => MadeKmsg(),
                "/proc/meminfo" or "/proc/vmstat" => ConsistentMemory(kernelPath),
                _ => Live(kernelPath, maxBytes),
            };
            _reads[kernelPath] = result;
        }

        return result.Value is { } text && text.Length > maxBytes && Encoding.UTF8.GetByteCount(text) > maxBytes
            ? Sourced<string>.Failed(HostRoot.TooLarge(kernelPath, maxBytes))
            : result;
    }

    /// <inheritdoc />
    public override bool Exists(string kernelPath)
    {
        if (!Bounded(() => _live.Exists(kernelPath), kernelPath, out var exists) || !exists)
        {
            return false;
        }

        if (_live.IsDirectory(kernelPath))
        {
            _ = Directory(kernelPath);
        }
        else
        {
            _ = ReadText(kernelPath, HostRoot.DefaultMaxBytes);
        }

        return true;
    }

    /// <inheritdoc />
    public override bool IsDirectory(string kernelPath)
    {
        if (!Bounded(() => _live.IsDirectory(kernelPath), kernelPath, out var directory) || !directory)
        {
            return false;
        }

        _ = Directory(kernelPath);
        return true;
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> List(string kernelPath)
    {
        Interlocked.Increment(ref _operations);
        if (!Bounded(() => ListLive(kernelPath), kernelPath, out var entries) || entries is null)
        {
            return [];
        }

        var directory = Directory(kernelPath);
        _tree.AddListing(directory, entries.Select(e => e.Name).ToArray());
        foreach (var (name, link, isDirectory) in entries)
        {
            var path = KernelPath.Join(directory, name);
            if (link is not null)
            {
                _tree.AddLink(path, link);
            }
            else if (isDirectory)
            {
                _tree.AddDirectory(path);
            }
            else
            {
                _tree.AddListed(path);
            }
        }

        return entries.Select(e => e.Name).ToArray();
    }

    /// <inheritdoc />
    public override string? ReadLink(string kernelPath)
    {
        Interlocked.Increment(ref _operations);
        var target = _live.ReadLink(kernelPath);
        if (target is not null)
        {
            _tree.AddLink(KernelPath.Join(Directory(KernelPath.Parent(kernelPath)), KernelPath.Name(kernelPath)), target);
        }

        return target;
    }

    /// <inheritdoc />
    public override Stream OpenRead(string kernelPath)
    {
        var path = Canonical(kernelPath);
        if (_tree.Entries.GetValueOrDefault(path) is CapturedEntry.File recorded)
        {
            return new MemoryStream(recorded.Bytes, writable: false);
        }

        try
        {
            var modified = _live.LastWriteTime(kernelPath);
            byte[] tail;
            using (var stream = _live.OpenRead(kernelPath))
            {
                tail = LogTail.Read(stream, modified, _logsSince, _tree.Left);
            }

            _tree.AddFile(path, tail, new DateTimeOffset(modified));
            return new MemoryStream(tail, writable: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (e is not (FileNotFoundException or DirectoryNotFoundException))
            {
                _tree.AddUnreadable(HostRoot.Classify(kernelPath, e));
            }

            throw;
        }
    }

    /// <inheritdoc />
    public override DateTime LastWriteTime(string kernelPath) =>
        _tree.Entries.GetValueOrDefault(Canonical(kernelPath)) is CapturedEntry.File file ? file.Modified.LocalDateTime : _live.LastWriteTime(kernelPath);

    /// <inheritdoc />
    public override int? PageSize(HostRoot root) =>
        TreePageSize(root);

    /// <inheritdoc />
    public override IStatvfs Statvfs(HostRoot root, TimeSpan timeout) => _statvfs;

    /// <summary>Writes what was gathered along the way and not yet as files: the statvfs table, with every mount in it (as a captured tree has).</summary>
    public void Finish()
    {
        if (ReadText("/proc/self/mountinfo", HostRoot.DefaultMaxBytes).Value is { } mountinfo)
        {
            _ = _statvfs.QueryAll(Proc.Pid.Mountinfo.Parse(mountinfo).Value.Entries.Select(m => (m.MountPoint, m.FsType)).ToArray());
        }

        var table = _statvfs.Table(out var problems);
        if (table.Length > 0)
        {
            _tree.AddFile("hostdoc/statvfs", Encoding.UTF8.GetBytes(table), _now);
        }

        foreach (var problem in problems)
        {
            _tree.AddUnreadable(problem);
        }
    }

    private Sourced<string> Live(string kernelPath, int maxBytes)
    {
        if (!Bounded(() => _live.ReadText(kernelPath, maxBytes), kernelPath, out var read) || read is null)
        {
            return Sourced<string>.Failed(_tree.Unreadable[kernelPath]);
        }

        if (read.Value is { } text)
        {
            _tree.AddFile(Canonical(kernelPath), Encoding.UTF8.GetBytes(text), _now);
        }
        else if (read.Problems is [{ Kind: not (ProblemKind.Missing or ProblemKind.Vanished) } problem, ..])
        {
            _tree.AddUnreadable(problem);
        }

        return read;
    }

    private Sourced<string> Made(string kernelPath, string text)
    {
        _tree.AddFile(kernelPath.TrimStart('/'), Encoding.UTF8.GetBytes(text), _now);
        return Sourced<string>.Of(text);
    }

    private Sourced<string> MadeListeners()
    {
        var dump = SockDiag.Dump(everyState: false);
        return dump.Value is { } value
            ? Made(Listeners.TreePath, Listeners.Format(value.Listeners))
            : Sourced<string>.Failed(new SourceProblem(Listeners.TreePath, ProblemKind.Missing, "sock_diag did not answer; the listeners come from /proc/net/tcp"));
    }

    private Sourced<string> MadeKmsg()
    {
        var records = KmsgReader.ReadRaw(out var error);
        if (records.Count > 0)
        {
            return Made("/dev/kmsg", string.Concat(records.Select(r => r + "\n")));
        }

        if (error is NotPermitted or PermissionDenied)
        {
            var problem = new SourceProblem("/dev/kmsg", ProblemKind.PermissionDenied, HostKernelLog.NeedsRoot);
            _tree.AddUnreadable(problem);
            return Sourced<string>.Failed(problem);
        }

        return Sourced<string>.Failed(new SourceProblem("/dev/kmsg", ProblemKind.Missing, "the ring buffer gave no records"));
    }

    /// <summary>meminfo read between two vmstat reads that agree on the dirty thresholds (the kernel computes both from one MemFree).</summary>
    private Sourced<string> ConsistentMemory(string kernelPath)
    {
        Sourced<string> vmstat = Sourced<string>.Failed(new SourceProblem("/proc/vmstat", ProblemKind.Missing, "not read"));
        Sourced<string> meminfo = vmstat;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var before = _live.ReadText("/proc/vmstat", HostRoot.DefaultMaxBytes);
            meminfo = _live.ReadText("/proc/meminfo", HostRoot.DefaultMaxBytes);
            vmstat = _live.ReadText("/proc/vmstat", HostRoot.DefaultMaxBytes);
            if (Thresholds(before.Value) == Thresholds(vmstat.Value))
            {
                break;
            }
        }

        foreach (var (path, read) in new[] { ("/proc/meminfo", meminfo), ("/proc/vmstat", vmstat) })
        {
            if (read.Value is { } text)
            {
                _tree.AddFile(path.TrimStart('/'), Encoding.UTF8.GetBytes(text), _now);
            }
            else if (read.Problems is [{ Kind: not ProblemKind.Missing } problem, ..])
            {
                _tree.AddUnreadable(problem);
            }

            _reads[path] = read;
        }

        return kernelPath == "/proc/meminfo" ? meminfo : vmstat;
    }

    private static string Thresholds(string? vmstat) =>
        vmstat is null ? "" : string.Join('\n', vmstat.Split('\n').Where(l => l.StartsWith("nr_dirty_threshold ", StringComparison.Ordinal) || l.StartsWith("nr_dirty_background_threshold ", StringComparison.Ordinal)));

    /// <summary>Runs a live call under the deadline; a call that did not answer is recorded as unreadable.</summary>
    private bool Bounded<T>(Func<T> call, string kernelPath, out T? result)
    {
        if (_io.TryRun(call, out result))
        {
            return true;
        }

        _tree.AddUnreadable(new SourceProblem(kernelPath, ProblemKind.Timeout, _io.Abandoned >= BoundedIo.MaxAbandoned
            ? $"skipped: {BoundedIo.MaxAbandoned} reads had not answered, collect stopped reading the host"
            : $"did not answer within {_io.Timeout.TotalSeconds:0.#} s; skipped"));
        return false;
    }

    private static List<(string Name, string? Link, bool IsDirectory)>? ListLive(string kernelPath)
    {
        try
        {
            return new DirectoryInfo(kernelPath).EnumerateFileSystemInfos()
                .Select(i => (i.Name, i.Attributes.HasFlag(FileAttributes.ReparsePoint) ? i.LinkTarget : null, i is DirectoryInfo))
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Where <paramref name="kernelPath"/>'s file is kept: its directory with every link on the way resolved (and recorded), a final link followed too.</summary>
    private string Canonical(string kernelPath)
    {
        var path = kernelPath;
        for (var hop = 0; hop < MaxLinkHops; hop++)
        {
            var directory = Directory(KernelPath.Parent(path));
            var candidate = KernelPath.Join(directory, KernelPath.Name(path));
            if (_live.ReadLink("/" + candidate) is not { } target)
            {
                return candidate;
            }

            _tree.AddLink(candidate, target);
            path = KernelPath.Normalize(directory, target);
        }

        return kernelPath.TrimStart('/');
    }

    /// <summary>The directory's path with every link on the way resolved, each link and directory recorded.</summary>
    private string Directory(string kernelPath)
    {
        var key = kernelPath.Length > 1 ? kernelPath.TrimEnd('/') : kernelPath;
        if (_directories.TryGetValue(key, out var known))
        {
            return known;
        }

        var parent = Directory(KernelPath.Parent(key));
        var candidate = KernelPath.Join(parent, KernelPath.Name(key));
        var hops = 0;
        while (_live.ReadLink("/" + candidate) is { } target && hops++ < MaxLinkHops)
        {
            _tree.AddLink(candidate, target);
            var next = KernelPath.Normalize(parent, target);
            parent = Directory(KernelPath.Parent(next));
            candidate = KernelPath.Join(parent, KernelPath.Name(next));
        }

        var resolved = candidate;
        if (resolved.Length > 0)
        {
            _tree.AddDirectory(resolved);
        }

        _directories[key] = resolved;
        return resolved;
    }
}

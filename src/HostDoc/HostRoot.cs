using System.Globalization;
using HostDoc.Roots;
using HostDoc.Sources;
using HostDoc.Storage;

namespace HostDoc;

/// <summary>
/// Where hostdoc reads the kernel's files from: the live root <c>/</c>, or a directory holding a
/// captured tree (<c>proc/</c>, <c>sys/</c>, <c>run/</c>, <c>var/log/</c>). Every source reads
/// through an instance handed down to it; nothing opens "/proc/…" literally, so the same code runs
/// on a live host, in tests and on a snapshot (DESIGN.md principle 1).
/// </summary>
/// <remarks>
/// Values that only a system call gives are carried by a captured tree in files of its own under
/// <c>hostdoc/</c> (for instance <c>hostdoc/page_size</c>), so fixtures and snapshots answer the
/// same questions a live host does.
/// </remarks>
public sealed class HostRoot
{
    /// <summary>Default cap for one file: procfs sizes lie (stat says 0), so reads go to EOF, but never unbounded.</summary>
    public const int DefaultMaxBytes = 16 * 1024 * 1024;

    private readonly HostFiles _files;

    /// <summary>A root over <paramref name="files"/>.</summary>
    /// <param name="files">Where the bytes come from.</param>
    /// <param name="directory">What the root is called in reports: the directory, or the snapshot file.</param>
    /// <param name="isLive">True for the running host (sampling, system calls).</param>
    /// <param name="snapshot">What a snapshot's manifest says, for a root read from an archive.</param>
    public HostRoot(HostFiles files, string directory, bool isLive, SnapshotManifest? snapshot = null)
    {
        _files = files;
        Directory = directory;
        IsLive = isLive;
        Snapshot = snapshot;
    }

    /// <summary>The running host.</summary>
    public static HostRoot Live { get; } = new(new DirectoryFiles("/", isLive: true), "/", isLive: true);

    /// <summary>The directory kernel paths are resolved under, or the snapshot file a root was read from.</summary>
    public string Directory { get; }

    /// <summary>True for the running host; false for a captured tree or a snapshot.</summary>
    public bool IsLive { get; }

    /// <summary>The snapshot's manifest when this root was read from an archive made by <c>hostdoc collect</c> (or any tar of a tree: then with only its name).</summary>
    public SnapshotManifest? Snapshot { get; }

    /// <summary>A captured tree at <paramref name="directory"/>; "/" gives the live host.</summary>
    public static HostRoot At(string directory)
    {
        var full = Path.GetFullPath(directory);
        return full == "/" ? Live : new HostRoot(new DirectoryFiles(full.TrimEnd('/'), isLive: false), full.TrimEnd('/'), isLive: false);
    }

    /// <summary>
    /// The file on this machine that holds <paramref name="kernelPath"/> (for tools that need a path, such as journalctl
    /// or a log follower), or null when this root is an archive, not a directory.
    /// </summary>
    public string? DiskPath(string kernelPath) => _files.DiskPath(kernelPath);

    /// <summary>True when <paramref name="kernelPath"/> exists under this root.</summary>
    public bool Exists(string kernelPath) => _files.Exists(kernelPath);

    /// <summary>True when <paramref name="kernelPath"/> is a directory under this root.</summary>
    public bool IsDirectory(string kernelPath) => _files.IsDirectory(kernelPath);

    /// <summary>
    /// Reads a whole text file (to EOF, up to <paramref name="maxBytes"/>). A missing file, a denied
    /// read or a vanished process comes back as a problem, never as an exception.
    /// </summary>
    public Sourced<string> ReadText(string kernelPath, int maxBytes = DefaultMaxBytes) => _files.ReadText(kernelPath, maxBytes);

    /// <summary>
    /// A one-value file (a sysfs attribute, a sysctl) with its trailing newline and padding removed;
    /// null when it cannot be read or holds nothing.
    /// </summary>
    public string? ReadValue(string kernelPath) =>
        ReadText(kernelPath, 64 * 1024).Value?.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>A one-value file holding an unsigned decimal; null when unreadable or not a number.</summary>
    public ulong? ReadNumber(string kernelPath) =>
        ReadValue(kernelPath) is { } text && KernelNumber.TryParseUnsigned(text, out var value) ? value : null;

    /// <summary>
    /// The memory page size: the live host's, or what a captured tree carries in
    /// <c>hostdoc/page_size</c>; null when a tree does not say.
    /// </summary>
    public int? PageSize() => _files.PageSize(this);

    /// <summary>The names in the directory <paramref name="kernelPath"/> (e.g. the PIDs in /proc); empty when it cannot be listed.</summary>
    public IReadOnlyList<string> ListDirectory(string kernelPath) => _files.List(kernelPath);

    /// <summary>The target of the symbolic link at <paramref name="kernelPath"/> (as stored, possibly relative), or null.</summary>
    public string? ReadLink(string kernelPath) => _files.ReadLink(kernelPath);

    /// <summary>Opens a (log) file for streaming; throws IOException or UnauthorizedAccessException as a file would.</summary>
    public Stream OpenRead(string kernelPath) => _files.OpenRead(kernelPath);

    /// <summary>When the file was last written; <see cref="DateTime.MinValue"/> when unknown.</summary>
    public DateTime LastWriteTime(string kernelPath) => _files.LastWriteTime(kernelPath);

    /// <summary>
    /// statvfs for this root: the system call on the live host (calls that can hang are given up
    /// after <paramref name="timeout"/>), the tree's <c>hostdoc/statvfs</c> table otherwise.
    /// </summary>
    public IStatvfs Statvfs(TimeSpan timeout) => _files.Statvfs(this, timeout);

    /// <summary>The problem for a file larger than its cap.</summary>
    internal static SourceProblem TooLarge(string kernelPath, int maxBytes) =>
        new(kernelPath, ProblemKind.TooLarge, string.Create(CultureInfo.InvariantCulture, $"larger than the {maxBytes}-byte cap for this file"));

    internal static SourceProblem Classify(string kernelPath, Exception ex)
    {
        var isPidPath = IsPidPath(kernelPath);
        return ex switch
        {
            FileNotFoundException or DirectoryNotFoundException when isPidPath =>
                new SourceProblem(kernelPath, ProblemKind.Vanished, "the process has exited"),
            FileNotFoundException or DirectoryNotFoundException =>
                new SourceProblem(kernelPath, ProblemKind.Missing, "no such file (not provided by this kernel or tree)"),
            UnauthorizedAccessException =>
                new SourceProblem(kernelPath, ProblemKind.PermissionDenied, "permission denied (run as root to read it)"),
            IOException io when isPidPath && io.HResult == Esrch =>
                new SourceProblem(kernelPath, ProblemKind.Vanished, "the process has exited"),
            _ => new SourceProblem(kernelPath, ProblemKind.IoError, ex.Message),
        };
    }

    private const int Esrch = 3;

    private static bool IsPidPath(string kernelPath) =>
        kernelPath.StartsWith("/proc/", StringComparison.Ordinal)
        && kernelPath.Length > 6
        && char.IsAsciiDigit(kernelPath[6]);
}

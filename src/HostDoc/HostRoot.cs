using System.Globalization;
using System.Text;
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

    private HostRoot(string directory, bool isLive)
    {
        Directory = directory;
        IsLive = isLive;
    }

    /// <summary>The running host.</summary>
    public static HostRoot Live { get; } = new("/", isLive: true);

    /// <summary>The directory kernel paths are resolved under.</summary>
    public string Directory { get; }

    /// <summary>True for the running host; false for a captured tree.</summary>
    public bool IsLive { get; }

    /// <summary>A captured tree at <paramref name="directory"/>; "/" gives the live host.</summary>
    public static HostRoot At(string directory)
    {
        var full = Path.GetFullPath(directory);
        return full == "/" ? Live : new HostRoot(full.TrimEnd('/'), isLive: false);
    }

    /// <summary>Maps a kernel path such as <c>/proc/meminfo</c> to the file to open under this root.</summary>
    public string Resolve(string kernelPath) =>
        IsLive ? kernelPath : string.Concat(Directory, kernelPath.StartsWith('/') ? kernelPath : "/" + kernelPath);

    /// <summary>True when <paramref name="kernelPath"/> exists under this root.</summary>
    public bool Exists(string kernelPath) => Path.Exists(Resolve(kernelPath));

    /// <summary>
    /// Reads a whole text file (to EOF, up to <paramref name="maxBytes"/>). A missing file, a denied
    /// read or a vanished process comes back as a problem, never as an exception.
    /// </summary>
    public Sourced<string> ReadText(string kernelPath, int maxBytes = DefaultMaxBytes)
    {
        var file = Resolve(kernelPath);
        try
        {
            using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return ReadToEnd(handle, kernelPath, maxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Sourced<string>.Failed(Classify(kernelPath, ex));
        }
    }

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
    public int? PageSize()
    {
        if (IsLive)
        {
            return Environment.SystemPageSize;
        }

        return ReadNumber("/hostdoc/page_size") is { } size and > 0 and <= int.MaxValue ? (int)size : null;
    }

    /// <summary>The names in the directory <paramref name="kernelPath"/> (e.g. the PIDs in /proc); empty when it cannot be listed.</summary>
    public IReadOnlyList<string> ListDirectory(string kernelPath)
    {
        try
        {
            return System.IO.Directory.GetFileSystemEntries(Resolve(kernelPath)).Select(Path.GetFileName).ToArray()!;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The target of the symbolic link at <paramref name="kernelPath"/> (as stored, possibly relative), or null.</summary>
    public string? ReadLink(string kernelPath)
    {
        try
        {
            return new FileInfo(Resolve(kernelPath)).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// statvfs for this root: the system call on the live host (calls that can hang are given up
    /// after <paramref name="timeout"/>), the tree's <c>hostdoc/statvfs</c> table otherwise.
    /// </summary>
    public IStatvfs Statvfs(TimeSpan timeout) => IsLive ? new LiveStatvfs(timeout) : TreeStatvfs.Read(this);

    private static Sourced<string> ReadToEnd(Microsoft.Win32.SafeHandles.SafeFileHandle handle, string kernelPath, int maxBytes)
    {
        var buffer = new byte[Math.Min(maxBytes, 16 * 1024)];
        var length = 0;
        long offset = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length >= maxBytes)
                {
                    Span<byte> probe = stackalloc byte[1];
                    if (RandomAccess.Read(handle, probe, offset) == 0)
                    {
                        break;
                    }

                    return Sourced<string>.Failed(new SourceProblem(kernelPath, ProblemKind.TooLarge,
                        string.Create(CultureInfo.InvariantCulture, $"larger than the {maxBytes}-byte cap for this file")));
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes));
            }

            var asked = buffer.Length - length;
            var read = RandomAccess.Read(handle, buffer.AsSpan(length), offset);
            if (read == 0)
            {
                break;
            }

            length += read;
            offset += read;
            if (read < asked && kernelPath.StartsWith("/sys/", StringComparison.Ordinal))
            {
                break;   // a sysfs attribute is shown whole by its first read: a short read is its end (procfs' seq_file may read short before it)
            }
        }

        return Sourced<string>.Of(Encoding.UTF8.GetString(buffer, 0, length));
    }

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

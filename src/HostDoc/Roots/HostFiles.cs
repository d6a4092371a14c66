using HostDoc.Sources;
using HostDoc.Storage;

namespace HostDoc.Roots;

/// <summary>
/// Where a <see cref="HostRoot"/> gets its bytes: a directory (the live <c>/</c> or a captured tree), a snapshot
/// archive held in memory, or the live host seen as a tree while <c>hostdoc collect</c> records it. Paths are kernel
/// paths (<c>/proc/meminfo</c>); failures come back as problems or empty answers, never as exceptions, except from
/// <see cref="OpenRead"/>, which throws what a file system throws (IOException, UnauthorizedAccessException).
/// </summary>
public abstract class HostFiles
{
    /// <summary>The whole text of a file, up to <paramref name="maxBytes"/>.</summary>
    public abstract Sourced<string> ReadText(string kernelPath, int maxBytes);

    /// <summary>True when something (file, directory, link) is at <paramref name="kernelPath"/>.</summary>
    public abstract bool Exists(string kernelPath);

    /// <summary>True when <paramref name="kernelPath"/> is a directory (after links).</summary>
    public abstract bool IsDirectory(string kernelPath);

    /// <summary>The names in a directory; empty when it cannot be listed.</summary>
    public abstract IReadOnlyList<string> List(string kernelPath);

    /// <summary>The target of a symbolic link as stored, or null.</summary>
    public abstract string? ReadLink(string kernelPath);

    /// <summary>A stream over a (log) file, for reading it without holding it whole.</summary>
    public abstract Stream OpenRead(string kernelPath);

    /// <summary>When the file was last written (gives syslog lines their year); <see cref="DateTime.MinValue"/> when unknown.</summary>
    public abstract DateTime LastWriteTime(string kernelPath);

    /// <summary>The memory page size this root answers with, or null.</summary>
    public abstract int? PageSize(HostRoot root);

    /// <summary>statvfs answers for this root.</summary>
    public abstract IStatvfs Statvfs(HostRoot root, TimeSpan timeout);

    /// <summary>What a captured tree or snapshot carries in <c>hostdoc/page_size</c>, or null.</summary>
    protected static int? TreePageSize(HostRoot root) =>
        root.ReadNumber("/hostdoc/page_size") is { } size and > 0 and <= int.MaxValue ? (int)size : null;

    /// <summary>The path on this machine's file system that holds <paramref name="kernelPath"/>, or null when the root is not a directory.</summary>
    public virtual string? DiskPath(string kernelPath) => null;
}

using System.Text;
using HostDoc.Sources;
using HostDoc.Storage;
using Microsoft.Win32.SafeHandles;

namespace HostDoc.Roots;

/// <summary>The files of a directory: the live host at <c>/</c>, or a captured tree whose <c>proc/</c>, <c>sys/</c>, … stand for the kernel's.</summary>
/// <param name="directory">The directory kernel paths are resolved under ("/" for the live host).</param>
/// <param name="isLive">True for the running host: statvfs and the page size come from system calls.</param>
public sealed class DirectoryFiles(string directory, bool isLive) : HostFiles
{
    /// <inheritdoc />
    public override string DiskPath(string kernelPath) =>
        isLive ? kernelPath : string.Concat(directory, kernelPath.StartsWith('/') ? kernelPath : "/" + kernelPath);

    /// <inheritdoc />
    public override Sourced<string> ReadText(string kernelPath, int maxBytes)
    {
        try
        {
            using var handle = File.OpenHandle(DiskPath(kernelPath), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return ReadToEnd(handle, kernelPath, maxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Sourced<string>.Failed(HostRoot.Classify(kernelPath, ex));
        }
    }

    /// <inheritdoc />
    public override bool Exists(string kernelPath) => Path.Exists(DiskPath(kernelPath));

    /// <inheritdoc />
    public override bool IsDirectory(string kernelPath) => Directory.Exists(DiskPath(kernelPath));

    /// <inheritdoc />
    public override IReadOnlyList<string> List(string kernelPath)
    {
        try
        {
            return Directory.GetFileSystemEntries(DiskPath(kernelPath)).Select(Path.GetFileName).ToArray()!;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <inheritdoc />
    public override string? ReadLink(string kernelPath)
    {
        try
        {
            return new FileInfo(DiskPath(kernelPath)).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override Stream OpenRead(string kernelPath) =>
        new FileStream(DiskPath(kernelPath), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);

    /// <inheritdoc />
    public override DateTime LastWriteTime(string kernelPath)
    {
        try
        {
            return File.GetLastWriteTime(DiskPath(kernelPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return DateTime.MinValue;
        }
    }

    /// <inheritdoc />
    public override int? PageSize(HostRoot root) =>
        isLive ? Environment.SystemPageSize : TreePageSize(root);

    /// <inheritdoc />
    public override IStatvfs Statvfs(HostRoot root, TimeSpan timeout) => isLive ? new LiveStatvfs(timeout) : TreeStatvfs.Read(root);

    private static Sourced<string> ReadToEnd(SafeFileHandle handle, string kernelPath, int maxBytes)
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

                    return Sourced<string>.Failed(HostRoot.TooLarge(kernelPath, maxBytes));
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
}

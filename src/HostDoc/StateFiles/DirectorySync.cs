using System.Runtime.InteropServices;

namespace HostDoc.StateFiles;

/// <summary>fsync(2) of a directory, so a rename in it survives a crash (.NET can flush files, not directories).</summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;   // O_RDONLY: enough to fsync a directory

    /// <summary>Flushes <paramref name="directory"/>'s entries to disk; a failure is not fatal (the data file itself was flushed).</summary>
    public static void Flush(string directory)
    {
        var fd = open(directory, ReadOnly);
        if (fd >= 0)
        {
            _ = fsync(fd);
            _ = close(fd);
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}

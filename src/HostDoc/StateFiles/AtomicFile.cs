namespace HostDoc.StateFiles;

/// <summary>
/// How hostdoc's state files are replaced: a temporary file in the same directory, fsync, rename over
/// the old one, fsync of the directory, so a run killed at any point leaves the old file or the new one,
/// never half of one. Call it holding the file's <see cref="StateLock"/>.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with what <paramref name="write"/> puts in the stream, creating its directory.</summary>
    public static void Replace(string path, Action<Stream> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // Under the lock: a temporary file left by a run that was killed mid-write is nobody's now.
        foreach (var stale in Directory.EnumerateFiles(directory, $".{Path.GetFileName(path)}.*.tmp"))
        {
            File.Delete(stale);
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        DirectorySync.Flush(directory);
    }
}

using System.IO.Compression;
using System.Text;

namespace HostDoc.Tests.KernelLog.Following;

/// <summary>
/// A log being written and rotated the ways logrotate and syslog daemons do it, in a directory of the
/// test's own: a writer that appends whole lines (or half a line, finished later) through a handle it
/// keeps until told to reopen; rotation by rename (numbered or dateext, the writer still on the renamed
/// file until it reopens), by copytruncate, and compression of finished rotated files. It remembers
/// every complete line written, in order.
/// </summary>
internal sealed class RotatingLog : IDisposable
{
    private readonly string directory;
    private Microsoft.Win32.SafeHandles.SafeFileHandle writer;
    private string writerFile;
    private int next;
    private int date = 20261201;
    private string? torn;

    public RotatingLog(string directory)
    {
        this.directory = directory;
        Path = System.IO.Path.Combine(directory, "kern.log");
        writerFile = Path;
        writer = OpenWriter();
    }

    public string Path { get; }

    public List<string> Written { get; } = [];

    public bool IsTorn => torn is not null;

    /// <summary>True while the writer's handle is on a renamed file (it has not reopened the log since the rotation).</summary>
    public bool WriterOnRotated { get; private set; }

    public void Append(int lines)
    {
        for (var i = 0; i < lines; i++)
        {
            var line = torn is { } head ? head + " rest" : $"Dec  1 10:00:{next % 60:00} host kernel: line {next++} of the log";
            Write(torn is null ? line + "\n" : " rest\n");
            torn = null;
            Written.Add(line);
        }
    }

    public void AppendTorn()
    {
        if (torn is not null)
        {
            return;
        }

        torn = $"Dec  1 10:00:{next % 60:00} host kernel: line {next++} torn";
        Write(torn);
    }

    /// <summary>logrotate without copytruncate: shift the numbered files, rename the log to .1 (or -DATE), create a new empty log.</summary>
    public void RotateByRename(bool dateExt, bool create)
    {
        if (!File.Exists(Path) || WriterOnRotated)
        {
            return;   // logrotate's postrotate reopens the daemon's log before the next rotation
        }

        var target = dateExt ? $"{Path}-{date++}" : ShiftNumbered();
        File.Move(Path, target);
        if (writerFile == Path)
        {
            writerFile = target;
        }

        WriterOnRotated = true;
        if (create)
        {
            File.WriteAllBytes(Path, []);
        }
    }

    /// <summary>logrotate's copytruncate: copy the log to .1, then truncate the log in place (the writer keeps its handle).</summary>
    public void RotateByCopyTruncate()
    {
        if (!File.Exists(Path) || torn is not null)
        {
            return;   // a daemon writes whole lines; copytruncate mid-line splits one in any tool
        }

        var target = ShiftNumbered();
        File.Copy(Path, target);
        using var truncate = new FileStream(Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        truncate.SetLength(0);
    }

    /// <summary>The writer reopens the log (SIGHUP after rotation).</summary>
    public void Reopen()
    {
        if (torn is not null)
        {
            return;
        }

        writer.Dispose();
        writer = OpenWriter();
        writerFile = Path;
        WriterOnRotated = false;
    }

    /// <summary>Compresses the oldest uncompressed rotated file the writer no longer writes to (delaycompress).</summary>
    public void CompressOne()
    {
        var rotated = Directory.EnumerateFiles(directory, "kern.log?*").Where(f => !f.EndsWith(".gz", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        rotated.Remove(writerFile);

        if (rotated.Count == 0)
        {
            return;
        }

        var file = rotated[^1];
        using (var input = File.OpenRead(file))
        using (var output = new GZipStream(File.Create(file + ".gz"), CompressionLevel.Fastest))
        {
            input.CopyTo(output);
        }

        File.Delete(file);
    }

    public void Dispose() => writer.Dispose();

    private string ShiftNumbered()
    {
        for (var n = 200; n >= 1; n--)
        {
            foreach (var suffix in new[] { "", ".gz" })
            {
                var from = $"{Path}.{n}{suffix}";
                if (File.Exists(from))
                {
                    var to = $"{Path}.{n + 1}{suffix}";
                    File.Move(from, to);
                    writerFile = writerFile == from ? to : writerFile;
                }
            }
        }

        return Path + ".1";
    }

    private Microsoft.Win32.SafeHandles.SafeFileHandle OpenWriter() =>
        File.OpenHandle(Path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);

    /// <summary>Appends as O_APPEND does: at the file's end now, so a copytruncate'd log is written from its new start.</summary>
    private void Write(string text) => RandomAccess.Write(writer, Encoding.UTF8.GetBytes(text), RandomAccess.GetLength(writer));
}

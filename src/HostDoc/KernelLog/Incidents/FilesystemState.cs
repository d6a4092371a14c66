using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Incidents;

/// <summary>What happened to one filesystem during an incident: errors, journal abort, read-only, shutdown, lost writes.</summary>
internal sealed class FilesystemState
{
    public string? Type { get; private set; }

    public string? Device { get; private set; }

    public int Errors { get; private set; }

    public string? FirstError { get; private set; }

    public LogTime? JournalAborted { get; private set; }

    public LogTime? ReadOnly { get; private set; }

    public LogTime? Shutdown { get; private set; }

    public int LostWrites { get; private set; }

    /// <summary>True when the filesystem said its metadata is corrupt (XFS <c>Corruption detected</c>, <c>Metadata corruption detected</c>).</summary>
    public bool Corrupted { get; private set; }

    public int FailedReads { get; private set; }

    /// <summary>True once the filesystem stopped taking writes (journal aborted, read-only, shut down).</summary>
    public bool StoppedWrites => JournalAborted is not null || ReadOnly is not null || Shutdown is not null;

    public void Take(FilesystemEvent e)
    {
        Type ??= e.FsType;
        Device ??= e.Device;
        switch (e.Kind)
        {
            case FilesystemEventKind.Error:
                Errors++;
                Corrupted |= e.Text.Contains("orruption", StringComparison.Ordinal);
                FirstError ??= e.Function is null ? e.Text : $"{e.Function}: {e.Text}";
                break;
            case FilesystemEventKind.JournalAborted:
                JournalAborted ??= e.Line.Time;
                break;
            case FilesystemEventKind.ReadOnly:
                ReadOnly ??= e.Line.Time;
                break;
            case FilesystemEventKind.Shutdown:
                Shutdown ??= e.Line.Time;
                break;
            default:
                break;
        }
    }

    public void Take(BufferIoError e)
    {
        Device ??= e.Device;
        if (e.LostWrite)
        {
            LostWrites++;
        }
        else
        {
            FailedReads++;
        }
    }

    /// <summary>The filesystem's name for sentences: <c>the ext3 filesystem on dm-0</c>.</summary>
    public string Name => $"the {Type ?? "filesystem"}{(Type is null ? "" : " filesystem")} on {Device ?? "the device"}";

    /// <summary>One line per consequence, in the order they matter.</summary>
    public IEnumerable<string> Describe()
    {
        if (Errors > 0)
        {
            yield return $"{Name} logged {Errors} error{(Errors == 1 ? "" : "s")}, first: {FirstError}";
        }

        if (JournalAborted is { } j)
        {
            yield return $"{Name} aborted its journal at {j}";
        }

        if (ReadOnly is { } r)
        {
            yield return $"{Name} was remounted read-only at {r}: writes since then were refused";
        }

        if (Shutdown is { } s)
        {
            yield return $"{Name} shut itself down at {s}: every access fails until it is unmounted and repaired";
        }

        if (LostWrites > 0)
        {
            yield return $"{LostWrites} buffered write{(LostWrites == 1 ? " was" : "s were")} lost on {Device}: data applications believed written is not on disk";
        }

        if (FailedReads > 0)
        {
            yield return $"{FailedReads} read{(FailedReads == 1 ? "" : "s")} of {Device} failed (Buffer I/O error)";
        }
    }
}

using HostDoc.Findings;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Incidents;

/// <summary>A filesystem in trouble with no failing disk before it in the log (corruption, or the disk's errors were not logged here).</summary>
internal sealed class FilesystemDraft(LogLine first) : IncidentDraft(first)
{
    public FilesystemState State { get; } = new();

    public void Take(FilesystemEvent e)
    {
        Note(e.Line, e.Kind == FilesystemEventKind.Error);

        State.Take(e);
    }

    public void Take(BufferIoError e)
    {
        Occurred(e.Line);
        State.Take(e);
    }

    public override Incident Build(DeviceNames names)
    {
        foreach (var c in State.Describe())
        {
            Consequence(c);
        }

        var severity = State.StoppedWrites || State.LostWrites > 0 || State.Corrupted ? Severity.Critical : Severity.Warning;
        var summary = State.StoppedWrites
            ? $"{State.Name} {(State.ReadOnly is not null ? "went read-only" : State.Shutdown is not null ? "shut down" : "aborted its journal")} at {State.ReadOnly ?? State.Shutdown ?? State.JournalAborted}"
                + (State.Errors > 0 ? $" after {State.Errors} error{(State.Errors == 1 ? "" : "s")}" : "")
            : State.LostWrites > 0 ? $"{State.LostWrites} writes to {State.Device} were lost between {FirstSeen} and {LastSeen}"
            : $"{State.Name}: {State.Errors} error{(State.Errors == 1 ? "" : "s")} between {FirstSeen} and {LastSeen}; first: {State.FirstError}";
        DeviceFields.AddBlock(Data, State.Device);
        Data.Set("filesystem", State.Type);
        Data.Set("errors", State.Errors);
        Data.Set("lost_writes", State.LostWrites > 0 ? State.LostWrites : null);
        Data.Set("failed_reads", State.FailedReads > 0 ? State.FailedReads : null);
        Data.Set("journal_aborted", State.JournalAborted is not null);
        Data.Set("read_only", State.ReadOnly is not null);
        Data.Set("shut_down", State.Shutdown is not null);
        Data.Set("corrupted", State.Corrupted);
        return Make("filesystem", State.LostWrites > 0 && State.Errors == 0 ? "log.lost-write" : "log.fs-error", severity, State.Device ?? "filesystem", summary,
            "The filesystem found its own structures inconsistent or could not read or write them. ext* and XFS stop writing (journal abort, read-only remount, "
                + "shutdown) when they can no longer guarantee consistency; applications then get EROFS or EIO on every write.",
            $"Look for disk errors before {FirstSeen} (SMART, the device's I/O errors); unmount and run fsck (xfs_repair for XFS, btrfs check/scrub) on {State.Device ?? "the device"}, "
                + "then restore damaged files from backup.",
            State.Device is null ? [] : [State.Device]);
    }
}

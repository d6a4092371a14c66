using HostDoc.Findings;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Recognizers;

namespace HostDoc.KernelLog.Incidents;

/// <summary>
/// Groups events into incidents as they stream in, by device chain and time: the ATA, SCSI and
/// block-layer reports of one failed request join the same occurrence when they follow each other
/// within a few seconds (the log's own adjacency is what names ata6.00 ↔ 5:0:0:0 ↔ sdf); repeats of
/// the same failing location count as occurrences of one incident; filesystem errors, journal aborts,
/// read-only remounts and lost writes that follow a disk's failure become its consequences. Memory
/// is bounded by the number of distinct incidents, not by the input.
/// </summary>
public sealed class IncidentBuilder : IEventSink
{
    private const double Burst = 5;          // seconds: the lines of one error report
    private const double Aftermath = 300;    // seconds: filesystem reactions to a disk's failure
    private const int MaxIncidents = 10_000;

    private readonly DeviceNames names = new();
    private readonly Dictionary<string, IncidentDraft> drafts = [];
    private DiskDraft? lastDisk;
    private LoopWriteError? pendingLoop;
    private (AtaCommandError Error, IncidentDraft Draft)? lastAta;
    private string? lastFilesystemDevice;
    private RsyncDraft? lastRsync;
    private HostDoc.Explain.KnowledgeBase? knowledge;

    /// <summary>Boot banners seen.</summary>
    public int Boots { get; private set; }

    /// <summary>Events dropped because <see cref="MaxIncidents"/> distinct incidents were already open.</summary>
    public long Dropped { get; private set; }

    /// <summary>Distinct incidents so far.</summary>
    public int Count => drafts.Count;

    /// <inheritdoc/>
    public void Emit(LogEvent logEvent)
    {
        switch (logEvent)
        {
            case AtaCommandError a:
                TakeAta(a);
                break;
            case AtaLinkEvent l:
                TakeLink(l);
                break;
            case ScsiErrorEvent s:
                TakeScsi(s);
                break;
            case BlockIoError b:
                TakeBlock(b);
                break;
            case BufferIoError b:
                TakeBuffer(b);
                break;
            case BlockErrorsSuppressed s when lastDisk is { } d && d.Adjacent(s.Line, Aftermath):
                d.Suppressed(s);
                break;
            case FilesystemEvent f:
                TakeFilesystem(f);
                break;
            case LoopWriteError w:
                TakeLoop(w);
                break;
            case NvmeIoError n:
                TakeNvme(n);
                break;
            case SystemEvent { Kind: SystemEventKind.Boot }:
                Boots++;
                break;
            case SystemEvent s:
                TakeSystem(s);
                break;
            case RsyncEvent r:
                TakeRsync(r);
                break;
            default:
                break;
        }
    }

    /// <summary>The incidents, worst first, then by time.</summary>
    public IReadOnlyList<Incident> Build() =>
        drafts.Values.Select(d => d.Build(names))
            .OrderByDescending(i => i.Severity)
            .ThenBy(i => i.FirstSeen.SortKey)
            .ToArray();

    private void TakeAta(AtaCommandError a)
    {
        if (a.IsMedia)
        {
            var disk = Draft($"media:{a.Device}:{a.FailingLba}", () => new DiskDraft(a.Line));
            disk?.Take(a);
            if (a.ResultLine is { } r)
            {
                disk?.Saw(r);
            }

            lastDisk = disk;
            lastAta = disk is null ? null : (a, disk);
            return;
        }

        var link = Draft($"link:{a.Port}", () => new LinkDraft(a.Line, a.Port));
        link?.Take(a);
        lastAta = link is null ? null : (a, link);
    }

    private void TakeLink(AtaLinkEvent l)
    {
        var key = $"link:{l.Port}";
        var routine = l.Action switch
        {
            AtaLinkAction.Exception => l.SError == 0 && (l.Emask & ~(0x400 | 0x8 | 0x1)) == 0,
            AtaLinkAction.LinkUp or AtaLinkAction.Recovered => !drafts.ContainsKey(key),
            _ => false,
        };
        if (routine)
        {
            if (lastDisk is { } d && d.Ata?.Split('.')[0] == l.Port && d.Adjacent(l.Line, Burst))
            {
                d.Saw(l.Line);
            }

            return;
        }

        (Draft(key, () => new LinkDraft(l.Line, l.Port)) as LinkDraft)?.Take(l);
    }

    private void TakeScsi(ScsiErrorEvent s)
    {
        if (s.SenseKey < 0 && s.Result is null or 0 && s.HostByte is null or "DID_OK" && s.DriverByte is null or "DRIVER_OK")
        {
            return;   // a result line that reports success
        }

        if (s.Address is { } address)
        {
            if (lastAta is { } ata && ata.Draft.Adjacent(s.Line, Burst))
            {
                names.LinkAta(ata.Error.Device, address);
            }

            if (s.Disk is { } disk)
            {
                names.LinkAddress(address, disk);
            }
        }

        if (lastAta is { Draft: LinkDraft link } && link.Adjacent(s.Line, Burst))
        {
            link.Saw(s.Line);
            return;
        }

        if (lastDisk is { } d && d.Adjacent(s.Line, Burst) && Compatible(d.Disk, s.Disk) && Compatible(d.Address, s.Address))
        {
            d.Take(s, occurrence: false);
            return;
        }

        var where = s.Disk ?? s.Address ?? "?";
        var key = s.IsMedium ? $"media:{where}:{s.Information ?? s.CdbLba}" : $"scsi:{where}:{s.SenseKey}:{s.HostByte}";
        var draft = Draft(key, () => new DiskDraft(s.Line));
        draft?.Take(s, occurrence: true);
        lastDisk = draft ?? lastDisk;
        lastAta = null;
    }

    /// <summary>A loop write error joins the loopN incident beside it: the one just before, else the next block-layer error on a loop device.</summary>
    private void TakeLoop(LoopWriteError w)
    {
        if (lastDisk is { Disk: { } disk } d && disk.StartsWith("loop", StringComparison.Ordinal) && d.Adjacent(w.Line, Burst))
        {
            d.Take(w);
            return;
        }

        pendingLoop = w;
    }

    private void TakeNvme(NvmeIoError n)
    {
        var media = Decoders.NvmeStatus.IsMedia(n.Sct);
        var key = media && n.Lba is { } lba ? $"media:{n.Namespace}:{lba}" : $"nvme:{n.Namespace}:{n.Sct}:{n.Sc}";
        var draft = Draft(key, () => new DiskDraft(n.Line));
        draft?.Take(n);
        lastDisk = draft ?? lastDisk;
        lastAta = null;
    }

    /// <summary>rsync's lines of one transfer come together: a line within <see cref="RsyncDraft.Together"/> s of the last joins its transfer.</summary>
    private void TakeRsync(RsyncEvent r)
    {
        if (lastRsync is null || !lastRsync.Adjacent(r.Line, RsyncDraft.Together))
        {
            knowledge ??= new HostDoc.Explain.KnowledgeBase();
            lastRsync = Draft($"rsync:{r.Line.Source}:{r.Line.LineNumber}", () => new RsyncDraft(r.Line, knowledge));
        }

        lastRsync?.Take(r);
    }

    private void TakeSystem(SystemEvent s)
    {
        // One clocksource verdict whatever its lines name; an NFS server's OK and a reinstated path end the subject's incident.
        var key = s.Kind == SystemEventKind.ClockUnstable ? $"{s.Kind}" : $"{s.Kind}:{s.Subject}";
        if ((s.Ends || s.Continues) && !drafts.ContainsKey(key))
        {
            return;   // the end or a further line of trouble this log does not show
        }

        var draft = Draft(key, () => new SystemDraft(s.Line, s.Kind, s.Subject)) as SystemDraft;
        draft?.Take(s);
        if (draft is not null && s.Kind == SystemEventKind.RaidDegraded && !s.Continues && !s.Ends
            && FindingData.TextOf(s.Data, "member") is { } member)
        {
            JoinMember(draft, s, member);
        }
    }

    /// <summary>An md member that failed after its disk's errors: the array's incident names them and the disk's names the array it left.</summary>
    private void JoinMember(SystemDraft array, SystemEvent s, string member)
    {
        var disk = drafts.Values.OfType<DiskDraft>()
            .Where(d => d.Disk is { } name && (member == name || Sources.PartitionName.Is(member, name)) && d.Adjacent(s.Line, Aftermath))
            .LastOrDefault();
        if (disk is null)
        {
            return;
        }

        var md = FindingData.TextOf(s.Data, "md") ?? s.Subject;
        disk.Consequence($"md array {md} dropped {member} at {s.Line.Time} and runs degraded");
        names.LinkHolder(disk.Disk!, md);
        array.Followed($"{member}'s disk {disk.Disk} failed requests just before (from {disk.FirstSeen}): see its disk incident");
    }

    private void TakeBlock(BlockIoError b)
    {
        if (b.ErrorType is "operation not supported" or "nonblocking retry")
        {
            return;   // a discard the device does not support, a nowait retry: not failures of data
        }

        if (lastDisk is { } d && d.Adjacent(b.Line, Burst) && Compatible(d.Disk, b.Disk))
        {
            d.Take(b, occurrence: false);
            return;
        }

        var key = b.ErrorType.Contains("medium", StringComparison.Ordinal) ? $"media:{b.Disk}:{b.Sector}" : $"block:{b.Disk}:{b.ErrorType}";
        var draft = Draft(key, () => new DiskDraft(b.Line));
        draft?.Take(b, occurrence: true);
        if (pendingLoop is { } w && b.Disk.StartsWith("loop", StringComparison.Ordinal) && draft is not null && draft.Adjacent(w.Line, Burst))
        {
            draft.Take(w);
            pendingLoop = null;
        }
        lastDisk = draft ?? lastDisk;
    }

    private void TakeBuffer(BufferIoError b)
    {
        if (AfterDisk(b.Device, b.Line) is { } d)
        {
            d.Filesystem.Take(b);
            d.Saw(b.Line);
            return;
        }

        (Draft($"fs:{b.Device}", () => new FilesystemDraft(b.Line)) as FilesystemDraft)?.Take(b);
    }

    private void TakeFilesystem(FilesystemEvent f)
    {
        var device = f.Device ?? lastFilesystemDevice;
        lastFilesystemDevice = device;
        var e = f with { Device = device };
        if (device is not null && AfterDisk(device, f.Line) is { } d)
        {
            d.Filesystem.Take(e);
            d.Saw(f.Line);
            return;
        }

        (Draft($"fs:{device}", () => new FilesystemDraft(f.Line)) as FilesystemDraft)?.Take(e);
    }

    /// <summary>The disk incident a filesystem report on <paramref name="device"/> follows, if any.</summary>
    private DiskDraft? AfterDisk(string device, Reading.LogLine line)
    {
        if (lastDisk is not { } d || !d.Adjacent(line, Aftermath) || names.HeldByOther(device, d.Disk)
            || (d.Filesystem.Device is { } held && held != device))
        {
            return null;
        }

        if (d.Disk is { } disk)
        {
            names.LinkHolder(disk, device);
        }

        return d;
    }

    private static bool Compatible(string? a, string? b) => a is null || b is null || a == b;

    private T? Draft<T>(string key, Func<T> create)
        where T : IncidentDraft
    {
        if (drafts.TryGetValue(key, out var existing))
        {
            return existing as T;
        }

        if (drafts.Count >= MaxIncidents)
        {
            Dropped++;
            return null;
        }

        var draft = create();
        drafts[key] = draft;
        return draft;
    }
}

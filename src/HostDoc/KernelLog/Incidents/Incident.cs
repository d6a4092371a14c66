using HostDoc.Findings;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Incidents;

/// <summary>
/// One thing that went wrong, as the kernel log tells it: a failing location (a disk sector, a link,
/// a filesystem, a process the OOM killer chose) with its repeats counted, the device chain the log
/// itself names, what followed from it, the log's own cross-checks, and the lines behind it.
/// </summary>
/// <param name="Id">The finding id, e.g. <c>log.disk-media-error</c>.</param>
/// <param name="Severity">How bad.</param>
/// <param name="Subject">The device, filesystem, process or port.</param>
/// <param name="Summary">One line with the numbers and times.</param>
/// <param name="Explanation">What the kernel did and why it matters.</param>
/// <param name="Advice">What to do.</param>
/// <param name="FirstSeen">The first occurrence.</param>
/// <param name="LastSeen">The last line that belongs to it.</param>
/// <param name="Occurrences">How many times it happened.</param>
/// <param name="Times">When (the first occurrences, bounded).</param>
/// <param name="Chain">The device chain, controller port first: <c>ata6.00</c>, <c>5:0:0:0</c>, <c>sdf</c>, <c>dm-0</c>.</param>
/// <param name="Facts">Decoded facts (command, LBA, sense, Emask bits).</param>
/// <param name="Consequences">What followed (journal aborted, read-only remount, lost writes).</param>
/// <param name="CrossChecks">Agreements and disagreements between the log's own numbers.</param>
/// <param name="Lines">The log lines behind it (the first ones, bounded).</param>
/// <param name="MoreLines">How many more lines belong to it than <paramref name="Lines"/> holds.</param>
/// <param name="Disk">The whole disk the log names (<c>sdf</c>), for a disk incident.</param>
/// <param name="Lba">The failing location on it, for a disk incident.</param>
/// <param name="LbaIsSector">True when <paramref name="Lba"/> is a 512-byte block-layer sector; false when it is in the device's logical blocks (ATA, SCSI).</param>
/// <param name="Host">The host whose log line it came from (a central syslog), when the line named one.</param>
/// <param name="Data">Typed members for machine output (<c>kind</c>, the device chain as named fields, numbers); see <c>schemas/</c>.</param>
public sealed record Incident(
    string Id, Severity Severity, string Subject, string Summary, string Explanation, string Advice,
    LogTime FirstSeen, LogTime LastSeen, int Occurrences, IReadOnlyList<LogTime> Times,
    IReadOnlyList<string> Chain, IReadOnlyList<Evidence> Facts, IReadOnlyList<string> Consequences,
    IReadOnlyList<string> CrossChecks, IReadOnlyList<LogLine> Lines, int MoreLines,
    string? Disk = null, ulong? Lba = null, bool LbaIsSector = false, string? Host = null, IReadOnlyList<DataField>? Data = null)
{
    /// <summary>The typed members; empty when there are none.</summary>
    public IReadOnlyList<DataField> Fields => Data ?? [];

    /// <summary>The incident as a finding, facts and lines as evidence; <paramref name="withHost"/> (a log of many hosts) puts the host in its subject and summary.</summary>
    public Finding ToFinding(bool withHost = false) =>
        new(Id, Severity, withHost && Host is { } h ? $"{h} {Subject}" : Subject, withHost && Host is { } host ? $"{host}: {Summary}" : Summary, Explanation,
            [
                .. Chain.Count > 1 ? [new Evidence("device chain", string.Join(" → ", Chain))] : Array.Empty<Evidence>(),
                new Evidence("occurrences", Occurrences == 1 ? $"1, at {FirstSeen}" : $"{Occurrences}, at {string.Join(", ", Times)}{(Occurrences > Times.Count ? ", …" : "")}"),
                .. Facts,
                .. Consequences.Select(c => new Evidence("consequence", c)),
                .. CrossChecks.Select(c => new Evidence("cross-check", c)),
                .. Lines.Select(l => new Evidence("log", l.Raw, l.Where)),
            ],
            Advice,
            Fields);
}

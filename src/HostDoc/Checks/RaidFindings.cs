using System.Globalization;
using HostDoc.Findings;
using HostDoc.Proc;
using HostDoc.Storage;

namespace HostDoc.Checks;

/// <summary>The wording of the raid check's findings.</summary>
internal static class RaidFindings
{
    private const string Why =
        "md keeps redundant copies (raid1, raid10) or parity (raid4/5/6) so the array survives a member's failure. A " +
        "degraded array has already lost that margin: raid1 and raid5 with one member missing lose data at the next failure, " +
        "and a recovery reads every remaining member end to end, which is when a second weak disk tends to fail.";

    public static Finding? Array(MdArray a, BlockTopology topology)
    {
        var failed = a.Members.Where(m => m.Faulty).ToArray();
        if ((a.Active && !a.Degraded && failed.Length == 0) || a.IsContainer)
        {
            return null;
        }

        var recovering = a.Sync is { Action: "recovery" or "resync" or "reshape", Percent: not null };
        var severity = !a.Active ? Severity.Critical : a.Degraded ? recovering ? Severity.Warning : Severity.Critical : Severity.Warning;
        var level = a.Level ?? "array";
        var summary = !a.Active
            ? $"{a.Name} ({level}) is inactive: assembled but not running, its filesystems are unavailable"
            : a.Degraded
                ? $"{a.Name} ({level}) is degraded: {a.Missing} of {a.RaidDisks} members missing [{a.Status}]"
                : $"{a.Name} ({level}) has {failed.Length} failed member{(failed.Length == 1 ? "" : "s")} but all {a.RaidDisks} slots in sync";
        summary += (failed.Length > 0 ? $"; failed: {string.Join(", ", failed.Select(m => Disk(m, topology) is { } d && d != m.Name ? $"{m.Name} (on {d})" : m.Name))}" : "")
            + Progress(a.Sync);

        var evidence = new List<Evidence>
        {
            new("members", string.Join(" ", a.Members.Select(m => $"{m.Name}[{m.Slot}]{(m.Flags.Length > 0 ? $"({m.Flags})" : "")}")), Mdstat.KernelPath),
        };
        if (a.RaidDisks is { } n)
        {
            evidence.Add(new("in sync", $"{a.WorkingDisks} of {n} [{a.Status}]", Mdstat.KernelPath));
        }

        if (a.Sync is { } sync)
        {
            evidence.Add(new(sync.Action, sync.Waiting ?? string.Create(CultureInfo.InvariantCulture, $"{sync.Percent:0.0}%, finish {sync.Finish}, speed {sync.Speed}"), Mdstat.KernelPath));
        }

        var data = new FindingData().Set("kind", "raid").Set("md", a.Name).Set("level", a.Level).Set("active", a.Active)
            .Set("raid_disks", a.RaidDisks).Set("working_disks", a.WorkingDisks).Set("missing", (long)a.Missing)
            .Set("failed", failed.Length > 0 ? string.Join(",", failed.Select(m => m.Name)) : null);
        if (failed.Length > 0)
        {
            data.Set("disk", Disk(failed[0], topology));
            data.Set("partition", topology.Find(failed[0].Name) is { Parent: not null } part ? part.Name : null);
        }

        data.Set("sync_action", a.Sync?.Action).Set("sync_percent", a.Sync?.Percent);
        return new Finding(
            "disk.raid-degraded",
            severity,
            a.Name,
            summary,
            Why,
            evidence,
            !a.Active
                ? $"mdadm --detail /dev/{a.Name} says why it did not start (too few members, a stale superblock); do not force assembly before reading it."
                : $"Replace the failed member (mdadm /dev/{a.Name} --remove /dev/X after --fail, then --add the new one), check the other members' SMART data first, and keep writes low until the recovery ends.",
            data.Fields);
    }

    public static Finding AllInSync(IReadOnlyList<MdArray> arrays) => new(
        "disk.raid-degraded", Severity.Ok, "raid",
        arrays.Count == 0 ? "the md driver is loaded, no arrays" : $"{arrays.Count} md arrays, none degraded: " + string.Join(", ", arrays.Select(a => $"{a.Name} {a.Level ?? "?"}{(a.Status is { } s ? $" [{s}]" : "")}{Progress(a.Sync)}")),
        Why, [], "");

    public static Finding NoArrays() => new(
        "disk.raid-degraded", Severity.Ok, "raid", "no software RAID: /proc/mdstat is absent (the md driver is not loaded)", Why, [], "");

    /// <summary>The disk a member is on (its parent for a partition).</summary>
    private static string Disk(MdMember member, BlockTopology topology) =>
        topology.Find(member.Name) is { } device ? device.Parent ?? device.Name : member.Name;

    private static string Progress(MdSync? sync) => sync switch
    {
        null => "",
        { Waiting: { } waiting } => $"; {sync.Action} {waiting.ToLowerInvariant()}",
        _ => string.Create(CultureInfo.InvariantCulture, $"; {sync.Action} {sync.Percent:0.0}% done, {sync.Finish} left"),
    };
}

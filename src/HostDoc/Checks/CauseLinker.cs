using HostDoc.Findings;
using HostDoc.Proc.Pid;
using HostDoc.Storage;

namespace HostDoc.Checks;

/// <summary>
/// Joins the findings of one report that share a cause into one story (DESIGN.md principle 3). Each
/// finding is placed on the device stack by its typed data (disk, partition, dm, md, mount, server)
/// and given a layer: a device fault (media errors, link resets, an NVMe or path failure) under a
/// degraded array, under a slow or saturated device, under a filesystem's errors or forced read-only
/// state, under the tasks stuck on it. A finding is caused by the most fundamental finding of a lower
/// layer (or the same layer on a device beneath it) whose device is in its own device's chain; the
/// kernel's hung-task report of a task joins that task's stuck-io finding. Findings without a device
/// or with no relation stand alone, as before.
/// </summary>
public static class CauseLinker
{
    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        ["log.disk-media-error"] = 0, ["log.ata-link-error"] = 0, ["log.scsi-error"] = 0, ["log.block-io-error"] = 0,
        ["log.nvme-controller-error"] = 0, ["log.path-failed"] = 0, ["log.usb-error"] = 0, ["log.mmc-error"] = 0,
        ["log.nfs-not-responding"] = 0,
        ["log.raid-degraded"] = 1, ["disk.raid-degraded"] = 1,
        ["disk.slow"] = 2, ["disk.saturated"] = 2,
        ["log.fs-error"] = 3, ["log.lost-write"] = 3, ["disk.forced-readonly"] = 3, ["disk.fs-errors"] = 3,
        ["tasks.stuck-io"] = 4, ["log.hung-task"] = 5,
    };

    /// <summary>The results with <see cref="Finding.CausedBy"/> and <see cref="Finding.Causes"/> set where findings are related.</summary>
    public static IReadOnlyList<CheckResult> Link(IReadOnlyList<CheckResult> results, BlockTopology topology, IReadOnlyList<MountinfoEntry> mounts)
    {
        var placed = results.SelectMany(r => r.Findings)
            .Where(f => f.Severity is not (Severity.Ok or Severity.Unknown) && Layers.ContainsKey(f.Id))
            .Select(f => Place(f, topology, mounts))
            .Where(p => p.Own.Count > 0 || p.Task is not null)
            .ToArray();
        var causes = new Dictionary<Finding, Finding>(ReferenceEqualityComparer.Instance);
        foreach (var effect in placed)
        {
            var cause = placed
                .Where(c => !ReferenceEquals(c.Finding, effect.Finding) && Causes(c, effect))
                .OrderBy(c => c.Layer).ThenBy(c => c.Depth)
                .FirstOrDefault();
            if (cause is not null)
            {
                causes[effect.Finding] = cause.Finding;
            }
        }

        Finding Root(Finding f)
        {
            for (var depth = 0; depth < 16 && causes.TryGetValue(f, out var up); depth++)
            {
                f = up;
            }

            return f;
        }

        var roots = causes.Keys.GroupBy(Root).ToDictionary(g => g.Key, g => g.ToArray());
        return results.Select(r => r with
        {
            Findings = r.Findings.Select(f =>
                causes.TryGetValue(f, out var cause) ? f with { CausedBy = Root(cause).Ref }
                : roots.TryGetValue(f, out var effects) ? f with { Causes = effects.Select(e => e.Ref).ToArray() }
                : f).ToArray(),
        }).ToArray();
    }

    /// <summary>A finding on the device stack: the devices it names, those and everything beneath them, its layer, how deep its device is stacked, and the task it is about.</summary>
    private sealed record Placed(Finding Finding, int Layer, HashSet<string> Own, HashSet<string> Beneath, int Depth, (string Comm, long Pid)? Task);

    private static bool Causes(Placed cause, Placed effect)
    {
        if (effect.Finding.Id == "log.hung-task")
        {
            return cause.Finding.Id == "tasks.stuck-io" && cause.Task == effect.Task;
        }

        // Same layer: a slow disk under a slow dm device it carries, not two slow disks side by side.
        var beneath = cause.Own.Overlaps(effect.Beneath);
        return cause.Layer < effect.Layer ? beneath
            : cause.Layer == effect.Layer && cause.Layer <= 2 && beneath && cause.Depth < effect.Depth;
    }

    private static Placed Place(Finding finding, BlockTopology topology, IReadOnlyList<MountinfoEntry> mounts)
    {
        var data = finding.Data;
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in (string[])["disk", "partition", "dm", "md"])
        {
            if (FindingData.TextOf(data, member) is { } name && topology.Find(name) is { } device)
            {
                own.Add(device.Name);
            }
        }

        if (FindingData.TextOf(data, "mount") is { } mountPoint && mounts.LastOrDefault(m => m.MountPoint == mountPoint) is { } mount)
        {
            if (topology.Find(mount.Device.ToString()) is { } mounted)
            {
                own.Add(mounted.Name);
            }
            else if (mount.FsType.StartsWith("nfs", StringComparison.Ordinal) && mount.Source.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                own.Add("server:" + mount.Source[..colon]);
            }
        }

        if (finding.Id == "log.nfs-not-responding" && FindingData.TextOf(data, "server") is { } server)
        {
            own.Add("server:" + server);
        }

        var beneath = new HashSet<string>(own, StringComparer.Ordinal);
        var depth = 0;
        foreach (var name in own)
        {
            if (topology.Find(name) is { } device)
            {
                var chain = topology.Ancestry(device);
                beneath.UnionWith(chain.Select(d => d.Name));
                depth = Math.Max(depth, chain.Count);
            }
        }

        var task = FindingData.TextOf(data, "comm") is { } comm && FindingData.TextOf(data, "pid") is { } pid
            && long.TryParse(pid, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? (comm, number) : ((string, long)?)null;
        return new Placed(finding, Layers[finding.Id], own, beneath, depth, task);
    }
}

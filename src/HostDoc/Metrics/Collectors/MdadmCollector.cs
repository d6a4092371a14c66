using HostDoc.Proc;

namespace HostDoc.Metrics.Collectors;

/// <summary>
/// node_exporter 1.5's mdadm collector from <see cref="Mdstat"/>: node_md_state{device,state},
/// node_md_disks{device,state}, node_md_disks_required, node_md_blocks, node_md_blocks_synced, with
/// procfs 0.8's counting rules. raid0 and linear arrays require and have every member listed; an
/// inactive array requires and has none; the others give <c>[n/m]</c>. The state is recovering,
/// check or resync while one of those runs or waits (resync=DELAYED or PENDING), else active or
/// inactive; a running repair or reshape stays active, as procfs does not see it. Blocks synced is
/// the first number of <c>(done/total)</c> while one of those three runs, 0 while it waits, the size
/// otherwise. No /proc/mdstat (no md driver) is an unavailable source, as node_exporter's collector fails
/// then. Where node_exporter fails the whole scrape on one unreadable array, the series of the other
/// arrays are kept and the read is degraded; a value an array's lines do not give is left out.
/// </summary>
public static class MdadmCollector
{
    /// <summary>The node_md_* families.</summary>
    public static IEnumerable<MetricFamily> Collect(CollectorContext context)
    {
        var states = new List<MetricSample>();
        var disks = new List<MetricSample>();
        var required = new List<MetricSample>();
        var blocks = new List<MetricSample>();
        var synced = new List<MetricSample>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var array in context.Require(Mdstat.Read(context.Root)))
        {
            if (!seen.Add(array.Name))
            {
                context.Degrade();
                continue;
            }

            var device = ("device", array.Name);
            var state = State(array);
            foreach (var name in (string[])["active", "inactive", "recovering", "resync", "check"])
            {
                states.Add(MetricSample.Of(name == state ? 1 : 0, device, ("state", name)));
            }

            var (total, active) = Disks(array);
            if (total is null || active is null)
            {
                context.Degrade();
            }
            else
            {
                required.Add(MetricSample.Of(total.Value, device));
                disks.Add(MetricSample.Of(active.Value, device, ("state", "active")));
            }

            disks.Add(MetricSample.Of(array.Members.Count(m => m.Faulty), device, ("state", "failed")));
            disks.Add(MetricSample.Of(array.Members.Count(m => m.Spare), device, ("state", "spare")));
            if (array.Blocks is not { } size)
            {
                context.Degrade();
                continue;
            }

            blocks.Add(MetricSample.Of(size, device));
            if (Synced(array, state, size) is { } done)
            {
                synced.Add(MetricSample.Of(done, device));
            }
            else
            {
                context.Degrade();
            }
        }

        return
        [
            new("node_md_state", "Indicates the state of md-device.", MetricType.Gauge, states),
            new("node_md_disks", "Number of active/failed/spare disks of device.", MetricType.Gauge, disks),
            new("node_md_disks_required", "Total number of disks of device.", MetricType.Gauge, required),
            new("node_md_blocks", "Total number of blocks on device.", MetricType.Gauge, blocks),
            new("node_md_blocks_synced", "Number of blocks synced on device.", MetricType.Gauge, synced),
        ];
    }

    /// <summary>node_exporter's state label: a recovery, check or resync (running or waiting) first, then active or inactive.</summary>
    private static string State(MdArray array) => array.Sync?.Action switch
    {
        "recovery" => "recovering",
        "check" => "check",
        "resync" => "resync",
        _ => array.Active ? "active" : "inactive",
    };

    /// <summary>(required, active) as procfs counts them; null where the size line has no <c>[n/m]</c>.</summary>
    private static (int? Total, int? Active) Disks(MdArray array)
    {
        if (array.Level is "raid0" or "linear")
        {
            return (array.Members.Count, array.Members.Count);
        }

        return array.Active ? (array.RaidDisks, array.WorkingDisks) : (0, 0);
    }

    private static ulong? Synced(MdArray array, string state, ulong size) => state switch
    {
        "recovering" or "check" or "resync" when array.Sync is { Waiting: "DELAYED" or "PENDING" } => 0,
        "recovering" or "check" or "resync" => array.Sync?.Done,
        _ => size,
    };
}

using System.Globalization;
using HostDoc.Proc;
using HostDoc.Proc.Net;
using HostDoc.Sources;
using HostDoc.Sys.Net;

namespace HostDoc.Network;

/// <summary>
/// Every network counter of one moment, flattened to keys so two moments can be subtracted and a
/// moment can be kept in a state file: the protocol counters as node_exporter names them
/// (<c>TcpExt_ListenOverflows</c>), <c>dev/NAME/COUNTER</c> with sysfs statistics' names (from
/// /proc/net/dev when there is no sysfs), <c>dev/NAME/carrier_changes</c> and <c>dev/NAME/ifindex</c>,
/// <c>softnet/CPU/processed|dropped|time_squeeze</c> and <c>conntrack/COLUMN</c>. The clock is the
/// uptime, and the boot id tells a counter reset by a reboot.
/// </summary>
/// <param name="UptimeSeconds">/proc/uptime when read (null when the tree has none).</param>
/// <param name="BootId">/proc/sys/kernel/random/boot_id, or null.</param>
/// <param name="Counters">Every counter by key.</param>
public sealed record NetworkSample(double? UptimeSeconds, string? BootId, IReadOnlyDictionary<string, double> Counters)
{
    /// <summary>The /proc/net/dev columns under their sysfs statistics names.</summary>
    private static readonly string[] DevNames =
    [
        "rx_bytes", "rx_packets", "rx_errors", "rx_dropped", "rx_fifo_errors", "rx_frame_errors", "rx_compressed", "multicast",
        "tx_bytes", "tx_packets", "tx_errors", "tx_dropped", "tx_fifo_errors", "collisions", "tx_carrier_errors", "tx_compressed",
    ];

    /// <summary>A counter, or null when this kernel or interface has none.</summary>
    public double? this[string key] => Counters.TryGetValue(key, out var v) ? v : null;

    /// <summary>The interfaces the sample has counters for.</summary>
    public IEnumerable<string> Interfaces =>
        Counters.Keys.Where(k => k.StartsWith("dev/", StringComparison.Ordinal)).Select(k => k[4..k.IndexOf('/', 4)]).Distinct(StringComparer.Ordinal);

    /// <summary>The CPUs softnet_stat has lines for.</summary>
    public IEnumerable<int> SoftnetCpus =>
        Counters.Keys.Where(k => k.StartsWith("softnet/", StringComparison.Ordinal) && k.EndsWith("/processed", StringComparison.Ordinal))
            .Select(k => int.Parse(k.AsSpan(8, k.Length - 8 - 10), CultureInfo.InvariantCulture)).Order();

    /// <summary>Reads every source; one that cannot be read is a problem and its counters are missing.</summary>
    public static Sourced<NetworkSample> Read(HostRoot root, IReadOnlyList<NetInterface>? interfaces = null)
    {
        var counters = new Dictionary<string, double>(StringComparer.Ordinal);
        var problems = new List<SourceProblem>();
        var protocol = NetCounters.Read(root);
        problems.AddRange(protocol.Problems);
        foreach (var (key, value) in protocol.Value?.Values ?? new Dictionary<string, double>())
        {
            counters[key] = value;
        }

        var sysfs = interfaces ?? NetClass.Read(root, countersOnly: true);
        foreach (var nic in sysfs)
        {
            foreach (var (name, value) in nic.Statistics)
            {
                counters[$"dev/{nic.Name}/{name}"] = value;
            }

            foreach (var name in new[] { "carrier_changes", "ifindex" })
            {
                if (nic.Number(name) is { } n)
                {
                    counters[$"dev/{nic.Name}/{name}"] = n;
                }
            }
        }

        var dev = NetDev.Read(root);
        problems.AddRange(dev.Problems);
        foreach (var d in dev.Value ?? [])
        {
            if (sysfs.Any(n => n.Name == d.Name && n.Statistics.Count > 0))
            {
                continue;
            }

            ulong[] values = [.. d.ReceiveColumns, .. d.TransmitColumns];
            for (var i = 0; i < DevNames.Length; i++)
            {
                counters[$"dev/{d.Name}/{DevNames[i]}"] = values[i];
            }
        }

        var softnet = SoftnetStat.Read(root);
        problems.AddRange(softnet.Problems);
        foreach (var cpu in softnet.Value ?? [])
        {
            var at = $"softnet/{cpu.Cpu.ToString(CultureInfo.InvariantCulture)}/";
            counters[at + "processed"] = cpu.Processed;
            counters[at + "dropped"] = cpu.Dropped;
            counters[at + "time_squeeze"] = cpu.TimeSqueeze;
        }

        var conntrack = ConntrackStat.Read(root);
        problems.AddRange(conntrack.Problems.Where(p => p.Kind != ProblemKind.Missing));
        foreach (var (column, value) in conntrack.Value?.Totals ?? new Dictionary<string, ulong>())
        {
            counters["conntrack/" + column] = value;
        }

        var bootId = root.ReadValue("/proc/sys/kernel/random/boot_id");
        return counters.Count == 0 && problems.Count > 0
            ? Sourced<NetworkSample>.Failed(problems)   // a tree without /proc/net: nothing to judge, which is not "all quiet"
            : Sourced<NetworkSample>.Partial(new NetworkSample(Uptime.Read(root), bootId, counters), problems);
    }
}

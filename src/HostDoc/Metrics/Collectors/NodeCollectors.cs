using HostDoc.Proc;

namespace HostDoc.Metrics.Collectors;

/// <summary>
/// Every collector of a scrape, in the order they run, by the name <c>hostdoc_scrape_source_up</c>
/// gives them. The node_exporter-named ones export node_exporter 1.5's series (names, labels, types,
/// units) from the same files; writeback is hostdoc's own.
/// </summary>
public static class NodeCollectors
{
    /// <summary>(name, collect) for every collector.</summary>
    public static IReadOnlyList<(string Name, Func<CollectorContext, IEnumerable<MetricFamily>> Collect)> All { get; } =
    [
        ("meminfo", c => NodeMetrics.Memory(c.Require(c.Host.Meminfo))),
        ("loadavg", c => NodeMetrics.Load(c.Require(Loadavg.Read(c.Root)))),
        ("stat", StatCollector.Collect),
        ("interrupts", c => NodeMetrics.Interrupts(c.Require(c.Host.Interrupts))),
        ("vmstat", c => NodeMetrics.Vmstat(c.Require(c.Host.Vmstat))),
        ("pressure", c => NodeMetrics.Pressure(Pressure.Read(c.Root, "cpu").Value, Pressure.Read(c.Root, "io").Value, Pressure.Read(c.Root, "memory").Value)),
        ("diskstats", DiskstatsCollector.Collect),
        ("filefd", FilefdCollector.Collect),
        ("entropy", EntropyCollector.Collect),
        ("uname", UnameCollector.Collect),
        ("os", OsCollector.Collect),
        ("time", TimeCollector.Collect),
        ("edac", EdacCollector.Collect),
        ("hwmon", HwmonCollector.Collect),
        ("mdadm", MdadmCollector.Collect),
        ("netstat", c => NodeMetrics.Netstat(c.Require(Proc.Net.NetCounters.Read(c.Root)).Values)),
        ("netdev", c => NodeNetworkMetrics.Netdev(c.Require(Proc.Net.NetDev.Read(c.Root)))),
        ("sockstat", c => NodeNetworkMetrics.Sockstat(c.Require(c.Host.Network.Sockstat), c.Host.PageSize.Bytes)),
        ("conntrack", c => NodeNetworkMetrics.Conntrack(c.Require(c.Host.Network.Sysctls), Proc.Net.ConntrackStat.Read(c.Root).Value)),
        ("softnet", c => NodeNetworkMetrics.Softnet(c.Require(Proc.Net.SoftnetStat.Read(c.Root)))),
        ("netclass", c => NodeNetworkMetrics.Netclass(Sys.Net.NetClass.Read(c.Root, attributesOnly: true))),
        ("filesystem", c => NodeMetrics.Filesystems(c.Require(c.Host.Mountinfo).Entries, c.Root.Statvfs(TimeSpan.FromSeconds(2)))),
        ("textfile", TextfileCollector.Collect),
        ("writeback", c => HostdocMetrics.Writeback(c.Require(c.Host.Writeback))),
    ];
}

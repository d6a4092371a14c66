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
        ("meminfo", c => MeminfoCollector.Families(c.Require(c.Host.Meminfo))),
        ("loadavg", c => LoadavgCollector.Families(c.Require(Loadavg.Read(c.Root)))),
        ("stat", StatCollector.Collect),
        ("interrupts", c => InterruptsCollector.Families(c.Require(c.Host.Interrupts))),
        ("vmstat", c => VmstatCollector.Families(c.Require(c.Host.Vmstat))),
        ("pressure", c => PressureCollector.Families(Pressure.Read(c.Root, "cpu").Value, Pressure.Read(c.Root, "io").Value, Pressure.Read(c.Root, "memory").Value)),
        ("diskstats", DiskstatsCollector.Collect),
        ("filefd", FilefdCollector.Collect),
        ("entropy", EntropyCollector.Collect),
        ("uname", UnameCollector.Collect),
        ("os", OsCollector.Collect),
        ("time", TimeCollector.Collect),
        ("edac", EdacCollector.Collect),
        ("hwmon", HwmonCollector.Collect),
        ("mdadm", MdadmCollector.Collect),
        ("netstat", c => NetstatCollector.Families(c.Require(Proc.Net.NetCounters.Read(c.Root)).Values)),
        ("netdev", c => NetdevCollector.Families(c.Require(Proc.Net.NetDev.Read(c.Root)))),
        ("sockstat", c => SockstatCollector.Families(c.Require(c.Host.Network.Sockstat), c.Host.PageSize.Bytes)),
        ("conntrack", c => ConntrackCollector.Families(c.Require(c.Host.Network.Sysctls), Proc.Net.ConntrackStat.Read(c.Root).Value)),
        ("softnet", c => SoftnetCollector.Families(c.Require(Proc.Net.SoftnetStat.Read(c.Root)))),
        ("netclass", c => NetclassCollector.Families(Sys.Net.NetClass.Read(c.Root, attributesOnly: true))),
        ("filesystem", c => FilesystemCollector.Families(c.Require(c.Host.Mountinfo).Entries, c.Root.Statvfs(TimeSpan.FromSeconds(2)))),
        ("textfile", TextfileCollector.Collect),
        ("writeback", c => HostdocMetrics.Writeback(c.Require(c.Host.Writeback))),
    ];
}

using System.Globalization;
using HostDoc.Proc;
using HostDoc.Storage;

namespace HostDoc.Metrics;

/// <summary>
/// The quantities node_exporter 1.5 exports, under its names, labels, types and units, so dashboards
/// and alerts carry over: meminfo, loadavg, /proc/stat CPU seconds, /proc/interrupts, the vmstat
/// fields its default filter keeps, PSI, netstat/snmp counters its default filter keeps, and
/// filesystems (its default mount-point and type exclusions).
/// </summary>
public static class NodeMetrics
{
    private const double UserHz = 100;   // /proc/stat ticks: USER_HZ is 100 on every Linux architecture's ABI

    private static readonly string[] ExcludedMountRoots = ["/dev", "/proc", "/sys"];
    private static readonly string[] ExcludedMountPrefixes = ["/run/credentials/", "/var/lib/docker/", "/var/lib/containers/storage/"];
    private static readonly HashSet<string> ExcludedFsTypes =
    [
        "autofs", "binfmt_misc", "bpf", "cgroup", "cgroup2", "configfs", "debugfs", "devpts", "devtmpfs", "fusectl", "hugetlbfs", "iso9660",
        "mqueue", "nsfs", "overlay", "proc", "procfs", "pstore", "rpc_pipefs", "securityfs", "selinuxfs", "squashfs", "sysfs", "tracefs",
    ];

    /// <summary>node_memory_*: every /proc/meminfo field, <c>Active(anon)</c> as <c>Active_anon</c>, kB fields in bytes with <c>_bytes</c>.</summary>
    public static IEnumerable<MetricFamily> Memory(Meminfo meminfo) =>
        meminfo.Entries.Select(e =>
        {
            var name = e.Name.Replace('(', '_').Replace(")", "", StringComparison.Ordinal) + (e.IsBytes ? "_bytes" : "");
            return new MetricFamily($"node_memory_{name}", $"Memory information field {name}.", MetricType.Gauge, [MetricSample.Of(e.Value)]);
        });

    /// <summary>node_load1, node_load5, node_load15.</summary>
    public static IEnumerable<MetricFamily> Load(Loadavg load) =>
    [
        new("node_load1", "1m load average.", MetricType.Gauge, [MetricSample.Of(load.One)]),
        new("node_load5", "5m load average.", MetricType.Gauge, [MetricSample.Of(load.Five)]),
        new("node_load15", "15m load average.", MetricType.Gauge, [MetricSample.Of(load.Fifteen)]),
    ];

    /// <summary>node_cpu_seconds_total{cpu,mode}, and node_cpu_guest_seconds_total{cpu,mode} (guest and guest_nice, already counted in user and nice) where the kernel prints them.</summary>
    public static IEnumerable<MetricFamily> Cpu(KernelStat stat)
    {
        var samples = new List<MetricSample>();
        var guest = new List<MetricSample>();
        foreach (var c in stat.Cpus)
        {
            var cpu = c.Cpu.ToString(CultureInfo.InvariantCulture);
            foreach (var (mode, ticks) in new[] { ("idle", c.Idle), ("iowait", c.IoWait), ("irq", c.Irq), ("nice", c.Nice), ("softirq", c.SoftIrq), ("steal", c.Steal), ("system", c.System), ("user", c.User) })
            {
                samples.Add(MetricSample.Of(ticks / UserHz, ("cpu", cpu), ("mode", mode)));
            }

            guest.Add(MetricSample.Of(c.GuestNice / UserHz, ("cpu", cpu), ("mode", "nice")));
            guest.Add(MetricSample.Of(c.Guest / UserHz, ("cpu", cpu), ("mode", "user")));
        }

        return
        [
            new MetricFamily("node_cpu_seconds_total", "Seconds the CPUs spent in each mode.", MetricType.Counter, samples),
            new MetricFamily("node_cpu_guest_seconds_total", "Seconds the CPUs spent in guests (VMs) for each mode.", MetricType.Counter, guest),
        ];
    }

    /// <summary>node_interrupts_total{cpu,devices,info,type}: info is the first word after the counts, devices the rest (node_exporter's split).</summary>
    public static IEnumerable<MetricFamily> Interrupts(Interrupts interrupts)
    {
        var samples = new List<MetricSample>();
        foreach (var row in interrupts.Rows.Where(r => r.Counts.Count > 0))
        {
            var words = row.Description.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var (info, devices) = row.IsNumbered
                ? (words.FirstOrDefault() ?? "", string.Join(' ', words.Skip(1)))
                : (string.Join(' ', words), "");
            for (var i = 0; i < row.Counts.Count && i < interrupts.Cpus.Count; i++)
            {
                samples.Add(MetricSample.Of(row.Counts[i],
                    ("cpu", interrupts.Cpus[i].ToString(CultureInfo.InvariantCulture)), ("devices", devices), ("info", info), ("type", row.Name)));
            }
        }

        return [new MetricFamily("node_interrupts_total", "Interrupt details.", MetricType.Counter, samples)];
    }

    /// <summary>node_vmstat_*: the fields node_exporter's default filter keeps (oom_kill, pgpg*, pswp*, pg*fault*).</summary>
    public static IEnumerable<MetricFamily> Vmstat(Vmstat vmstat) =>
        vmstat.Counters
            .Where(c => c.Key.StartsWith("oom_kill", StringComparison.Ordinal) || c.Key.StartsWith("pgpg", StringComparison.Ordinal)
                || c.Key.StartsWith("pswp", StringComparison.Ordinal) || (c.Key.StartsWith("pg", StringComparison.Ordinal) && c.Key.Contains("fault", StringComparison.Ordinal)))
            .Select(c => new MetricFamily($"node_vmstat_{c.Key}", $"/proc/vmstat information field {c.Key}.", MetricType.Untyped, [MetricSample.Of(c.Value)]));

    /// <summary>node_pressure_*_seconds_total from /proc/pressure/{cpu,io,memory}.</summary>
    public static IEnumerable<MetricFamily> Pressure(Pressure? cpu, Pressure? io, Pressure? memory)
    {
        var families = new List<MetricFamily>();
        void Add(string name, string help, PressureLine? line)
        {
            if (line is not null)
            {
                families.Add(new MetricFamily(name, help, MetricType.Counter, [MetricSample.Of(line.TotalMicroseconds / 1e6)]));
            }
        }

        Add("node_pressure_cpu_waiting_seconds_total", "Total time in seconds that processes have waited for CPU time", cpu?.Some);
        Add("node_pressure_io_waiting_seconds_total", "Total time in seconds that processes have waited due to IO congestion", io?.Some);
        Add("node_pressure_io_stalled_seconds_total", "Total time in seconds no process could make progress due to IO congestion", io?.Full);
        Add("node_pressure_memory_waiting_seconds_total", "Total time in seconds that processes have waited for memory", memory?.Some);
        Add("node_pressure_memory_stalled_seconds_total", "Total time in seconds no process could make progress due to memory congestion", memory?.Full);
        return families;
    }

    /// <summary>node_netstat_*: the netstat/snmp counters node_exporter's default filter keeps (listen overflows and drops, syncookies, errors, TCP segments).</summary>
    public static IEnumerable<MetricFamily> Netstat(IReadOnlyDictionary<string, double> counters) =>
        counters.Where(c => Kept(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new MetricFamily($"node_netstat_{c.Key}", $"Statistic {c.Key.Replace("_", "", StringComparison.Ordinal)}.", MetricType.Untyped, [MetricSample.Of(c.Value)]));

    /// <summary>node_exporter 1.5's --collector.netstat.fields default, as code.</summary>
    private static bool Kept(string name)
    {
        var underscore = name.IndexOf('_');
        var (group, field) = underscore < 0 ? (name, "") : (name[..underscore], name[(underscore + 1)..]);
        return field is "InErrors" or "InErrs" || name == "Ip_Forwarding"
            || (group is "Ip6" or "IpExt" && field is "InOctets" or "OutOctets")
            || (group is "Icmp" or "Icmp6" && field is "InMsgs" or "OutMsgs")
            || (group == "TcpExt" && (field.StartsWith("Listen", StringComparison.Ordinal) || field.StartsWith("Syncookies", StringComparison.Ordinal) || field is "TCPSynRetrans" or "TCPTimeouts"))
            || (group == "Tcp" && field is "ActiveOpens" or "InSegs" or "OutSegs" or "OutRsts" or "PassiveOpens" or "RetransSegs" or "CurrEstab")
            || (group is "Udp" or "Udp6" && field is "InDatagrams" or "OutDatagrams" or "NoPorts" or "RcvbufErrors" or "SndbufErrors");
    }

    /// <summary>node_filesystem_*{device,fstype,mountpoint}: every mount node_exporter's default exclusions keep, statvfs per mount; a failed statvfs is device_error 1.</summary>
    public static IEnumerable<MetricFamily> Filesystems(IReadOnlyList<Proc.Pid.MountinfoEntry> mounts, IStatvfs statvfs)
    {
        var kept = mounts.Where(m => !ExcludedFsTypes.Contains(m.FsType) && !Excluded(m.MountPoint)).ToArray();
        var stats = statvfs.QueryAll(kept.Select(m => (m.MountPoint, m.FsType)).ToArray());
        var size = new List<MetricSample>();
        var free = new List<MetricSample>();
        var avail = new List<MetricSample>();
        var files = new List<MetricSample>();
        var filesFree = new List<MetricSample>();
        var readOnly = new List<MetricSample>();
        var error = new List<MetricSample>();
        for (var i = 0; i < kept.Length; i++)
        {
            var m = kept[i];
            (string, string)[] labels = [("device", m.Source), ("fstype", m.FsType), ("mountpoint", m.MountPoint)];
            var ro = m.MountReadOnly || m.SuperReadOnly;
            readOnly.Add(MetricSample.Of(ro ? 1 : 0, labels));
            if (stats[i].Value is not { } s)
            {
                error.Add(MetricSample.Of(1, labels));
                continue;
            }

            error.Add(MetricSample.Of(0, labels));
            size.Add(MetricSample.Of(s.Blocks * (double)s.FragmentSize, labels));
            free.Add(MetricSample.Of(s.BlocksFree * (double)s.FragmentSize, labels));
            avail.Add(MetricSample.Of(s.BlocksAvailable * (double)s.FragmentSize, labels));
            files.Add(MetricSample.Of(s.Files, labels));
            filesFree.Add(MetricSample.Of(s.FilesFree, labels));
        }

        return
        [
            new("node_filesystem_avail_bytes", "Filesystem space available to non-root users in bytes.", MetricType.Gauge, avail),
            new("node_filesystem_device_error", "Whether an error occurred while getting statistics for the given device.", MetricType.Gauge, error),
            new("node_filesystem_files", "Filesystem total file nodes.", MetricType.Gauge, files),
            new("node_filesystem_files_free", "Filesystem total free file nodes.", MetricType.Gauge, filesFree),
            new("node_filesystem_free_bytes", "Filesystem free space in bytes.", MetricType.Gauge, free),
            new("node_filesystem_readonly", "Filesystem read-only status.", MetricType.Gauge, readOnly),
            new("node_filesystem_size_bytes", "Filesystem size in bytes.", MetricType.Gauge, size),
        ];
    }

    private static bool Excluded(string mountPoint) =>
        ExcludedMountRoots.Any(r => mountPoint == r || mountPoint.StartsWith(r + "/", StringComparison.Ordinal))
        || ExcludedMountPrefixes.Any(p => mountPoint.StartsWith(p, StringComparison.Ordinal) && mountPoint.Length > p.Length);
}

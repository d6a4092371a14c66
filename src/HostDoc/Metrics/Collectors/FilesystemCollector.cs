using HostDoc.Storage;

namespace HostDoc.Metrics.Collectors;

/// <summary>node_exporter 1.5's filesystem collector: node_filesystem_*{device,fstype,mountpoint}: every mount node_exporter's default exclusions keep, statvfs per mount; a failed statvfs is device_error 1.</summary>
public static class FilesystemCollector
{
    private static bool Excluded(string mountPoint) =>
        ExcludedMountRoots.Any(r => mountPoint == r || mountPoint.StartsWith(r + "/", StringComparison.Ordinal))
        || ExcludedMountPrefixes.Any(p => mountPoint.StartsWith(p, StringComparison.Ordinal) && mountPoint.Length > p.Length);


    private const double UserHz = 100;   // /proc/stat ticks: USER_HZ is 100 on every Linux architecture's ABI

    private static readonly string[] ExcludedMountRoots = ["/dev", "/proc", "/sys"];
    private static readonly string[] ExcludedMountPrefixes = ["/run/credentials/", "/var/lib/docker/", "/var/lib/containers/storage/"];
    private static readonly HashSet<string> ExcludedFsTypes =
    [
        "autofs", "binfmt_misc", "bpf", "cgroup", "cgroup2", "configfs", "debugfs", "devpts", "devtmpfs", "fusectl", "hugetlbfs", "iso9660",
        "mqueue", "nsfs", "overlay", "proc", "procfs", "pstore", "rpc_pipefs", "securityfs", "selinuxfs", "squashfs", "sysfs", "tracefs",
    ];

    /// <summary>node_filesystem_*{device,fstype,mountpoint}: every mount node_exporter's default exclusions keep, statvfs per mount; a failed statvfs is device_error 1.</summary>
    public static IEnumerable<MetricFamily> Families(IReadOnlyList<Proc.Pid.MountinfoEntry> mounts, IStatvfs statvfs)
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
}

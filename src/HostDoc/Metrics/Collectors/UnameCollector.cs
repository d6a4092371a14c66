using System.Runtime.InteropServices;

namespace HostDoc.Metrics.Collectors;

/// <summary>
/// node_uname_info{domainname,machine,nodename,release,sysname,version} 1: the fields of uname(2),
/// read from the files the kernel serves them from (/proc/sys/kernel/{ostype,osrelease,version,
/// hostname,domainname,arch}), so a captured tree answers for its own host. Kernels before 5.12 have
/// no <c>arch</c> file: on the live host the machine is then this process's architecture.
/// </summary>
public static class UnameCollector
{
    /// <summary>The info series; sysname and release are required.</summary>
    public static IEnumerable<MetricFamily> Collect(CollectorContext context)
    {
        var root = context.Root;
        string Field(string file) => root.ReadValue("/proc/sys/kernel/" + file) ?? "";
        var (sysname, release) = (Field("ostype"), Field("osrelease"));
        if (sysname.Length == 0 || release.Length == 0)
        {
            throw new SourceUnavailableException("/proc/sys/kernel/ostype and osrelease: missing");
        }

        var machine = Field("arch");
        if (machine.Length == 0 && root.IsLive)
        {
            machine = RuntimeInformation.OSArchitecture switch
            {
                Architecture.X64 => "x86_64",
                Architecture.Arm64 => "aarch64",
                Architecture.X86 => "i686",
                Architecture.Arm => "armv7l",
                var other => other.ToString().ToLowerInvariant(),
            };
        }

        return
        [
            new("node_uname_info", "Labeled system information as provided by the uname system call.", MetricType.Gauge,
            [
                MetricSample.Of(1, ("domainname", Field("domainname")), ("machine", machine), ("nodename", Field("hostname")),
                    ("release", release), ("sysname", sysname), ("version", Field("version"))),
            ]),
        ];
    }
}

using HostDoc.Etc.Nss;
using HostDoc.Etc.WebServers;
using HostDoc.Findings;

namespace HostDoc.Checks;

/// <summary>
/// The notebook's environment traps, read through the host root (/etc is part of a captured tree): web servers sending
/// files with sendfile() from a shared folder, groups too large for the usual getgrent_r buffers, nscd's group cache,
/// debugfs mounted.
/// </summary>
public sealed class EnvCheck : ICheck
{
    /// <summary>How long a live enumeration of every group (sss, ldap) may take before only /etc/group is used.</summary>
    public static readonly TimeSpan GroupTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Filesystem types of hypervisor and network shared folders whose page cache can go stale under sendfile.</summary>
    public static readonly string[] SharedFolderTypes = ["vboxsf", "vmhgfs", "fuse.vmhgfs-fuse", "prl_fs", "9p", "virtiofs", "fuse.sshfs"];

    /// <inheritdoc />
    public string Name => "env";

    /// <inheritdoc />
    public string Description => "web servers using sendfile on shared folders (vboxsf, 9p, virtiofs, sshfs), groups too large for getgrent_r buffers, nscd's group cache, debugfs mounted";

    /// <inheritdoc />
    public IReadOnlyList<ThresholdSpec> Thresholds => [];

    /// <inheritdoc />
    public IReadOnlyList<CheckOption> Options => [];

    /// <inheritdoc />
    public bool CanBlock => true;   // getgrent_r through sss/ldap: bounded by GroupTimeout, but a watchdog is cheap insurance

    /// <inheritdoc />
    public IReadOnlyList<string> FindingIds { get; } = ["fs.shared-folder-sendfile", "nss.group-too-large", "nss.nscd-group-cache", "fs.debugfs-mounted", "env.ok"];

    /// <inheritdoc />
    public CheckResult Run(HostModel host, CheckSettings settings)
    {
        var findings = new List<Finding>();
        var problems = new List<Sources.SourceProblem>();
        var mounts = host.Mountinfo.Value?.Entries ?? [];
        findings.AddRange(WebRoots(host, mounts, problems));
        findings.AddRange(Groups(host, problems));
        if (Nscd(host) is { } nscd)
        {
            findings.Add(nscd);
        }

        findings.AddRange(mounts.Where(m => m.FsType == "debugfs").GroupBy(m => m.Device).Select(g => EnvFindings.Debugfs(g.First())));
        return findings.Count == 0
            ? new CheckResult(Name, [EnvFindings.Nothing()], [], problems)
            : new CheckResult(Name, findings, [new("large_groups", findings.Count(f => f.Id == "nss.group-too-large"), "", Min: 0)], problems);
    }

    private static List<Finding> WebRoots(HostModel host, IReadOnlyList<Proc.Pid.MountinfoEntry> mounts, List<Sources.SourceProblem> problems)
    {
        var findings = new List<Finding>();
        var read = new List<string>();
        var servers = new (string Name, IReadOnlyList<WebRoot>? Roots, string[] Commands)[]
        {
            ("nginx", NginxConfig.Read(host.Root, read), ["nginx"]),
            ("apache", ApacheConfig.Read(host.Root, read), ["apache2", "httpd"]),
            ("lighttpd", LighttpdConfig.Read(host.Root, read), ["lighttpd"]),
        };
        problems.AddRange(read.Select(r => new Sources.SourceProblem(r.Split(':')[0], Sources.ProblemKind.Malformed, r)));
        foreach (var (name, roots, commands) in servers.Where(s => s.Roots is not null))
        {
            var running = Proc.ProcessTable.Named(host.Root, commands).Select(p => $"{p.Comm} ({p.Pid})").Take(3).ToArray();
            var bad = new List<Finding>();
            foreach (var root in roots!)
            {
                if (Storage.MountLookup.Holding(mounts, root.Path) is { } mount && Array.IndexOf(SharedFolderTypes, mount.FsType) >= 0 && root.Sendfile)
                {
                    bad.Add(EnvFindings.SharedFolderSendfile(root, mount, running));
                }
            }

            findings.AddRange(bad.Count > 0 ? bad : [EnvFindings.WebRootsFine(name, roots, running)]);
        }

        return findings;
    }

    private static IEnumerable<Finding> Groups(HostModel host, List<Sources.SourceProblem> problems)
    {
        var text = host.Root.ReadText("/etc/group", 64 * 1024 * 1024);
        var groups = text.Value is { } t ? GroupEntry.Parse(t, "/etc/group").ToList() : [];
        if (host.Root.IsLive && NsswitchGroupSources(host.Root).Any(s => s is not ("files" or "compat")))
        {
            if (LiveGroups.Enumerate(GroupTimeout, out var problem) is { } live)
            {
                groups.AddRange(live.Where(g => !groups.Exists(f => f.Name == g.Name)));
            }
            else
            {
                problems.Add(new Sources.SourceProblem("getgrent_r", Sources.ProblemKind.Timeout, problem!));
            }
        }

        return groups.Where(g => g.BufferNeeded > EnvFindings.SysconfGroupBuffer).Select(EnvFindings.GroupTooLarge);
    }

    /// <summary>The sources of the group line of /etc/nsswitch.conf (files when it has none).</summary>
    internal static IReadOnlyList<string> NsswitchGroupSources(HostRoot root)
    {
        foreach (var line in (root.ReadText("/etc/nsswitch.conf", 64 * 1024).Value ?? "").Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("group:", StringComparison.Ordinal))
            {
                return trimmed[6..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith('[')).ToArray();
            }
        }

        return ["files"];
    }

    private static Finding? Nscd(HostModel host)
    {
        if (host.Root.ReadText(NscdConfig.Path, 1024 * 1024).Value is not { } text)
        {
            return null;
        }

        var config = NscdConfig.Parse(text);
        var running = Proc.ProcessTable.Named(host.Root, "nscd").Select(p => p.Pid).ToArray();
        return config.Enabled && running.Length > 0 ? EnvFindings.NscdGroupCache(config, running) : null;
    }
}

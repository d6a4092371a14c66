using HostDoc.Proc.Pid;

namespace HostDoc.Cpus;

/// <summary>
/// A cpuset hierarchy found through the mount table: cgroup v1 mounted with the cpuset controller
/// (<c>/sys/fs/cgroup/cpuset</c>, the seed's <c>/cgroup</c>) or the cgroup v2 unified hierarchy.
/// </summary>
/// <param name="MountPoint">Where it is mounted.</param>
/// <param name="Version">1 or 2.</param>
/// <param name="Top">The top cpuset and its descendants.</param>
public sealed record CpusetHierarchy(string MountPoint, int Version, CpusetNode Top)
{
    private const int MaxCgroups = 5000;

    /// <summary>Every cpuset hierarchy mounted, read to at most 5000 cgroups each.</summary>
    public static IReadOnlyList<CpusetHierarchy> ReadAll(HostRoot root, Mountinfo mounts)
    {
        var found = new List<CpusetHierarchy>();
        foreach (var mount in mounts.Entries)
        {
            var version = mount.FsType switch
            {
                "cgroup" when mount.SuperOptions.Contains("cpuset") => 1,
                "cgroup2" when root.Exists(mount.MountPoint + "/cgroup.controllers") => 2,
                _ => 0,
            };
            if (version > 0 && !found.Any(h => h.MountPoint == mount.MountPoint))
            {
                var budget = MaxCgroups;
                found.Add(new CpusetHierarchy(mount.MountPoint, version, ReadNode(root, mount.MountPoint, "/", version, ref budget)));
            }
        }

        return found;
    }

    private static CpusetNode ReadNode(HostRoot root, string mountPoint, string path, int version, ref int budget)
    {
        budget--;
        var dir = path == "/" ? mountPoint : mountPoint + path;
        var v1 = version == 1;
        var exclusive = v1
            ? (root.ReadValue(dir + "/cpuset.cpu_exclusive") == "1" ? "cpu_exclusive" : null)
            : root.ReadValue(dir + "/cpuset.cpus.partition") is { } p && p != "member" ? p : null;
        var tasks = root.ReadText(dir + (v1 ? "/tasks" : "/cgroup.procs"), 16 * 1024 * 1024).Value?
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;
        var children = new List<CpusetNode>();
        foreach (var name in root.ListDirectory(dir).Order(StringComparer.Ordinal))
        {
            if (budget > 0 && root.Exists($"{dir}/{name}/{(v1 ? "tasks" : "cgroup.procs")}"))
            {
                children.Add(ReadNode(root, mountPoint, (path == "/" ? "" : path) + "/" + name, version, ref budget));
            }
        }

        return new CpusetNode(path,
            CpuList.Read(root, dir + "/cpuset.cpus"), CpuList.Read(root, dir + "/cpuset.mems"),
            CpuList.Read(root, dir + (v1 ? "/cpuset.effective_cpus" : "/cpuset.cpus.effective")),
            CpuList.Read(root, dir + (v1 ? "/cpuset.effective_mems" : "/cpuset.mems.effective")),
            exclusive, tasks, children);
    }

}

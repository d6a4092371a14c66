using HostDoc.Findings;
using HostDoc.Proc;

namespace HostDoc.Explain.Probes;

/// <summary>
/// inotify's per-user limits: watches (ENOSPC from inotify_add_watch) against fs.inotify.max_user_watches and instances
/// (EMFILE from inotify_init) against fs.inotify.max_user_instances, counted from every process's inotify descriptors
/// (/proc/PID/fdinfo lists one "inotify wd:" line per watch), by effective uid.
/// </summary>
public sealed class InotifyProbe : IProbe
{
    private const string WatchesPath = "/proc/sys/fs/inotify/max_user_watches";
    private const string InstancesPath = "/proc/sys/fs/inotify/max_user_instances";

    /// <inheritdoc />
    public string Name => "inotify";

    /// <inheritdoc />
    public IReadOnlyList<ProbeResult> Run(HostModel host, ExplainRequest request)
    {
        var root = host.Root;
        // Since 5.11 the limits are per user namespace (ucounts): /proc/sys/user/max_inotify_* is this namespace's, and the lower one binds.
        var maxWatches = Lower(root.ReadNumber(WatchesPath), root.ReadNumber("/proc/sys/user/max_inotify_watches"));
        var maxInstances = Lower(root.ReadNumber(InstancesPath), root.ReadNumber("/proc/sys/user/max_inotify_instances"));
        if (maxWatches is null || maxInstances is null)
        {
            return [new(Name, ProbeVerdict.Unknown, $"{WatchesPath} or {InstancesPath} is not readable", [])];
        }

        var users = new Dictionary<uint, (long Watches, int Instances, List<(string Process, long Watches)> Holders)>();
        var seen = 0;
        foreach (var pid in ProcessTable.Pids(root))
        {
            seen += root.ListDirectory($"/proc/{pid}/fd").Count > 0 ? 1 : 0;
            var (watches, instances) = Count(root, pid);
            if (instances == 0 || ProcessTable.EffectiveUid(root, pid) is not { } uid)
            {
                continue;
            }

            var entry = users.GetValueOrDefault(uid, (0, 0, []));
            entry.Holders.Add((ProcessTable.Name(root, pid), watches));
            users[uid] = (entry.Watches + watches, entry.Instances + instances, entry.Holders);
        }

        if (seen == 0)
        {
            return [new(Name, ProbeVerdict.Unknown, "no process's file descriptors are readable here (not root, or a tree or snapshot without /proc/PID/fd), so inotify use is unknown", [])];
        }

        var instancesAsked = request.Syscall is "inotify_init" || (request.Syscall is null && request.Errno == "EMFILE");
        var limit = instancesAsked ? maxInstances.Value : maxWatches.Value;
        var what = instancesAsked ? "instances" : "watches";
        var top = users.OrderByDescending(u => instancesAsked ? u.Value.Instances : u.Value.Watches).FirstOrDefault();
        var used = users.Count == 0 ? 0 : instancesAsked ? top.Value.Instances : top.Value.Watches;
        var evidence = new List<Evidence>
        {
            new("max_user_watches", maxWatches.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), WatchesPath + ", /proc/sys/user/max_inotify_watches"),
            new("max_user_instances", maxInstances.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), InstancesPath + ", /proc/sys/user/max_inotify_instances"),
        };
        evidence.AddRange(users.OrderByDescending(u => u.Value.Watches).Take(5).Select(u => new Evidence(
            $"uid {u.Key}", $"{u.Value.Watches} watches in {u.Value.Instances} instances; most: {string.Join(", ", u.Value.Holders.OrderByDescending(h => h.Watches).Take(3).Select(h => $"{h.Process} {h.Watches}"))}",
            "/proc/PID/fdinfo")));
        if (users.Count > 0 && (ulong)used >= limit * 95 / 100)
        {
            return [new(Name, ProbeVerdict.Holds, $"uid {top.Key} has {used} inotify {what} of the {limit} fs.inotify.max_user_{what} allows: its next {(instancesAsked ? "inotify_init() fails with EMFILE" : "inotify_add_watch() fails with ENOSPC")}", evidence)];
        }

        return
        [
            new(Name, ProbeVerdict.RuledOut, users.Count == 0
                ? $"no process holds an inotify descriptor now (limit {limit} {what} per user)"
                : $"the most inotify {what} of one user is {used} (uid {top.Key}), below the limit of {limit}", evidence),
        ];
    }

    private static ulong? Lower(ulong? a, ulong? b) => a is { } x && b is { } y ? Math.Min(x, y) : a ?? b;

    /// <summary>The watches and inotify instances of one process.</summary>
    private static (long Watches, int Instances) Count(HostRoot root, int pid)
    {
        var watches = 0L;
        var instances = 0;
        foreach (var fd in root.ListDirectory($"/proc/{pid}/fd").Take(Tasks.TaskFiles.MaxFiles))
        {
            if (root.ReadLink($"/proc/{pid}/fd/{fd}") != "anon_inode:inotify")
            {
                continue;
            }

            instances++;
            foreach (var line in (root.ReadText($"/proc/{pid}/fdinfo/{fd}", 16 * 1024 * 1024).Value ?? "").AsSpan().EnumerateLines())
            {
                if (line.StartsWith("inotify wd:"))
                {
                    watches++;
                }
            }
        }

        return (watches, instances);
    }
}

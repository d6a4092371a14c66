using HostDoc.Findings;
using HostDoc.Proc;
using HostDoc.Storage;
using HostDoc.Tasks;

namespace HostDoc.Explain.Probes;

/// <summary>
/// EBUSY from umount: who holds the mount. Processes with their working directory, root, an open file or a mapped file
/// on it (a mapped file by device number, so a process in another mount namespace is found too), mounts beneath it,
/// swap files and loop devices backed by files on it.
/// </summary>
public sealed class BusyMountProbe : IProbe
{
    /// <summary>At most this many holding processes are named.</summary>
    private const int MaxNamed = 20;

    /// <inheritdoc />
    public string Name => "busy";

    /// <inheritdoc />
    public IReadOnlyList<ProbeResult> Run(HostModel host, ExplainRequest request)
    {
        if (ProbePath.Absolute(host.Root, request) is not { } path || host.Mountinfo.Value is not { } mounts)
        {
            return [];
        }

        var mount = mounts.Entries.LastOrDefault(m => m.MountPoint == path);
        if (mount is null)
        {
            return [new(Name, ProbeVerdict.RuledOut, $"{path} is not a mount point: umount would fail with EINVAL, not EBUSY", [])];
        }

        var root = host.Root;
        var results = new List<ProbeResult>();
        var holders = 0;
        var readable = 0;
        foreach (var pid in ProcessTable.Pids(root))
        {
            var files = TaskFiles.Read(root, new TaskId(pid, pid, 0));
            readable += files.Cwd is null ? 0 : 1;
            var how = new List<string>();
            if (files.Cwd is { } cwd && FilesystemTable.IsUnder(cwd, path))
            {
                how.Add($"working directory {cwd}");
            }

            if (files.Root is { } r && r != "/" && FilesystemTable.IsUnder(r, path))
            {
                how.Add($"root {r}");
            }

            how.AddRange(files.OpenFiles.Where(f => FilesystemTable.IsUnder(f, path)).Take(3).Select(f => $"open file {f}"));
            if (files.MappedDevices.Contains(mount.Device))
            {
                how.Add($"a mapped file on device {mount.Device}");
            }

            if (how.Count > 0 && ++holders <= MaxNamed)
            {
                results.Add(new(Name, ProbeVerdict.Holds, $"{ProcessTable.Name(root, pid)} holds {path}: {string.Join("; ", how)}",
                    [new Evidence("process", root.ReadText($"/proc/{pid}/cmdline", 4096).Value?.Replace('\0', ' ').Trim() ?? "", $"/proc/{pid}")]));
            }
        }

        if (holders > MaxNamed)
        {
            results.Add(new(Name, ProbeVerdict.Holds, $"{holders - MaxNamed} more processes hold it", []));
        }

        foreach (var beneath in mounts.Entries.Where(m => m.MountPoint != path && FilesystemTable.IsUnder(m.MountPoint, path)))
        {
            results.Add(new(Name, ProbeVerdict.Holds, $"{beneath.MountPoint} ({beneath.FsType}) is mounted beneath it: unmount it first (or umount -R {path})", []));
        }

        foreach (var swap in (root.ReadText("/proc/swaps").Value ?? "").Split('\n').Skip(1).Select(l => l.Split(' ', '\t')[0]).Where(f => f.Length > 0 && FilesystemTable.IsUnder(f, path)))
        {
            results.Add(new(Name, ProbeVerdict.Holds, $"the swap file {swap} is on it: swapoff {swap} first", [new Evidence("swap", swap, "/proc/swaps")]));
        }

        foreach (var loop in root.ListDirectory("/sys/block").Where(d => d.StartsWith("loop", StringComparison.Ordinal)))
        {
            if (root.ReadValue($"/sys/block/{loop}/loop/backing_file") is { } backing && FilesystemTable.IsUnder(backing, path))
            {
                results.Add(new(Name, ProbeVerdict.Holds, $"/dev/{loop} is backed by {backing} on it: detach it (losetup -d /dev/{loop}) after unmounting what uses it", []));
            }
        }

        if (results.Count == 0 && readable == 0)
        {
            results.Add(new(Name, ProbeVerdict.Unknown, "no process's working directory or descriptors are readable here (not root, or a tree or snapshot without them), so who holds it is unknown", []));
        }
        else if (results.Count == 0)
        {
            results.Add(new(Name, ProbeVerdict.RuledOut,
                $"nothing holds {path} now: no process has its directory, root, an open or mapped file on it, and no mount, swap file or loop device is on it (a kernel user such as an NFS export or a holder in another mount namespace would not show here)",
                [new Evidence("mount", $"{mount.FsType} {mount.Source}, device {mount.Device.ToString()}", "/proc/self/mountinfo")]));
        }

        return results;
    }
}

using HostDoc.Checks;
using HostDoc.Findings;

namespace HostDoc.Explain.Probes;

/// <summary>ENOSPC from writing a PID into a cgroup v1 cpuset: the cpus check's <c>cpuset.empty</c> findings, for the path's cpuset when one is given.</summary>
public sealed class CpusetProbe : IProbe
{
    /// <inheritdoc />
    public string Name => "cpuset";

    /// <inheritdoc />
    public IReadOnlyList<ProbeResult> Run(HostModel host, ExplainRequest request)
    {
        if (host.Mountinfo.Value is not { } mounts)
        {
            return [];
        }

        var v1 = mounts.Entries.Where(m => m.FsType == "cgroup" && m.SuperOptions.Contains("cpuset")).Select(m => m.MountPoint).ToArray();
        var path = ProbePath.Absolute(host.Root, request);
        if (v1.Length == 0)
        {
            return path is not null && mounts.Entries.Any(m => m.FsType == "cgroup2" && Storage.FilesystemTable.IsUnder(path, m.MountPoint))
                ? [new(Name, ProbeVerdict.RuledOut, "cpusets here are cgroup v2, where an empty cpuset.cpus means the parent's CPUs: moving a task in does not fail with ENOSPC", [])]
                : [];
        }

        if (path is not null && !v1.Any(m => Storage.FilesystemTable.IsUnder(path, m)))
        {
            path = null;   // ENOSPC on a file: the cpuset cause is about cgroup writes, so every empty cpuset is shown
        }

        var empty = new CpusCheck().Run(host, CheckSettings.Defaults).Findings.Where(f => f.Id == "cpuset.empty").ToArray();
        var mine = path is null ? empty : empty.Where(f => Storage.FilesystemTable.IsUnder(path, f.Subject)).ToArray();
        if (mine.Length > 0)
        {
            return [.. mine.Select(f => new ProbeResult(Name, ProbeVerdict.Holds, f.Summary + " (finding cpuset.empty)", f.Evidence))];
        }

        return
        [
            new(Name, ProbeVerdict.RuledOut, path is null
                ? $"no cgroup v1 cpuset under {string.Join(", ", v1)} has empty cpus or mems"
                : $"the cpuset holding {path} has cpus and mems set", [new Evidence("cgroup v1 cpuset mounts", string.Join(", ", v1), "/proc/self/mountinfo")]),
        ];
    }
}

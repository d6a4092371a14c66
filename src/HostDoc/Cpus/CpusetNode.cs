namespace HostDoc.Cpus;

/// <summary>One cgroup of a cpuset hierarchy (v1 or v2) and its children.</summary>
/// <param name="Path">Path relative to the hierarchy's mount ("/" for the top).</param>
/// <param name="Cpus">cpuset.cpus as configured (v2: may be empty = inherit).</param>
/// <param name="Mems">cpuset.mems as configured.</param>
/// <param name="EffectiveCpus">cpuset.effective_cpus (v1) or cpuset.cpus.effective (v2), when present.</param>
/// <param name="EffectiveMems">cpuset.effective_mems (v1) or cpuset.mems.effective (v2), when present.</param>
/// <param name="Exclusive">v1 cpuset.cpu_exclusive = 1, or v2 cpuset.cpus.partition (root, isolated…).</param>
/// <param name="Tasks">Tasks (v1 tasks) or processes (v2 cgroup.procs) in this cgroup itself.</param>
/// <param name="Children">Child cgroups.</param>
public sealed record CpusetNode(
    string Path, CpuList? Cpus, CpuList? Mems, CpuList? EffectiveCpus, CpuList? EffectiveMems, string? Exclusive, int Tasks,
    IReadOnlyList<CpusetNode> Children)
{
    /// <summary>This node and every descendant, depth first.</summary>
    public IEnumerable<CpusetNode> All => Children.SelectMany(c => c.All).Prepend(this);
}

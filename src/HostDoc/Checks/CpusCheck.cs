using HostDoc.Cpus;
using HostDoc.Findings;
using HostDoc.Sys.Devices.System.Clocksource;
using HostDoc.Sys.Devices.System.Cpu;

namespace HostDoc.Checks;

/// <summary>CPUs offline, the clocksource (TSC dropped as unstable), and cpusets that cannot take tasks.</summary>
public sealed class CpusCheck : ICheck
{
    /// <inheritdoc />
    public string Name => "cpus";

    /// <inheritdoc />
    public string Description => "offline CPUs, clocksource (TSC unstable), empty cpusets and cpusets confined to offline CPUs";

    /// <inheritdoc />
    public IReadOnlyList<ThresholdSpec> Thresholds => [];

    /// <inheritdoc />
    public IReadOnlyList<CheckOption> Options => [];

    /// <inheritdoc />
    public bool CanBlock => false;

    /// <inheritdoc />
    public IReadOnlyList<string> FindingIds { get; } = ["cpu.offline", "clock.tsc-unstable", "cpuset.empty", "cpuset.offline-only"];

    /// <inheritdoc />
    public CheckResult Run(HostModel host, CheckSettings settings)
    {
        var states = CpuStates.Read(host.Root);
        var findings = new List<Finding>();
        var problems = new List<Sources.SourceProblem>();
        if (states.Online is null)
        {
            problems.Add(new Sources.SourceProblem("/sys/devices/system/cpu/online", Sources.ProblemKind.Missing, "not readable, so online and offline CPUs are unknown"));
        }
        else
        {
            findings.Add(CpusFindings.Offline(states));
        }

        var clock = Clocksource.Read(host.Root);
        if (CpusFindings.Clock(host, clock) is { } clockFinding)
        {
            findings.Add(clockFinding);
        }

        if (host.Mountinfo.Value is { } mounts && states.Online is { } online)
        {
            foreach (var hierarchy in CpusetHierarchy.ReadAll(host.Root, mounts))
            {
                foreach (var node in hierarchy.Top.All.Skip(1))
                {
                    var cpus = node.EffectiveCpus ?? node.Cpus;
                    if (hierarchy.Version == 1 && (node.Cpus is { IsEmpty: true } || node.Mems is { IsEmpty: true }))
                    {
                        findings.Add(CpusFindings.EmptyCpuset(hierarchy, node));
                    }
                    else if (node.Tasks > 0 && cpus is { IsEmpty: false } c && c.Intersect(online).IsEmpty)
                    {
                        findings.Add(CpusFindings.OfflineOnly(hierarchy, node, online));
                    }
                }
            }
        }

        return findings.Count == 0
            ? CheckResult.Undecided(Name, "cpus", problems)
            : new CheckResult(Name, findings, [new("cpus_online", states.Online?.Count ?? 0, "", Min: 0)], problems);
    }
}

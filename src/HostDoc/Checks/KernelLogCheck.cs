using HostDoc.Findings;

namespace HostDoc.Checks;

/// <summary>
/// The host's kernel log read into incidents (<c>/dev/kmsg</c>, else <c>/var/log/kern.log</c> or
/// <c>messages</c>): each incident is a finding, joined to the host's device topology so a failing
/// LBA names its partition, volume and mount.
/// </summary>
public sealed class KernelLogCheck : ICheck
{
    /// <inheritdoc />
    public string Name => "kernel-log";

    /// <inheritdoc />
    public string Description => "the kernel log's incidents: failing disks and links, I/O errors, filesystem aborts, lost writes, OOM kills, hung tasks, SYN floods, lockups, clock and hardware errors";

    /// <inheritdoc />
    public IReadOnlyList<ThresholdSpec> Thresholds => [];

    /// <inheritdoc />
    public IReadOnlyList<CheckOption> Options => [];

    /// <inheritdoc />
    public bool CanBlock => false;

    /// <inheritdoc />
    public IReadOnlyList<string> FindingIds { get; } =
    [
        "log.quiet", "log.disk-media-error", "log.ata-link-error", "log.scsi-error", "log.block-io-error", "log.fs-error", "log.lost-write",
        "log.hung-task", "log.oom-kill", "log.syn-flood", "log.conntrack-full", "log.clock-unstable", "log.smp-disabled", "log.lockup",
        "log.rcu-stall", "log.hardware-error",
    ];

    /// <inheritdoc />
    public CheckResult Run(HostModel host, CheckSettings settings)
    {
        var analysis = host.KernelLog;
        var problems = analysis.Problems.Select(Problem).ToArray();
        if (analysis.Sources.Count == 0)
        {
            return CheckResult.Undecided(Name, "kernel log", problems);
        }

        var mounts = host.Mountinfo.Value?.Entries ?? [];
        var findings = analysis.Incidents
            .Select(i => IncidentTopology.Enrich(i, host.Topology, mounts))
            .Select(i => i.ToFinding())
            .ToList();
        if (findings.Count == 0)
        {
            findings.Add(new Finding("log.quiet", Severity.Ok, "kernel log",
                $"no incidents in {analysis.Counts.Lines:N0} lines of {string.Join(", ", analysis.Sources)}",
                "Nothing in the log says a disk, link, filesystem, the memory manager, the network stack, a CPU or a clock failed.", [], ""));
        }

        var measurements = new[]
        {
            new Measurement("incidents", analysis.Incidents.Count, "", Min: 0),
            new Measurement("critical_incidents", analysis.Incidents.Count(i => i.Severity == Severity.Critical), "", Min: 0),
        };
        return new CheckResult(Name, findings, measurements, problems);
    }

    /// <summary>"path: why" as a source problem.</summary>
    private static Sources.SourceProblem Problem(string text)
    {
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0
            ? new Sources.SourceProblem(text[..colon], Sources.ProblemKind.Missing, text[(colon + 2)..])
            : new Sources.SourceProblem("kernel log", Sources.ProblemKind.Missing, text);
    }
}

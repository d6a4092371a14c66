using HostDoc.Findings;
using HostDoc.Proc;
using HostDoc.Sources;

namespace HostDoc.Checks;

/// <summary>
/// Software RAID (md): arrays running degraded, members md has failed, inactive arrays, and the
/// resync or recovery under way, from /proc/mdstat. A failed member is named with the disk it is on,
/// so the report joins it to that disk's kernel-log errors.
/// </summary>
public sealed class RaidCheck : ICheck
{
    /// <inheritdoc />
    public string Name => "raid";

    /// <inheritdoc />
    public string Description => "software RAID (md): degraded arrays, failed members, recovery progress";

    /// <inheritdoc />
    public IReadOnlyList<ThresholdSpec> Thresholds => [];

    /// <inheritdoc />
    public IReadOnlyList<CheckOption> Options => [];

    /// <inheritdoc />
    public bool CanBlock => false;

    /// <inheritdoc />
    public IReadOnlyList<string> FindingIds { get; } = ["disk.raid-degraded"];

    /// <inheritdoc />
    public CheckResult Run(HostModel host, CheckSettings settings)
    {
        var mdstat = Mdstat.Read(host.Root);
        if (mdstat.Value is not { } arrays)
        {
            return mdstat.Problems is [{ Kind: ProblemKind.Missing }]
                ? new CheckResult(Name, [RaidFindings.NoArrays()], [], [])   // no md driver loaded: nothing to judge
                : CheckResult.Undecided(Name, "raid", mdstat.Problems);
        }

        var findings = arrays.Select(a => RaidFindings.Array(a, host.Topology)).OfType<Finding>().ToList();
        if (findings.Count == 0)
        {
            findings.Add(RaidFindings.AllInSync(arrays));
        }

        var measurements = arrays.Where(a => a.RaidDisks is not null)
            .Select(a => new Measurement($"{a.Name}_missing", a.Missing, "", Min: 0, Max: a.RaidDisks)).ToArray();
        return new CheckResult(Name, findings, measurements, mdstat.Problems);
    }
}

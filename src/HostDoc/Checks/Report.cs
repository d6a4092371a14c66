using HostDoc.Findings;
using HostDoc.Proc.Sys.Kernel;

namespace HostDoc.Checks;

/// <summary>The result of running checks over one host: what every output format renders.</summary>
/// <param name="Identity">Which host and kernel.</param>
/// <param name="Root">The root the sources were read from ("/" for the live host).</param>
/// <param name="Generated">When the report was made.</param>
/// <param name="Results">One result per check, in catalog order.</param>
public sealed record Report(HostIdentity Identity, string Root, DateTimeOffset Generated, IReadOnlyList<CheckResult> Results)
{
    /// <summary>What the snapshot's manifest says, when the report was read from one.</summary>
    public Roots.SnapshotManifest? Snapshot { get; init; }

    /// <summary>Where the report was read from, for headers: the directory, or the snapshot and whose it is.</summary>
    public string Source => Snapshot?.Describe() ?? Root;

    /// <summary>The worst severity over all checks.</summary>
    public Severity Worst => Results.Select(r => r.Worst).Aggregate(Severity.Ok, SeverityExtensions.Worst);

    /// <summary>Runs <paramref name="checks"/> over <paramref name="host"/>, then joins the findings that share a cause (<see cref="CauseLinker"/>).</summary>
    public static Report Run(HostModel host, IEnumerable<ICheck> checks, CheckSettings settings)
    {
        var results = checks.Select(c => c.Run(host, settings)).ToArray();
        var linked = results.Any(r => r.Findings.Any(f => f.Severity is Severity.Warning or Severity.Critical))
            ? CauseLinker.Link(results, host.Topology, host.Mountinfo.Value?.Entries ?? [])
            : results;
        return new(HostIdentity.Read(host.Root), host.Root.Directory, host.Clock.GetUtcNow(), linked) { Snapshot = host.Root.Snapshot };
    }

    /// <summary>The finding <paramref name="reference"/> names, or null.</summary>
    public Finding? Find(FindingRef reference) =>
        Results.SelectMany(r => r.Findings).FirstOrDefault(f => f.Id == reference.Id && f.Subject == reference.Subject);
}

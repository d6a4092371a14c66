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
    /// <summary>The worst severity over all checks.</summary>
    public Severity Worst => Results.Select(r => r.Worst).Aggregate(Severity.Ok, SeverityExtensions.Worst);

    /// <summary>Runs <paramref name="checks"/> over <paramref name="host"/>.</summary>
    public static Report Run(HostModel host, IEnumerable<ICheck> checks, CheckSettings settings) =>
        new(HostIdentity.Read(host.Root), host.Root.Directory, host.Clock.GetUtcNow(),
            checks.Select(c => c.Run(host, settings)).ToArray());
}

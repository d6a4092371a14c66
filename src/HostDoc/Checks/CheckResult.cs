using HostDoc.Findings;
using HostDoc.Sources;

namespace HostDoc.Checks;

/// <summary>What one check produced: findings at every severity, its measurements, and the problems it met.</summary>
/// <param name="Check">The check's name (<c>memory</c>, <c>writeback</c>).</param>
/// <param name="Findings">Its findings, OK ones included.</param>
/// <param name="Measurements">Numbers for perfdata and metrics.</param>
/// <param name="Problems">Sources it could not (fully) read.</param>
/// <param name="Headline">The one-line summary when nothing alerts (e.g. "12 filesystems OK; least free: …"); null means the first finding's summary.</param>
public sealed record CheckResult(
    string Check,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Measurement> Measurements,
    IReadOnlyList<SourceProblem> Problems,
    string? Headline = null)
{
    /// <summary>The worst severity among the findings (Unknown when there are none).</summary>
    public Severity Worst =>
        Findings.Count == 0 ? Severity.Unknown : Findings.Select(f => f.Severity).Aggregate(Severity.Ok, SeverityExtensions.Worst);

    /// <summary>A result that could not decide: one unknown finding per unreadable source.</summary>
    public static CheckResult Undecided(string check, string subject, IReadOnlyList<SourceProblem> problems)
    {
        var finding = new Finding(
            $"{check}.source-unreadable",
            Severity.Unknown,
            subject,
            problems.Count > 0 ? problems[0].ToString() : "no data",
            "hostdoc could not read what this check needs, so it cannot say whether the host is healthy.",
            problems.Select(p => new Evidence(p.Kind.ToString(), p.ToString(), p.Path)).ToArray(),
            "Check that the path exists and is readable (some files need root), or that the captured tree holds it.");
        return new CheckResult(check, [finding], [], problems);
    }
}

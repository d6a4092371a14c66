using HostDoc.Checks;
using HostDoc.Findings;

namespace HostDoc.Output;

/// <summary>
/// The report's findings as the text and HTML pages show them: one entry per finding that is not
/// caused by another, with the findings it causes beneath it, under the worst severity of the whole
/// group (a read-only filesystem and stuck tasks under the critical disk that causes them).
/// </summary>
internal static class CauseGroups
{
    /// <summary>A root finding (or a finding with no relation) and its consequences.</summary>
    public sealed record Group(Finding Root, IReadOnlyList<Finding> Consequences)
    {
        /// <summary>The worst severity of the group.</summary>
        public Severity Severity => Consequences.Select(c => c.Severity).Aggregate(Root.Severity, SeverityExtensions.Worst);
    }

    /// <summary>The groups of <paramref name="report"/>'s findings at <paramref name="severity"/>, in report order.</summary>
    public static IReadOnlyList<Group> At(Report report, Severity severity) =>
        All(report).Where(g => g.Severity == severity).ToArray();

    private static IEnumerable<Group> All(Report report)
    {
        var findings = report.Results.SelectMany(r => r.Findings).ToArray();
        foreach (var finding in findings.Where(f => f.CausedBy is null || report.Find(f.CausedBy) is null))
        {
            var consequences = finding.Causes is { Count: > 0 } causes
                ? causes.Select(report.Find).OfType<Finding>().Where(c => c.CausedBy == finding.Ref).ToArray()
                : [];
            yield return new Group(finding, consequences);
        }
    }
}

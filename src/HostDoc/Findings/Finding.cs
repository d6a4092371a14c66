namespace HostDoc.Findings;

/// <summary>
/// What a check concluded about one subject, explaining itself (DESIGN.md principle 3): a stable
/// id, a severity, the subject, a one-line summary, why (how the kernel behaves), the evidence, and
/// advice. A check emits its findings at every severity, OK included, so a report shows what was
/// looked at and found fine.
/// </summary>
/// <param name="Id">Stable id such as <c>memory.dirty-near-limit</c>; never reworded once published.</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="Subject">What it is about: a device, mount, cgroup, process, or <c>memory</c>.</param>
/// <param name="Summary">One line, numbers included.</param>
/// <param name="Explanation">Why this matters, in terms of what the kernel does.</param>
/// <param name="Evidence">The values and lines it saw.</param>
/// <param name="Advice">What to do; empty for OK findings.</param>
/// <param name="Data">Typed members for machine output (JSON <c>data</c>): kind, device names, numbers; empty when the finding has none.</param>
/// <param name="CausedBy">The finding of the same report this one follows from (a read-only filesystem from the failing disk under it), or null.</param>
/// <param name="Causes">The findings that follow from this one, when it is a root cause; null or empty otherwise.</param>
public sealed record Finding(
    string Id,
    Severity Severity,
    string Subject,
    string Summary,
    string Explanation,
    IReadOnlyList<Evidence> Evidence,
    string Advice,
    IReadOnlyList<DataField>? Data = null,
    FindingRef? CausedBy = null,
    IReadOnlyList<FindingRef>? Causes = null)
{
    /// <summary>This finding's reference.</summary>
    public FindingRef Ref => FindingRef.To(this);
}

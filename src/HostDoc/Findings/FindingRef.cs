namespace HostDoc.Findings;

/// <summary>Names another finding of the same report: its id and subject (the pair is what identifies a finding).</summary>
/// <param name="Id">The finding's id, e.g. <c>log.disk-media-error</c>.</param>
/// <param name="Subject">Its subject, e.g. <c>sdf</c>.</param>
public sealed record FindingRef(string Id, string Subject)
{
    /// <summary>The reference to <paramref name="finding"/>.</summary>
    public static FindingRef To(Finding finding) => new(finding.Id, finding.Subject);

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Subject}";
}

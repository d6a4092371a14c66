namespace HostDoc.Findings;

/// <summary>A warning and a critical range for one measured value; critical is tested first.</summary>
/// <param name="Warning">The warning range, or null for none.</param>
/// <param name="Critical">The critical range, or null for none.</param>
public readonly record struct Thresholds(NagiosRange? Warning, NagiosRange? Critical)
{
    /// <summary>The severity of <paramref name="value"/>: critical if the critical range alerts, else warning, else OK.</summary>
    public Severity Evaluate(double value) =>
        Critical is { } c && c.Alerts(value) ? Severity.Critical
        : Warning is { } w && w.Alerts(value) ? Severity.Warning
        : Severity.Ok;
}

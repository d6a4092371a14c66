namespace HostDoc.Findings;

/// <summary>
/// A number a check measured, in the shape of Monitoring Plugins perfdata
/// (<c>'label'=value[UOM];[warn];[crit];[min];[max]</c>), reused by every output.
/// </summary>
/// <param name="Label">The perfdata label; any text but <c>=</c> (quotes are escaped by the writer).</param>
/// <param name="Value">The value in <paramref name="Unit"/>.</param>
/// <param name="Unit">One of the guidelines' units Icinga accepts: "", "B", "%", "s", "ms", "us", "c".</param>
/// <param name="Warning">Where the warning starts, as a plain number in the same unit.</param>
/// <param name="Critical">Where the critical starts, as a plain number in the same unit.</param>
/// <param name="Min">The smallest possible value.</param>
/// <param name="Max">The largest possible value.</param>
public sealed record Measurement(
    string Label,
    double Value,
    string Unit,
    double? Warning = null,
    double? Critical = null,
    double? Min = null,
    double? Max = null)
{
    /// <summary>
    /// A bytes measurement whose thresholds are percentages of <paramref name="total"/>: warn and
    /// crit become the byte values where each alert starts (plain numbers, as Icinga needs).
    /// </summary>
    public static Measurement BytesWithPercentThresholds(string label, ulong value, double total, Thresholds thresholds) =>
        new(label, value, "B",
            thresholds.Warning?.Boundary is { } w ? Math.Floor(w * total / 100) : null,
            thresholds.Critical?.Boundary is { } c ? Math.Floor(c * total / 100) : null,
            0, total);
}

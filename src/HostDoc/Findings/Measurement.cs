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
    double? Max = null);

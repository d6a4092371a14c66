using System.Globalization;
using HostDoc.Findings;

namespace HostDoc.Output;

/// <summary>
/// Monitoring Plugins perfdata: <c>'label'=value[UOM];[warn];[crit];[min];[max]</c>. Labels are
/// quoted when they hold a space or a quote, an embedded quote is doubled (the guidelines' rule,
/// which check_disk 2.x breaks), <c>=</c> becomes <c>_</c>; numbers are plain invariant decimals
/// so Icinga keeps the metric.
/// </summary>
public static class PerfdataWriter
{
    /// <summary>Writes the measurements separated by single spaces.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<Measurement> measurements)
    {
        for (var i = 0; i < measurements.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(' ');
            }

            Write(writer, measurements[i]);
        }
    }

    /// <summary>Writes one measurement, dropping trailing empty fields.</summary>
    public static void Write(TextWriter writer, Measurement m)
    {
        writer.Write(Label(m.Label));
        writer.Write('=');
        writer.Write(Number(m.Value));
        writer.Write(m.Unit);
        string?[] tail = [Optional(m.Warning), Optional(m.Critical), Optional(m.Min), Optional(m.Max)];
        var last = Array.FindLastIndex(tail, t => t is not null);
        for (var i = 0; i <= last; i++)
        {
            writer.Write(';');
            writer.Write(tail[i]);
        }
    }

    /// <summary>
    /// The label as perfdata wants it: '=' replaced, line breaks turned into spaces (they would end
    /// the plugin output), quoted when it holds whitespace or a quote, quotes doubled.
    /// </summary>
    public static string Label(string label)
    {
        var clean = label.Replace('=', '_').Replace('\n', ' ').Replace('\r', ' ');
        return clean.Any(c => c == '\'' || char.IsWhiteSpace(c)) ? "'" + clean.Replace("'", "''", StringComparison.Ordinal) + "'" : clean;
    }

    /// <summary>A plain decimal: integers without a fraction, others with up to six decimals.</summary>
    public static string Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e18
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string? Optional(double? value) => value is { } v ? Number(v) : null;
}

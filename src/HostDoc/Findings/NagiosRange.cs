using System.Globalization;

namespace HostDoc.Findings;

/// <summary>
/// A Monitoring Plugins threshold range, <c>[@]start:end</c> with inclusive ends: <c>10</c>
/// (alert outside 0..10), <c>10:</c> (alert below 10), <c>~:10</c> (alert above 10),
/// <c>10:20</c>, and <c>@10:20</c> (alert inside). Unlike check_disk 2.x's strtod reading, text
/// that is not a number is an error, not a silent 0.
/// </summary>
/// <param name="Start">Lower end; <see cref="double.NegativeInfinity"/> for <c>~</c>.</param>
/// <param name="End">Upper end; <see cref="double.PositiveInfinity"/> when omitted after the colon.</param>
/// <param name="Inside">True for <c>@</c>: alert when the value lies inside the range.</param>
public readonly record struct NagiosRange(double Start, double End, bool Inside)
{
    /// <summary>True when <paramref name="value"/> should raise the alert this range stands for.</summary>
    public bool Alerts(double value)
    {
        var within = value >= Start && value <= End;
        return Inside ? within : !within;
    }

    /// <summary>
    /// The single number at which the alert starts, for perfdata consumers (Icinga) that read only
    /// plain numbers: <c>10:</c> → 10, <c>~:10</c> and <c>10</c> → 10, <c>@10:</c> → 10; null when
    /// a range has two finite ends and so no single boundary.
    /// </summary>
    public double? Boundary => (Inside, double.IsInfinity(Start), double.IsInfinity(End)) switch
    {
        (false, _, true) => Start,
        (false, true, false) => End,
        (false, false, false) when Start == 0 => End,
        (true, false, true) => Start,
        (true, true, false) => End,
        _ => null,
    };

    /// <summary>Parses the range syntax; on failure <paramref name="error"/> says what was wrong.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out NagiosRange range, out string error)
    {
        range = default;
        error = "";
        var s = text.Trim();
        var inside = !s.IsEmpty && s[0] == '@';
        if (inside)
        {
            s = s[1..];
        }

        if (s.IsEmpty)
        {
            error = "an empty range";
            return false;
        }

        var colon = s.IndexOf(':');
        double start = 0;
        double end;
        if (colon < 0)
        {
            if (!TryNumber(s, out end))
            {
                error = $"\"{s}\" is not a number";
                return false;
            }
        }
        else
        {
            var left = s[..colon];
            var right = s[(colon + 1)..];
            if (left is "~")
            {
                start = double.NegativeInfinity;
            }
            else if (!left.IsEmpty && !TryNumber(left, out start))
            {
                error = $"\"{left}\" is not a number or ~";
                return false;
            }

            if (right.IsEmpty)
            {
                end = double.PositiveInfinity;
            }
            else if (!TryNumber(right, out end))
            {
                error = $"\"{right}\" is not a number";
                return false;
            }
        }

        if (start > end)
        {
            error = "start is greater than end";
            return false;
        }

        range = new NagiosRange(start, end, inside);
        return true;
    }

    /// <summary>Formats back to the range syntax (round-trips with <see cref="TryParse"/>).</summary>
    public override string ToString()
    {
        var prefix = Inside ? "@" : "";
        var end = double.IsPositiveInfinity(End) ? "" : Format(End);
        if (double.IsNegativeInfinity(Start))
        {
            return $"{prefix}~:{end}";
        }

        return Start == 0 && !double.IsPositiveInfinity(End) ? prefix + end : $"{prefix}{Format(Start)}:{end}";
    }

    private static bool TryNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

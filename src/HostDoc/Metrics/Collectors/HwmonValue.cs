using System.Globalization;

namespace HostDoc.Metrics.Collectors;

/// <summary>
/// A hwmon value file's number as Go's <c>strconv.ParseFloat</c> reads it for node_exporter: an optional sign,
/// decimal digits with an optional point and exponent, <c>_</c> between digits, <c>inf</c>, <c>infinity</c> and
/// <c>nan</c> in any case; no spaces; a finite number too large for a double is refused (Go's ErrRange).
/// </summary>
internal static class HwmonValue
{
    /// <summary>Parses <paramref name="text"/>; false when Go would refuse it.</summary>
    public static bool TryParse(string text, out double value)
    {
        value = 0;
        var unsigned = text.StartsWith('+') || text.StartsWith('-') ? text[1..] : text;
        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = text.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (text.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        if (unsigned.Length == 0 || !unsigned.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-' or '_'))
        {
            return false;
        }

        if (text.Contains('_'))
        {
            if (!UnderscoresBetweenDigits(unsigned))
            {
                return false;
            }

            text = text.Replace("_", "", StringComparison.Ordinal);
        }

        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    /// <summary>Go's rule: an underscore follows a digit and is followed by one.</summary>
    private static bool UnderscoresBetweenDigits(string text)
    {
        var previous = ' ';
        foreach (var c in text)
        {
            if ((c == '_' && !char.IsAsciiDigit(previous)) || (previous == '_' && !char.IsAsciiDigit(c)))
            {
                return false;
            }

            previous = c;
        }

        return previous != '_';
    }
}

using System.Globalization;
using HostDoc.Sources;

namespace HostDoc.Proc;

/// <summary>One PSI line: percentages of wall time stalled, and total microseconds.</summary>
public sealed record PressureLine(double Avg10, double Avg60, double Avg300, ulong TotalMicroseconds)
{
    /// <summary>Parses <c>some avg10=0.00 avg60=0.55 avg300=0.45 total=21835206</c>; null when malformed.</summary>
    public static PressureLine? TryParse(ReadOnlySpan<char> line)
    {
        double a10 = -1, a60 = -1, a300 = -1;
        ulong? total = null;
        foreach (var range in line.Split(' '))
        {
            var part = line[range];
            var eq = part.IndexOf('=');
            if (eq < 0)
            {
                continue;
            }

            var value = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "avg10": double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out a10); break;
                case "avg60": double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out a60); break;
                case "avg300": double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out a300); break;
                case "total": total = KernelNumber.TryParseUnsigned(value, out var t) ? t : null; break;
            }
        }

        return a10 >= 0 && a60 >= 0 && a300 >= 0 && total is not null ? new PressureLine(a10, a60, a300, total.Value) : null;
    }
}

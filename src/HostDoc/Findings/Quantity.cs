using System.Globalization;

namespace HostDoc.Findings;

/// <summary>Numbers worded for people, the same way in every summary and output.</summary>
public static class Quantity
{
    private static readonly string[] BinaryUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

    /// <summary>Bytes in binary units with three significant digits: <c>812 KiB</c>, <c>1.21 GiB</c>, <c>23.5 GiB</c>.</summary>
    public static string Bytes(ulong bytes)
    {
        if (bytes < 1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes} B");
        }

        var value = (double)bytes;
        var unit = 0;
        while (value >= 1024 && unit < BinaryUnits.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        var format = value >= 100 ? "0" : value >= 10 ? "0.0" : "0.00";
        return value.ToString(format, CultureInfo.InvariantCulture) + " " + BinaryUnits[unit];
    }

    /// <summary>A percentage with at most one decimal: <c>7.5%</c>, <c>99%</c>.</summary>
    public static string Percent(double percent) =>
        percent.ToString(percent < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + "%";

    /// <summary>An integer with no grouping, invariant.</summary>
    public static string Count(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Centiseconds as seconds: <c>30 s</c>, <c>0.5 s</c>.</summary>
    public static string Centiseconds(ulong centisecs) =>
        (centisecs / 100.0).ToString("0.##", CultureInfo.InvariantCulture) + " s";
}

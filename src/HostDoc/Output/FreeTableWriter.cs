using System.Globalization;
using HostDoc.Memory;

namespace HostDoc.Output;

/// <summary>The unit free's columns are printed in.</summary>
public enum FreeUnit
{
    /// <summary>Bytes (<c>free -b</c>).</summary>
    Bytes,
    /// <summary>KiB (<c>free</c>, <c>free -k</c>).</summary>
    Kibibytes,
    /// <summary>MiB (<c>free -m</c>).</summary>
    Mebibytes,
    /// <summary>GiB (<c>free -g</c>).</summary>
    Gibibytes,
    /// <summary>Three significant digits with a unit (like <c>free -h</c>).</summary>
    Human,
}

/// <summary>
/// The block free prints, with procps-ng 4's layout (an 8-column label, then columns of width 12),
/// so <c>hostdoc mem --bytes</c> lines up with <c>free -b</c> and parses the same way.
/// </summary>
public static class FreeTableWriter
{
    /// <summary>Writes the header, the Mem: row and the Swap: row.</summary>
    public static void Write(TextWriter writer, FreeSummary m, FreeUnit unit)
    {
        writer.Write($"{"",-8}{"total",12}{"used",12}{"free",12}{"shared",12}{"buff/cache",12}{"available",12}\n");
        writer.Write($"{"Mem:",-8}{F(m.Total)}{F(m.Used)}{F(m.Free)}{F(m.Shared)}{F(m.BuffCache)}{F(m.Available)}\n");
        writer.Write($"{"Swap:",-8}{F(m.SwapTotal)}{F(m.SwapUsed)}{F(m.SwapFree)}\n");

        string F(ulong bytes) => " " + Scale(bytes, unit).PadLeft(11);
    }

    private static string Scale(ulong bytes, FreeUnit unit) => unit switch
    {
        FreeUnit.Bytes => bytes.ToString(CultureInfo.InvariantCulture),
        FreeUnit.Kibibytes => (bytes >> 10).ToString(CultureInfo.InvariantCulture),
        FreeUnit.Mebibytes => (bytes >> 20).ToString(CultureInfo.InvariantCulture),
        FreeUnit.Gibibytes => (bytes >> 30).ToString(CultureInfo.InvariantCulture),
        _ => Findings.Quantity.Bytes(bytes).Replace(" ", "", StringComparison.Ordinal),
    };
}

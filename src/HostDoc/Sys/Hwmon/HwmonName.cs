using System.Text;

namespace HostDoc.Sys.Hwmon;

/// <summary>
/// Names as node_exporter 1.5's hwmon collector cleans them for chip labels and metric names: lower case,
/// every character other than <c>a-z 0-9 : _</c> replaced by <c>_</c> (one per character, not per UTF-16
/// unit), leading and trailing <c>_</c> removed. <c>coretemp.0</c> gives <c>coretemp_0</c>, a name file's
/// <c>"nct6779\n"</c> gives <c>nct6779</c>.
/// </summary>
public static class HwmonName
{
    /// <summary>The cleaned form of <paramref name="name"/>; empty when nothing usable is left.</summary>
    public static string Clean(string name)
    {
        var b = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var lower = Rune.ToLowerInvariant(rune);
            b.Append(lower.Value is (>= 'a' and <= 'z') or (>= '0' and <= '9') or ':' or '_' ? (char)lower.Value : '_');
        }

        return b.ToString().Trim('_');
    }
}

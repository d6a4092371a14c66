namespace HostDoc.Sys.Devices.System.Edac;

/// <summary>
/// One memory controller under <c>/sys/devices/system/edac/mc/mcN/</c> (Documentation/admin-guide/ras.rst,
/// "EDAC sysfs"): the corrected (ce_count) and uncorrected (ue_count) memory errors its EDAC driver
/// counted since it loaded, those it could not place on a row (ce_noinfo_count, ue_noinfo_count),
/// and the counts per chip-select row (<c>csrowN/</c>, the legacy layout kept by EDAC_LEGACY_SYSFS).
/// A count that is missing or not a number is null.
/// </summary>
/// <param name="Number">The digits after "mc" (the directory mc0 is "0").</param>
/// <param name="Correctable">ce_count.</param>
/// <param name="Uncorrectable">ue_count.</param>
/// <param name="CorrectableNoInfo">ce_noinfo_count.</param>
/// <param name="UncorrectableNoInfo">ue_noinfo_count.</param>
/// <param name="Csrows">Its csrowN directories, by name.</param>
public sealed record EdacController(
    string Number, ulong? Correctable, ulong? Uncorrectable, ulong? CorrectableNoInfo, ulong? UncorrectableNoInfo, IReadOnlyList<EdacCsrow> Csrows)
{
    private const string Directory = "/sys/devices/system/edac/mc";

    /// <summary>Every <c>mc[0-9]*</c> directory, by name; none when the host has no EDAC driver.</summary>
    public static IReadOnlyList<EdacController> ReadAll(HostRoot root) =>
        Numbered(root.ListDirectory(Directory), "mc").Select(mc =>
        {
            var dir = $"{Directory}/{mc.Name}/";
            var rows = Numbered(root.ListDirectory(dir), "csrow")
                .Select(row => new EdacCsrow(row.Number, root.ReadNumber($"{dir}{row.Name}/ce_count"), root.ReadNumber($"{dir}{row.Name}/ue_count")))
                .ToArray();
            return new EdacController(mc.Number, root.ReadNumber(dir + "ce_count"), root.ReadNumber(dir + "ue_count"),
                root.ReadNumber(dir + "ce_noinfo_count"), root.ReadNumber(dir + "ue_noinfo_count"), rows);
        }).ToArray();

    /// <summary>The names that are <paramref name="prefix"/>, a digit, then anything; the number is the run of digits.</summary>
    private static IEnumerable<(string Name, string Number)> Numbered(IEnumerable<string> names, string prefix) =>
        names.Where(n => n.Length > prefix.Length && n.StartsWith(prefix, StringComparison.Ordinal) && char.IsAsciiDigit(n[prefix.Length]))
            .Order(StringComparer.Ordinal)
            .Select(n => (n, new string(n.Skip(prefix.Length).TakeWhile(char.IsAsciiDigit).ToArray())));
}

/// <summary>One chip-select row of a memory controller: <c>/sys/devices/system/edac/mc/mcN/csrowM/</c>.</summary>
/// <param name="Number">The digits after "csrow".</param>
/// <param name="Correctable">ce_count.</param>
/// <param name="Uncorrectable">ue_count.</param>
public sealed record EdacCsrow(string Number, ulong? Correctable, ulong? Uncorrectable);

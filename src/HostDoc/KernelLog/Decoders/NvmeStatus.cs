using System.Globalization;

namespace HostDoc.KernelLog.Decoders;

/// <summary>
/// Decodes an NVMe completion status as the NVMe base specification defines it and as Linux names it
/// (<c>nvme-status.tsv</c>): the Status Code Type (SCT) and Status Code (SC) of <c>(sct 0x2 / sc 0x81)</c>,
/// and the opcode of <c>Read(0x2)</c>. The tables are read once from the assembly and never change.
/// </summary>
public static class NvmeStatus
{
    private static readonly Lazy<IReadOnlyDictionary<int, string>> Statuses = new(() => Load("nvme-status.tsv", f => (Parse(f[0]), f[1])));
    private static readonly Lazy<IReadOnlyDictionary<int, string>> IoOpcodes = new(() => Load("nvme-opcodes.tsv", f => f[1] == "io" ? (Parse(f[0]), f[2]) : (-1, "")));

    /// <summary>The name of status type <paramref name="sct"/>.</summary>
    public static string TypeName(int sct) => sct switch
    {
        0 => "generic command status",
        1 => "command specific status",
        2 => "media and data integrity error",
        3 => "path related status",
        7 => "vendor specific",
        _ => $"reserved status type {sct}",
    };

    /// <summary>The status's name (<c>Unrecovered Read Error</c>), or null when the specification names none the table holds.</summary>
    public static string? Name(int sct, int sc) =>
        sct is >= 0 and <= 7 && sc is >= 0 and <= 0xff && Statuses.Value.TryGetValue((sct << 8) | sc, out var name) ? name : null;

    /// <summary>The I/O command's name for <paramref name="opcode"/> (<c>Read</c>), or null.</summary>
    public static string? IoCommand(int opcode) => IoOpcodes.Value.TryGetValue(opcode, out var name) ? name : null;

    /// <summary>True for a media or data-integrity error (SCT 2): the data at that LBA is bad, as a SCSI Medium Error or an ATA UNC says.</summary>
    public static bool IsMedia(int sct) => sct == 2;

    /// <summary>What SCT/SC means for an operator, in one phrase.</summary>
    public static string Describe(int sct, int sc) =>
        $"{Name(sct, sc) ?? "status 0x" + sc.ToString("x2", CultureInfo.InvariantCulture)} ({TypeName(sct)}, SCT 0x{sct:x} / SC 0x{sc:x2})";

    private static int Parse(string hex) =>
        int.TryParse(hex.AsSpan(hex.StartsWith("0x", StringComparison.Ordinal) ? 2 : 0), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v) ? v : -1;

    private static Dictionary<int, string> Load(string resource, Func<string[], (int Key, string Value)> row)
    {
        using var stream = typeof(NvmeStatus).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded table {resource} is missing from the build");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Split('\t') is not { Length: >= 2 } fields)
            {
                continue;
            }

            var (key, value) = row(fields);
            if (key >= 0)
            {
                table.TryAdd(key, value);
            }
        }

        return table;
    }
}

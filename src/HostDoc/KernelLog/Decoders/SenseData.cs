using System.Globalization;

namespace HostDoc.KernelLog.Decoders;

/// <summary>
/// SCSI sense data (SPC-5 4.4), fixed (response code 0x70/0x71) or descriptor format (0x72/0x73),
/// decoded with named offsets: sense key, ASC/ASCQ, the information field (for a medium error, the
/// failing LBA) and the command-specific field; for descriptor format the descriptors, including the
/// ATA status return (type 0x09) that libata fills in.
/// </summary>
public sealed record SenseData(
    int ResponseCode, bool Deferred, bool DescriptorFormat, int SenseKey, int Asc, int Ascq,
    ulong? Information, bool InformationValid, ulong? CommandSpecific, IReadOnlyList<SenseDescriptor> Descriptors)
{
    // Fixed format offsets.
    private const int FixedKey = 2;
    private const int FixedInformation = 3;
    private const int FixedCommandSpecific = 8;
    private const int FixedAsc = 12;
    private const int FixedAscq = 13;

    // Descriptor format offsets.
    private const int DescriptorKey = 1;
    private const int DescriptorAsc = 2;
    private const int DescriptorAscq = 3;
    private const int DescriptorAdditionalLength = 7;
    private const int FirstDescriptor = 8;

    /// <summary>Decodes <paramref name="bytes"/>; null when the response code is not sense data (0x70–0x73).</summary>
    public static SenseData? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 2)
        {
            return null;
        }

        var code = bytes[0] & 0x7f;
        if (code is 0x70 or 0x71)
        {
            ulong? information = bytes.Length >= FixedInformation + 4 ? BigEndian.Read(bytes.Slice(FixedInformation, 4)) : null;
            ulong? commandSpecific = bytes.Length >= FixedCommandSpecific + 4 ? BigEndian.Read(bytes.Slice(FixedCommandSpecific, 4)) : null;
            return new SenseData(code, code == 0x71, false,
                bytes.Length > FixedKey ? bytes[FixedKey] & 0x0f : 0,
                bytes.Length > FixedAsc ? bytes[FixedAsc] : 0,
                bytes.Length > FixedAscq ? bytes[FixedAscq] : 0,
                information, (bytes[0] & 0x80) != 0, commandSpecific, []);
        }

        if (code is 0x72 or 0x73)
        {
            var descriptors = new List<SenseDescriptor>();
            var end = Math.Min(bytes.Length, FirstDescriptor + (bytes.Length > DescriptorAdditionalLength ? bytes[DescriptorAdditionalLength] : 0));
            for (var at = FirstDescriptor; at + 2 <= end;)
            {
                var length = bytes[at + 1] + 2;
                descriptors.Add(new SenseDescriptor(bytes[at], bytes.Slice(at, Math.Min(length, end - at)).ToArray()));
                at += length;
            }

            var info = descriptors.FirstOrDefault(d => d.Type == 0x00 && d.Bytes.Length >= 12);
            var command = descriptors.FirstOrDefault(d => d.Type == 0x01 && d.Bytes.Length >= 12);
            return new SenseData(code, code == 0x73, true,
                bytes.Length > DescriptorKey ? bytes[DescriptorKey] & 0x0f : 0,
                bytes.Length > DescriptorAsc ? bytes[DescriptorAsc] : 0,
                bytes.Length > DescriptorAscq ? bytes[DescriptorAscq] : 0,
                info is null ? null : BigEndian.Read(info.Bytes.AsSpan(4, 8)), info is not null && (info.Bytes[2] & 0x80) != 0,
                command is null ? null : BigEndian.Read(command.Bytes.AsSpan(4, 8)), descriptors);
        }

        return null;
    }

    /// <summary>Parses hex bytes as people paste them: <c>72 03 11 04</c>, <c>0x72,0x03</c>, <c>72031104</c>.</summary>
    public static bool TryParseHex(IEnumerable<string> words, out byte[] bytes, out string error)
    {
        var digits = string.Concat(words.SelectMany(w => w.Split([' ', ',', ':', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Select(t => t.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? t[2..] : t)
            .Select(t => t.Length == 1 ? "0" + t : t));
        bytes = [];
        error = "";
        if (digits.Length == 0 || digits.Length % 2 != 0 || !digits.All(char.IsAsciiHexDigit))
        {
            error = "expected hex bytes such as \"72 03 11 04\"";
            return false;
        }

        bytes = Convert.FromHexString(digits);
        return true;
    }

    /// <summary>The information field in hex and decimal, for display.</summary>
    public string? InformationText =>
        Information is { } i ? string.Create(CultureInfo.InvariantCulture, $"0x{i:x} ({i})") : null;
}

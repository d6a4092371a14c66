using System.Globalization;
using HostDoc.KernelLog.Decoders;

namespace HostDoc.Output;

/// <summary><c>hostdoc decode sense</c>: SCSI sense data in words an operator can act on.</summary>
public static class SenseWriter
{
    /// <summary>Writes the decoded sense.</summary>
    public static void Write(TextWriter writer, SenseData sense, AscAscqTable table)
    {
        writer.Write($"{(sense.DescriptorFormat ? "descriptor" : "fixed")} format sense data, {(sense.Deferred ? "deferred" : "current")} error\n");
        var meaning = SenseKeys.Meaning(sense.SenseKey);
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"  sense key    0x{sense.SenseKey:x}  {SenseKeys.Name(sense.SenseKey)}{(meaning.Length > 0 ? ": " + meaning : "")}\n"));
        var text = table.Describe(sense.Asc, sense.Ascq) ?? (sense.Asc >= 0x80 || sense.Ascq >= 0x80 ? "vendor specific" : "not in the T10 list");
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"  asc/ascq     0x{sense.Asc:x2}/0x{sense.Ascq:x2}  {text}\n"));
        if (!sense.DescriptorFormat && sense.Asc == 0x00 && sense.Ascq == 0x1d && sense.Information is { } ata)
        {
            // SAT: "ATA pass through information available" puts ATA registers in the information field.
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"  ATA registers  error=0x{(ata >> 24) & 0xff:x}, status=0x{(ata >> 16) & 0xff:x}, device=0x{(ata >> 8) & 0xff:x}, count=0x{ata & 0xff:x}\n"));
        }
        else if (sense.InformationText is { } info)
        {
            var lba = sense.SenseKey is 3 or 4 ? " — for a medium or hardware error, the first LBA that failed" : "";
            writer.Write($"  information  {info}{(sense.InformationValid ? "" : " (VALID bit not set)")}{lba}\n");
        }

        if (sense.CommandSpecific is > 0 and var command)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"  command-specific information  0x{command:x}\n"));
        }

        foreach (var d in sense.Descriptors)
        {
            var name = d.Type switch
            {
                0x00 => "information",
                0x01 => "command specific",
                0x02 => "sense key specific",
                0x03 => "field replaceable unit",
                0x09 => "ATA status return",
                _ => "type 0x" + d.Type.ToString("x2", CultureInfo.InvariantCulture),
            };
            writer.Write($"  descriptor   {name}: {Convert.ToHexString(d.Bytes).ToLowerInvariant()}\n");
            if (d.Type == 0x09 && d.Bytes.Length >= 14)
            {
                // ATA status return (SAT): error byte 3, count 5, LBA bytes 7/9/11 (+ 6/8/10 when extended), device 12, status 13.
                var b = d.Bytes;
                var extended = (b[2] & 1) != 0;
                ulong lba = ((ulong)b[11] << 16) | ((ulong)b[9] << 8) | b[7];
                if (extended)
                {
                    lba |= ((ulong)b[10] << 40) | ((ulong)b[8] << 32) | ((ulong)b[6] << 24);
                }

                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"               ATA status 0x{b[13]:x2}, error 0x{b[3]:x2}{((b[3] & 0x40) != 0 ? " (UNC: uncorrectable data)" : "")}, LBA {lba}\n"));
            }
        }
    }
}

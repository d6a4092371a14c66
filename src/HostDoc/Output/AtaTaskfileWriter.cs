using System.Globalization;
using HostDoc.KernelLog.Decoders;

namespace HostDoc.Output;

/// <summary><c>hostdoc decode ata 'cmd …' ['res …']</c>: libata's taskfile dump in words.</summary>
public static class AtaTaskfileWriter
{
    /// <summary>Writes the command, and the result with its error bits and failing LBA when given.</summary>
    public static void Write(TextWriter writer, AtaTaskfile command, AtaTaskfile? result, string? resultLine)
    {
        var name = AtaNames.Command(command.Command);
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"command  0x{command.Command:x2} {name}, {(command.Is28Bit ? "28" : "48")}-bit LBA {command.Lba}, {command.Sectors} sector(s) ({command.Lba}–{command.Lba + (ulong)command.Sectors - 1}){(command.IsNcq ? $", NCQ tag {command.Tag}" : "")}\n"));
        if (result is null)
        {
            return;
        }

        var lba = command.Is28Bit ? result.Lba28 : result.Lba48;
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"status   0x{result.Command:x2} {{ {AtaNames.Status(result.Command)} }}\n"));
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"error    0x{result.Feature:x2} {{ {AtaNames.Error(result.Feature)} }}{((result.Feature & 0x40) != 0 ? ": uncorrectable data (a bad sector)" : "")}\n"));
        if ((result.Command & 0x01) != 0)
        {
            var inside = lba >= command.Lba && lba < command.Lba + (ulong)command.Sectors;
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"failing LBA {lba}{(inside ? $" ({lba - command.Lba} sector(s) into the request)" : " (outside the request: the result registers may not hold an address)")}\n"));
        }

        if (Emask(resultLine) is { } emask)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"Emask    0x{emask:x}:\n"));
            foreach (var (bit, meaning) in AtaNames.Emask(emask))
            {
                writer.Write($"  {bit,-10} {meaning}\n");
            }
        }
    }

    /// <summary>The value after "Emask 0x" in a res line.</summary>
    private static int? Emask(string? line)
    {
        var at = line?.IndexOf("Emask 0x", StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        var digits = line.AsSpan(at + 8);
        var end = 0;
        while (end < digits.Length && char.IsAsciiHexDigit(digits[end]))
        {
            end++;
        }

        return int.TryParse(digits[..end], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}

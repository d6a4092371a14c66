using System.Globalization;

namespace HostDoc.KernelLog.Decoders;

/// <summary>
/// The ATA taskfile libata prints after <c>cmd</c> and <c>res</c>: <c>CC/FF:NN:L0:L1:L2/HF:HN:L3:L4:L5/DD</c>
/// (libata-eh.c ata_eh_link_report). In a <c>cmd</c> CC is the command and FF the feature; in a
/// <c>res</c> they are the status and error registers.
/// </summary>
/// <param name="Command">Command opcode (cmd) or status register (res).</param>
/// <param name="Feature">Feature (cmd) or error register (res).</param>
/// <param name="Count">Sector count register (NN).</param>
/// <param name="LbaLow">L0 (LBA 7:0).</param>
/// <param name="LbaMid">L1 (LBA 15:8).</param>
/// <param name="LbaHigh">L2 (LBA 23:16).</param>
/// <param name="HobFeature">HF.</param>
/// <param name="HobCount">HN.</param>
/// <param name="HobLbaLow">L3 (LBA 31:24).</param>
/// <param name="HobLbaMid">L4 (LBA 39:32).</param>
/// <param name="HobLbaHigh">L5 (LBA 47:40).</param>
/// <param name="Device">Device register (bit 6 LBA mode; bits 3:0 LBA 27:24 for 28-bit commands).</param>
public sealed record AtaTaskfile(
    int Command, int Feature, int Count, int LbaLow, int LbaMid, int LbaHigh,
    int HobFeature, int HobCount, int HobLbaLow, int HobLbaMid, int HobLbaHigh, int Device)
{
    private static readonly int[] TwentyEightBit = [0x20, 0x21, 0x30, 0x31, 0x40, 0x41, 0xC4, 0xC5, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC];

    /// <summary>The 48-bit LBA.</summary>
    public ulong Lba48 => ((ulong)(uint)HobLbaHigh << 40) | ((ulong)(uint)HobLbaMid << 32) | ((ulong)(uint)HobLbaLow << 24)
        | ((ulong)(uint)LbaHigh << 16) | ((ulong)(uint)LbaMid << 8) | (uint)LbaLow;

    /// <summary>The 28-bit LBA (device register bits 3:0 on top).</summary>
    public ulong Lba28 => ((ulong)(uint)(Device & 0x0f) << 24) | ((ulong)(uint)LbaHigh << 16) | ((ulong)(uint)LbaMid << 8) | (uint)LbaLow;

    /// <summary>True when this command (in a cmd taskfile) is a 28-bit one.</summary>
    public bool Is28Bit => Array.IndexOf(TwentyEightBit, Command) >= 0;

    /// <summary>True for NCQ commands (READ/WRITE FPDMA QUEUED, NCQ NON-DATA, SEND/RECEIVE FPDMA).</summary>
    public bool IsNcq => Command is 0x60 or 0x61 or 0x63 or 0x64 or 0x65;

    /// <summary>The LBA the command addresses, 28- or 48-bit as the command is.</summary>
    public ulong Lba => Is28Bit ? Lba28 : Lba48;

    /// <summary>Sectors: FPDMA keeps the count in the feature registers; 0 means 65536 (48-bit) or 256 (28-bit).</summary>
    public int Sectors =>
        IsNcq ? ((HobFeature << 8) | Feature) is 0 ? 65536 : (HobFeature << 8) | Feature
        : Is28Bit ? Count == 0 ? 256 : Count
        : ((HobCount << 8) | Count) is 0 ? 65536 : (HobCount << 8) | Count;

    /// <summary>The NCQ tag (count register bits 7:3).</summary>
    public int Tag => Count >> 3;

    /// <summary>Parses the <c>CC/FF:NN:…/DD</c> group anywhere in <paramref name="text"/> (a whole <c>cmd …</c> or <c>res …</c> line works).</summary>
    public static AtaTaskfile? Find(string text)
    {
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var groups = token.Split('/');
            if (groups.Length != 4)
            {
                continue;
            }

            var low = groups[1].Split(':');
            var high = groups[2].Split(':');
            var values = new[] { groups[0] }.Concat(low).Concat(high).Append(groups[3]).ToArray();
            if (low.Length == 5 && high.Length == 5 && values.All(v => v.Length == 2 && v.All(char.IsAsciiHexDigit)))
            {
                var b = values.Select(v => int.Parse(v, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)).ToArray();
                return new AtaTaskfile(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11]);
            }
        }

        return null;
    }
}

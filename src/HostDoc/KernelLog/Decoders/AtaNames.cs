namespace HostDoc.KernelLog.Decoders;

/// <summary>Names of ATA commands, status and error bits, and libata's Emask bits (include/linux/ata.h, libata.h, libata-eh.c).</summary>
public static class AtaNames
{
    private static readonly Dictionary<int, string> Commands = new()
    {
        [0x00] = "NOP", [0x06] = "DATA SET MANAGEMENT", [0x08] = "DEVICE RESET", [0x20] = "READ SECTOR(S)", [0x24] = "READ SECTOR(S) EXT",
        [0x25] = "READ DMA EXT", [0x26] = "READ DMA QUEUED EXT", [0x27] = "READ NATIVE MAX ADDRESS EXT", [0x29] = "READ MULTIPLE EXT",
        [0x2F] = "READ LOG EXT", [0x30] = "WRITE SECTOR(S)", [0x34] = "WRITE SECTOR(S) EXT", [0x35] = "WRITE DMA EXT",
        [0x36] = "WRITE DMA QUEUED EXT", [0x37] = "SET MAX ADDRESS EXT", [0x39] = "WRITE MULTIPLE EXT", [0x3D] = "WRITE DMA FUA EXT",
        [0x3F] = "WRITE LOG EXT", [0x40] = "READ VERIFY SECTOR(S)", [0x42] = "READ VERIFY SECTOR(S) EXT", [0x45] = "WRITE UNCORRECTABLE EXT",
        [0x47] = "READ LOG DMA EXT", [0x57] = "WRITE LOG DMA EXT", [0x60] = "READ FPDMA QUEUED", [0x61] = "WRITE FPDMA QUEUED",
        [0x63] = "NCQ NON-DATA", [0x64] = "SEND FPDMA QUEUED", [0x65] = "RECEIVE FPDMA QUEUED", [0x70] = "SEEK",
        [0x90] = "EXECUTE DEVICE DIAGNOSTIC", [0x91] = "INITIALIZE DEVICE PARAMETERS", [0x92] = "DOWNLOAD MICROCODE",
        [0xA0] = "PACKET", [0xA1] = "IDENTIFY PACKET DEVICE", [0xB0] = "SMART", [0xC4] = "READ MULTIPLE", [0xC5] = "WRITE MULTIPLE",
        [0xC6] = "SET MULTIPLE MODE", [0xC8] = "READ DMA", [0xCA] = "WRITE DMA", [0xE0] = "STANDBY IMMEDIATE", [0xE1] = "IDLE IMMEDIATE",
        [0xE2] = "STANDBY", [0xE3] = "IDLE", [0xE4] = "READ BUFFER", [0xE5] = "CHECK POWER MODE", [0xE6] = "SLEEP",
        [0xE7] = "FLUSH CACHE", [0xE8] = "WRITE BUFFER", [0xEA] = "FLUSH CACHE EXT", [0xEC] = "IDENTIFY DEVICE", [0xEF] = "SET FEATURES",
        [0xF1] = "SECURITY SET PASSWORD", [0xF2] = "SECURITY UNLOCK", [0xF8] = "READ NATIVE MAX ADDRESS", [0xF9] = "SET MAX ADDRESS",
    };

    private static readonly (int Bit, string Name)[] StatusBits = [(0x80, "BSY"), (0x40, "DRDY"), (0x20, "DF"), (0x10, "DSC"), (0x08, "DRQ"), (0x04, "CORR"), (0x02, "SENSE"), (0x01, "ERR")];

    private static readonly (int Bit, string Name)[] ErrorBits = [(0x80, "ICRC"), (0x40, "UNC"), (0x20, "MC"), (0x10, "IDNF"), (0x08, "MCR"), (0x04, "ABRT"), (0x02, "TRK0NF"), (0x01, "AMNF")];

    private static readonly (int Bit, string Name, string Meaning)[] EmaskBits =
    [
        (0x1, "DEV", "device error: the drive reported the failure"),
        (0x2, "HSM", "host state machine violation"),
        (0x4, "TIMEOUT", "the command timed out"),
        (0x8, "MEDIA", "media error: the data could not be read or written"),
        (0x10, "ATA_BUS", "ATA bus error (cable, link)"),
        (0x20, "HOST_BUS", "host bus error (controller)"),
        (0x40, "SYSTEM", "system/internal error"),
        (0x80, "INVALID", "invalid argument"),
        (0x100, "OTHER", "other error"),
        (0x200, "NODEV_HINT", "the device may be gone"),
        (0x400, "NCQ", "this was the failed command of an NCQ batch"),
    ];

    /// <summary>The command name, or "unknown (0xNN)".</summary>
    public static string Command(int opcode) => Commands.TryGetValue(opcode, out var name) ? name : $"unknown (0x{opcode:x2})";

    /// <summary>Status register bits as libata prints them: <c>DRDY ERR</c>.</summary>
    public static string Status(int value) => Bits(value, StatusBits);

    /// <summary>Error register bits: <c>UNC</c>.</summary>
    public static string Error(int value) => Bits(value, ErrorBits);

    /// <summary>Every Emask bit with its meaning (libata prints only the most severe word).</summary>
    public static IReadOnlyList<(string Name, string Meaning)> Emask(int value) =>
        EmaskBits.Where(b => (value & b.Bit) != 0).Select(b => (b.Name, b.Meaning)).ToArray();

    private static string Bits(int value, (int Bit, string Name)[] table) =>
        string.Join(' ', table.Where(b => (value & b.Bit) != 0).Select(b => b.Name));
}

namespace HostDoc.KernelLog.Decoders;

/// <summary>
/// The address and length of READ/WRITE/VERIFY/WRITE SAME command descriptor blocks (SBC-4): the
/// 6-, 10-, 12- and 16-byte forms, big-endian, in logical blocks of the device (4096 bytes on a 4Kn disk).
/// </summary>
public static class ScsiCdb
{
    /// <summary>Reads the LBA and block count of <paramref name="cdb"/>; false for other commands.</summary>
    public static bool TryReadAddress(ReadOnlySpan<byte> cdb, out ulong lba, out uint blocks)
    {
        lba = 0;
        blocks = 0;
        if (cdb.IsEmpty)
        {
            return false;
        }

        switch (cdb[0])
        {
            case 0x08 or 0x0a when cdb.Length >= 6:
                lba = ((ulong)(cdb[1] & 0x1fu) << 16) | ((ulong)cdb[2] << 8) | cdb[3];
                blocks = cdb[4] == 0 ? 256u : cdb[4];
                return true;
            case 0x28 or 0x2a or 0x2e or 0x2f or 0x41 when cdb.Length >= 10:
                lba = BigEndian.Read(cdb.Slice(2, 4));
                blocks = (uint)BigEndian.Read(cdb.Slice(7, 2));
                return true;
            case 0xa8 or 0xaa or 0xae or 0xaf when cdb.Length >= 12:
                lba = BigEndian.Read(cdb.Slice(2, 4));
                blocks = (uint)BigEndian.Read(cdb.Slice(6, 4));
                return true;
            case 0x88 or 0x8a or 0x8e or 0x8f or 0x93 when cdb.Length >= 16:
                lba = BigEndian.Read(cdb.Slice(2, 8));
                blocks = (uint)BigEndian.Read(cdb.Slice(10, 4));
                return true;
            default:
                return false;
        }
    }
}

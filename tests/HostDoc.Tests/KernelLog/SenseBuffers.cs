namespace HostDoc.Tests.KernelLog;

/// <summary>Sense data as a device returns it (SPC-4 4.5), built from its fields, for decoder tests.</summary>
internal static class SenseBuffers
{
    /// <summary>Fixed format (0x70 current, VALID set) with a 32-bit information field.</summary>
    public static byte[] Fixed(int key, int asc, int ascq, uint info) =>
        [0xf0, 0, (byte)key, (byte)((info >> 24) & 0xff), (byte)((info >> 16) & 0xff), (byte)((info >> 8) & 0xff), (byte)(info & 0xff), 10, 0, 0, 0, 0, (byte)asc, (byte)ascq, 0, 0, 0, 0];

    /// <summary>Descriptor format (0x72) with one information descriptor (type 0, VALID) holding a 64-bit value.</summary>
    public static byte[] Descriptor(int key, int asc, int ascq, ulong info)
    {
        var b = new byte[20] { 0x72, (byte)key, (byte)asc, (byte)ascq, 0, 0, 0, 12, 0, 10, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
        for (var i = 0; i < 8; i++)
        {
            b[12 + i] = (byte)((info >> (56 - (8 * i))) & 0xff);
        }

        return b;
    }
}

namespace HostDoc.KernelLog.Decoders;

/// <summary>Big-endian integers as SCSI lays them out (CDB addresses, sense information fields).</summary>
internal static class BigEndian
{
    /// <summary>The unsigned value of up to 8 bytes, most significant first.</summary>
    public static ulong Read(ReadOnlySpan<byte> bytes)
    {
        ulong value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }
}

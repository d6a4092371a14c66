namespace HostDoc.KernelLog.Decoders;

/// <summary>One descriptor of descriptor-format sense data.</summary>
/// <param name="Type">0x00 information, 0x01 command specific, 0x02 sense key specific, 0x09 ATA status return, …</param>
/// <param name="Bytes">The descriptor's bytes, type and length included.</param>
public sealed record SenseDescriptor(int Type, byte[] Bytes);

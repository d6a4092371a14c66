namespace HostDoc.KernelLog.Following;

/// <summary>Bytes of one file to read this run.</summary>
/// <param name="Path">The file.</param>
/// <param name="Start">The first byte (of the decompressed content).</param>
/// <param name="End">The byte after the last one; null: to the end of the file.</param>
/// <param name="Compressed">True for a gzip file.</param>
/// <param name="Handle">The file as opened when the run was planned.</param>
public sealed record FileSegment(string Path, long Start, long? End, bool Compressed, Microsoft.Win32.SafeHandles.SafeFileHandle Handle);

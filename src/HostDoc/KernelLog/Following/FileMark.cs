namespace HostDoc.KernelLog.Following;

/// <summary>
/// One file read up to an offset: the file by device, inode and a hash of its first bytes (an inode is
/// reused, and compression or copytruncate's copy makes a new one with the same head), and the offset
/// just past the last line consumed.
/// </summary>
/// <param name="Device">st_dev of the file.</param>
/// <param name="Inode">st_ino of the file.</param>
/// <param name="Head">Its first bytes (never past <paramref name="Offset"/>), hashed.</param>
/// <param name="Offset">Bytes consumed (of the decompressed content for a compressed file).</param>
public sealed record FileMark(ulong Device, ulong Inode, FileHead Head, long Offset);

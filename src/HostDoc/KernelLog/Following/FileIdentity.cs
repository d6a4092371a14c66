using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace HostDoc.KernelLog.Following;

/// <summary>
/// Which file an open handle is: its device and inode (statx(2), whose layout is the same on every
/// architecture) and its size at that moment. A rename keeps both; compression, copytruncate's copy
/// and a newly created log get new ones.
/// </summary>
/// <param name="Device">The device number, major &lt;&lt; 32 | minor.</param>
/// <param name="Inode">The inode number.</param>
/// <param name="Size">The size in bytes when it was asked.</param>
public readonly partial record struct FileIdentity(ulong Device, ulong Inode, long Size)
{
    private const int AtEmptyPath = 0x1000;
    private const uint BasicStats = 0x7ff;
    private const int InodeOffset = 32;
    private const int SizeOffset = 40;
    private const int DeviceMajorOffset = 136;
    private const int DeviceMinorOffset = 140;

    /// <summary>The identity of the file open on <paramref name="handle"/>; null when the kernel does not say.</summary>
    public static FileIdentity? Of(SafeFileHandle handle)
    {
        var buffer = new byte[256];
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            if (statx((int)handle.DangerousGetHandle(), "", AtEmptyPath, BasicStats, buffer) != 0)
            {
                return null;
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        var major = MemoryMarshal.Read<uint>(buffer.AsSpan(DeviceMajorOffset));
        var minor = MemoryMarshal.Read<uint>(buffer.AsSpan(DeviceMinorOffset));
        return new FileIdentity(((ulong)major << 32) | minor, MemoryMarshal.Read<ulong>(buffer.AsSpan(InodeOffset)),
            (long)Math.Min(MemoryMarshal.Read<ulong>(buffer.AsSpan(SizeOffset)), long.MaxValue));
    }

    /// <summary>True when <paramref name="other"/> is the same file (device and inode), whatever its size.</summary>
    public bool SameFile(FileIdentity other) => Device == other.Device && Inode == other.Inode;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}

using System.Runtime.InteropServices;
using System.Text;

namespace HostDoc.KernelLog;

/// <summary>
/// Reads the kernel's log buffer as records: on the live host from <c>/dev/kmsg</c> (opened
/// non-blocking, one record per read(2), EPIPE for records overwritten while reading, EAGAIN at the
/// end); in a captured tree from a file <c>dev/kmsg</c> holding the same records one a line.
/// Unreadable (not root, no such file) gives no records, never an error that stops a command.
/// </summary>
public static partial class KmsgReader
{
    private const int ReadOnlyNonBlocking = 0x800;   // O_RDONLY | O_NONBLOCK
    private const int TryAgain = 11;                 // EAGAIN
    private const int BrokenPipe = 32;               // EPIPE: records were overwritten; go on with the next
    private const int MaxRecords = 1 << 20;

    /// <summary>Every record the kernel still holds, oldest first.</summary>
    public static IReadOnlyList<KmsgRecord> ReadAll(HostRoot root) => ReadAll(root, out _);

    /// <summary>Every record the kernel still holds; <paramref name="openError"/> is the errno when /dev/kmsg could not be opened, else 0.</summary>
    public static IReadOnlyList<KmsgRecord> ReadAll(HostRoot root, out int openError)
    {
        openError = 0;
        if (!root.IsLive)
        {
            var text = root.ReadText("/dev/kmsg").Value;
            return text is null ? [] : text.Split('\n').Select(l => KmsgRecord.TryParse(l)).OfType<KmsgRecord>().ToArray();
        }

        return ReadRaw(out openError).Select(r => KmsgRecord.TryParse(r)).OfType<KmsgRecord>().ToArray();
    }

    /// <summary>
    /// The live host's records as the kernel wrote them (<c>prio,seq,usec,flags;message</c>, continuation lines dropped),
    /// for a snapshot's <c>dev/kmsg</c>; <paramref name="openError"/> is the errno when /dev/kmsg could not be opened.
    /// </summary>
    public static IReadOnlyList<string> ReadRaw(out int openError)
    {
        openError = 0;
        var records = new List<string>();
        var fd = open("/dev/kmsg", ReadOnlyNonBlocking);
        if (fd < 0)
        {
            openError = Marshal.GetLastPInvokeError();
            return records;
        }

        try
        {
            var buffer = new byte[8192];
            while (records.Count < MaxRecords)
            {
                var n = read(fd, buffer, buffer.Length);
                if (n > 0)
                {
                    var text = Encoding.UTF8.GetString(buffer, 0, (int)n);
                    var newline = text.IndexOf('\n', StringComparison.Ordinal);
                    records.Add(newline < 0 ? text : text[..newline]);

                    continue;
                }

                if (n < 0 && Marshal.GetLastPInvokeError() == BrokenPipe)
                {
                    continue;
                }

                break;   // 0, EAGAIN (end of the buffer) or another error
            }
        }
        finally
        {
            _ = close(fd);
        }

        return records;
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint read(int fd, [Out] byte[] buffer, nint count);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}

using System.Runtime.InteropServices;

namespace HostDoc.StateFiles;

/// <summary>
/// An exclusive flock(2) on <c>STATE.lock</c>, held for a whole run: two runs of the check never read
/// the same lines, the second waits for the first (up to its deadline) and starts from the first's
/// state. The lock goes with the process, so a killed run never leaves it held.
/// </summary>
public sealed partial class StateLock : IDisposable
{
    private const int Exclusive = 2;      // LOCK_EX
    private const int NonBlocking = 4;    // LOCK_NB
    private const int WouldBlock = 11;    // EWOULDBLOCK
    private const int CreateReadWrite = 0x42 | 0x80000;   // O_RDWR | O_CREAT | O_CLOEXEC

    private readonly int fd;

    private StateLock(int fd) => this.fd = fd;

    /// <summary>Takes the lock beside <paramref name="statePath"/>, waiting until <paramref name="deadline"/>; null with <paramref name="error"/> when it cannot.</summary>
    public static StateLock? Acquire(string statePath, DateTime deadline, out string? error)
    {
        error = null;
        var path = statePath + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var fd = open(path, CreateReadWrite, 0x1a4);   // 0644
        if (fd < 0)
        {
            error = $"{path}: cannot open the lock file (errno {Marshal.GetLastPInvokeError()})";
            return null;
        }

        while (true)
        {
            if (flock(fd, Exclusive | NonBlocking) == 0)
            {
                return new StateLock(fd);
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno != WouldBlock || DateTime.UtcNow >= deadline)
            {
                _ = close(fd);
                error = errno == WouldBlock
                    ? $"{path}: another run of the check holds the state and did not finish in time"
                    : $"{path}: cannot lock (errno {errno})";
                return null;
            }

            Thread.Sleep(20);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _ = close(fd);   // closing the descriptor releases the lock

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags, int mode);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int flock(int fd, int operation);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}

using System.Runtime.InteropServices;
using HostDoc.Sources;

namespace HostDoc.Storage;

/// <summary>
/// statvfs(3) on the running system. Filesystems that answer from a server (NFS, CIFS, FUSE,
/// Ceph, …) can block forever when it is gone, so those are asked on a thread of their own and
/// given up after the timeout; local filesystems answer from in-memory counters and are asked
/// directly, which keeps the common case free of threads.
/// </summary>
public sealed partial class LiveStatvfs(TimeSpan timeout) : IStatvfs
{
    private const ulong ReadOnlyFlag = 1;   // ST_RDONLY

    /// <inheritdoc />
    public Sourced<FsStats> Query(string mountPoint, string fsType) => QueryAll([(mountPoint, fsType)])[0];

    /// <inheritdoc />
    public IReadOnlyList<Sourced<FsStats>> QueryAll(IReadOnlyList<(string MountPoint, string FsType)> mounts)
    {
        var results = new Sourced<FsStats>?[mounts.Count];
        var workers = new List<(int Index, Thread Thread)>();
        for (var i = 0; i < mounts.Count; i++)
        {
            var (mountPoint, fsType) = mounts[i];
            if (!FilesystemKinds.CanHang(fsType))
            {
                results[i] = Call(mountPoint);
                continue;
            }

            var index = i;
            var worker = new Thread(() => results[index] = Call(mountPoint)) { IsBackground = true, Name = "statvfs " + mountPoint };
            worker.Start();
            workers.Add((i, worker));
        }

        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        foreach (var (index, worker) in workers)
        {
            var left = Math.Max(0, deadline - Environment.TickCount64);
            if (!worker.Join(TimeSpan.FromMilliseconds(left)) || Volatile.Read(ref results[index]) is null)
            {
                results[index] = Sourced<FsStats>.Failed(new SourceProblem("statvfs " + mounts[index].MountPoint, ProblemKind.Timeout,
                    $"no answer within {timeout.TotalSeconds:0.#} s ({mounts[index].FsType}: the server or FUSE daemon does not respond)"));
            }
        }

        return results.Select(r => r!).ToArray();
    }

    private static Sourced<FsStats> Call(string mountPoint)
    {
        if (statvfs(mountPoint, out var buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            var kind = errno switch { 2 => ProblemKind.Missing, 13 => ProblemKind.PermissionDenied, _ => ProblemKind.IoError };
            return Sourced<FsStats>.Failed(new SourceProblem("statvfs " + mountPoint, kind, Marshal.GetPInvokeErrorMessage(errno)));
        }

        return Sourced<FsStats>.Of(new FsStats(
            buffer.FragmentSize == 0 ? buffer.BlockSize : buffer.FragmentSize,
            buffer.Blocks, buffer.BlocksFree, buffer.BlocksAvailable,
            buffer.Files, buffer.FilesFree, buffer.FilesAvailable,
            (buffer.Flag & ReadOnlyFlag) != 0));
    }

    [LibraryImport("libc", EntryPoint = "statvfs", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statvfs(string path, out StatvfsBuffer buffer);

    /// <summary>struct statvfs of glibc and musl on 64-bit Linux (LP64).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct StatvfsBuffer
    {
        public ulong BlockSize;
        public ulong FragmentSize;
        public ulong Blocks;
        public ulong BlocksFree;
        public ulong BlocksAvailable;
        public ulong Files;
        public ulong FilesFree;
        public ulong FilesAvailable;
        public ulong FsId;
        public ulong Flag;
        public ulong NameMax;
        public long Spare0;
        public long Spare1;
        public long Spare2;
    }
}

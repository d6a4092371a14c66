using HostDoc.Proc.Pid;
using HostDoc.Sources;

namespace HostDoc.Storage;

/// <summary>
/// statvfs answers carried by a captured tree in <c>hostdoc/statvfs</c>, one mount a line:
/// <c>MOUNTPOINT FRSIZE BLOCKS BFREE BAVAIL FILES FFREE FAVAIL ro|rw</c>, the mount point escaped as
/// in mountinfo; or <c>MOUNTPOINT hang</c> for a mount that did not answer when the tree was
/// captured (so the timeout path can be tested without a hung server).
/// </summary>
public sealed class TreeStatvfs : IStatvfs
{
    /// <summary>The file inside the tree.</summary>
    public const string KernelPath = "/hostdoc/statvfs";

    private readonly Dictionary<string, Sourced<FsStats>> _byMountPoint;
    private readonly SourceProblem? _unreadable;

    private TreeStatvfs(Dictionary<string, Sourced<FsStats>> byMountPoint, SourceProblem? unreadable)
    {
        _byMountPoint = byMountPoint;
        _unreadable = unreadable;
    }

    /// <summary>Reads the tree's table; a missing table makes every query a "missing" problem.</summary>
    public static TreeStatvfs Read(HostRoot root)
    {
        var text = root.ReadText(KernelPath);
        var table = new Dictionary<string, Sourced<FsStats>>(StringComparer.Ordinal);
        if (text.Value is null)
        {
            return new TreeStatvfs(table, text.Problems[0]);
        }

        var lineNumber = 0;
        foreach (var line in text.Value.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var fields = line.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            var mountPoint = Mountinfo.Unescape(fields[0]);
            table[mountPoint] = fields is [_, "hang"]
                ? Sourced<FsStats>.Failed(new SourceProblem("statvfs " + mountPoint, ProblemKind.Timeout, "did not answer when the tree was captured"))
                : TryParse(fields, out var stats)
                    ? Sourced<FsStats>.Of(stats)
                    : Sourced<FsStats>.Failed(SourceProblem.FromParse(KernelPath,
                        ParseError.At(lineNumber, "\"MOUNTPOINT FRSIZE BLOCKS BFREE BAVAIL FILES FFREE FAVAIL ro|rw\"", line, mountPoint)));
        }

        return new TreeStatvfs(table, null);
    }

    /// <inheritdoc />
    public Sourced<FsStats> Query(string mountPoint, string fsType) =>
        _byMountPoint.TryGetValue(mountPoint, out var stats) ? stats
        : Sourced<FsStats>.Failed(_unreadable ?? new SourceProblem(KernelPath, ProblemKind.Missing, $"the tree carries no statvfs for {mountPoint}"));

    private static bool TryParse(string[] f, out FsStats stats)
    {
        stats = null!;
        var numbers = new ulong[7];
        if (f.Length != 9 || f[8] is not ("ro" or "rw"))
        {
            return false;
        }

        for (var i = 0; i < 7; i++)
        {
            if (!KernelNumber.TryParseUnsigned(f[i + 1], out numbers[i]))
            {
                return false;
            }
        }

        stats = new FsStats(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6], f[8] == "ro");
        return true;
    }
}

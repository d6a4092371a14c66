namespace HostDoc.Proc;

/// <summary><c>/proc/swaps</c>: the swap areas in use (Filename Type Size Used Priority), by path.</summary>
public static class Swaps
{
    /// <summary>The paths of the swap areas (block devices as /dev/…, or files).</summary>
    public static IReadOnlyList<string> Read(HostRoot root) =>
        root.ReadText("/proc/swaps", 64 * 1024).Value?.Split('\n').Skip(1)
            .Select(l => l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 2)
            .Select(f => Proc.Pid.Mountinfo.Unescape(f[0]))
            .ToArray() ?? [];
}

namespace HostDoc.Proc;

/// <summary><c>/proc/swaps</c>: the swap areas in use (Filename Type Size Used Priority), by path.</summary>
public static class Swaps
{
    private const string DeletedSuffix = "\\040(deleted)";

    /// <summary>The paths of the swap areas (block devices as /dev/…, or files).</summary>
    public static IReadOnlyList<string> Read(HostRoot root) =>
        root.ReadText("/proc/swaps", 64 * 1024).Value is { } text ? Parse(text) : [];

    /// <summary>
    /// The paths in the text, escapes decoded; the <c>\040(deleted)</c> that d_path appends for a swap
    /// file unlinked while in use is dropped (libmount does the same).
    /// </summary>
    public static IReadOnlyList<string> Parse(string text) =>
        text.Split('\n').Skip(1)
            .Select(l => l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 2)
            .Select(f => Pid.Mountinfo.Unescape(f[0].EndsWith(DeletedSuffix, StringComparison.Ordinal) ? f[0][..^DeletedSuffix.Length] : f[0]))
            .ToArray();
}

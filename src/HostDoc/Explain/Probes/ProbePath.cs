using HostDoc.Proc.Pid;
using HostDoc.Storage;

namespace HostDoc.Explain.Probes;

/// <summary>The path a probe looks at and the mount holding it.</summary>
internal static class ProbePath
{
    /// <summary>The request's path made absolute (a relative one against the working directory on a live host, against / in a tree) and without a trailing slash.</summary>
    public static string? Absolute(HostRoot root, ExplainRequest request)
    {
        if (request.Path is not { Length: > 0 } path)
        {
            return null;
        }

        var absolute = path.StartsWith('/') ? path : root.IsLive ? System.IO.Path.GetFullPath(path) : "/" + path;
        return absolute.Length > 1 ? absolute.TrimEnd('/') is { Length: > 0 } t ? t : "/" : absolute;
    }

    /// <summary>The mount holding <paramref name="path"/> (longest mount point that is a prefix; the last mounted of equals).</summary>
    public static MountinfoEntry? Holding(HostModel host, string path) =>
        host.Mountinfo.Value is { } mounts ? MountLookup.Holding(mounts.Entries, path) : null;

    /// <summary>The first problem's text, or "no reason given".</summary>
    public static string Why(IReadOnlyList<Sources.SourceProblem> problems) => problems.Count > 0 ? problems[0].ToString() : "no reason given";
}

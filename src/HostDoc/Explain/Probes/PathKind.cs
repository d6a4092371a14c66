using HostDoc.Roots;

namespace HostDoc.Explain.Probes;

/// <summary>What is at a name, looked at without following it (lstat's view) and then through its links.</summary>
/// <param name="Exists">Something is at the name itself (a dangling link counts).</param>
/// <param name="Links">The symbolic links met on the way, each "name → target", in order.</param>
/// <param name="Final">Where the links lead (the name itself when it is not a link).</param>
/// <param name="FinalExists">The final name exists.</param>
/// <param name="FinalIsDirectory">The final name is a directory.</param>
/// <param name="Loop">Links went round more than 40 times (ELOOP).</param>
public sealed record PathKind(bool Exists, IReadOnlyList<string> Links, string Final, bool FinalExists, bool FinalIsDirectory, bool Loop)
{
    /// <summary>The kernel's limit of links followed in one lookup.</summary>
    public const int MaxLinks = 40;

    /// <summary>True for a symbolic link whose target is missing.</summary>
    public bool Dangling => Links.Count > 0 && !FinalExists && !Loop;

    /// <summary>Looks at <paramref name="path"/> through <paramref name="root"/> (links resolve inside a tree or snapshot).</summary>
    public static PathKind Of(HostRoot root, string path)
    {
        var links = new List<string>();
        var current = path;
        while (links.Count <= MaxLinks && root.ReadLink(current) is { } target)
        {
            links.Add($"{current} → {target}");
            current = KernelPath.Normalize(KernelPath.Parent(current), target);
        }

        var loop = links.Count > MaxLinks;
        var finalExists = !loop && root.Exists(current);
        return new PathKind(links.Count > 0 || finalExists, links, current, finalExists, finalExists && root.IsDirectory(current), loop);
    }

    /// <summary>What it is, in words.</summary>
    public string Describe() => (Links.Count, FinalExists, FinalIsDirectory) switch
    {
        _ when Loop => "a symbolic link that loops (more than 40 links)",
        (0, false, _) => "nothing",
        (0, true, true) => "a directory",
        (0, true, false) => "a file (not a directory)",
        (_, false, _) => $"a symbolic link to {Final}, which does not exist (a dangling link)",
        (_, true, true) => $"a symbolic link to the directory {Final}",
        _ => $"a symbolic link to the file {Final}",
    };
}

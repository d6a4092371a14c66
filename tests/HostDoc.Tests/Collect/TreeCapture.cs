using HostDoc.Collect;

namespace HostDoc.Tests.Collect;

/// <summary>A captured tree on disk as a <see cref="CapturedTree"/>, as if collect had read it (for redaction tests on real incident trees).</summary>
internal static class TreeCapture
{
    public static CapturedTree Of(string dir)
    {
        var tree = new CapturedTree(CollectOptions.DefaultMaxBytes);
        Walk(tree, dir, dir);
        return tree;
    }

    /// <summary>Every entry under <paramref name="directory"/>; links are recorded, never followed (sysfs trees loop).</summary>
    private static void Walk(CapturedTree tree, string top, string directory)
    {
        foreach (var info in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            var path = Path.GetRelativePath(top, info.FullName);
            if (path == "README.md")
            {
                continue;
            }

            if (info.LinkTarget is { } target)
            {
                tree.AddLink(path, target);
            }
            else if (info is DirectoryInfo)
            {
                tree.AddDirectory(path);
                Walk(tree, top, info.FullName);
            }
            else
            {
                tree.AddFile(path, File.ReadAllBytes(info.FullName), info.LastWriteTimeUtc);
            }
        }
    }
}

using HostDoc.Collect;

namespace HostDoc.Tests.Collect;

/// <summary>A captured tree on disk as a <see cref="CapturedTree"/>, as if collect had read it (for redaction tests on real incident trees).</summary>
internal static class TreeCapture
{
    public static CapturedTree Of(string dir)
    {
        var tree = new CapturedTree(CollectOptions.DefaultMaxBytes);
        foreach (var info in new DirectoryInfo(dir).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var path = Path.GetRelativePath(dir, info.FullName);
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
            }
            else
            {
                tree.AddFile(path, File.ReadAllBytes(info.FullName), info.LastWriteTimeUtc);
            }
        }

        return tree;
    }
}

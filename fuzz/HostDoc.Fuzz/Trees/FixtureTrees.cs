namespace HostDoc.Fuzz.Trees;

/// <summary>The repository's captured trees: every folder of tests/fixtures and samples/ that holds a proc/ or sys/.</summary>
public static class FixtureTrees
{
    private static readonly string[] Folders = ["tests/fixtures", "samples"];

    /// <summary>The trees under the repository at <paramref name="repository"/>.</summary>
    public static IReadOnlyList<string> In(string repository) =>
        Folders.Select(d => Path.Combine(repository, d)).Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Where(d => Directory.Exists(Path.Combine(d, "proc")) || Directory.Exists(Path.Combine(d, "sys")))
            .Order(StringComparer.Ordinal).ToArray();

    /// <summary>The repository holding <paramref name="start"/>: the nearest folder up with hostdoc.slnx.</summary>
    public static string Repository(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "hostdoc.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no hostdoc.slnx above {start}");
    }
}

namespace HostDoc.Etc.WebServers;

/// <summary>
/// Configuration files as web servers include them: a path relative to the server's prefix, with <c>*</c>, <c>?</c> and
/// <c>[…]</c> wildcards in any component, expanded in sorted order (glob(3) as nginx and Apache use it), read through the
/// host root. Bounded: at most <see cref="MaxFiles"/> files per configuration, includes <see cref="MaxDepth"/> deep.
/// </summary>
internal sealed class ConfigFiles(HostRoot root, string prefix)
{
    public const int MaxFiles = 512;
    public const int MaxDepth = 16;
    private const int MaxBytes = 4 * 1024 * 1024;

    private int read;

    /// <summary>Problems met (a loop, too many files), for the finding's evidence.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>The files <paramref name="pattern"/> names, sorted; a pattern without wildcards names itself (when it exists).</summary>
    public IReadOnlyList<string> Expand(string pattern)
    {
        var absolute = pattern.StartsWith('/') ? pattern : prefix.TrimEnd('/') + "/" + pattern;
        var parts = absolute.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var found = new List<string> { "" };
        foreach (var part in parts)
        {
            var next = new List<string>();
            foreach (var dir in found)
            {
                if (part.IndexOfAny(['*', '?', '[']) < 0)
                {
                    next.Add(dir + "/" + part);
                    continue;
                }

                next.AddRange(root.ListDirectory(dir.Length == 0 ? "/" : dir)
                    .Where(name => !name.StartsWith('.') && Glob.Matches(part, name))
                    .Order(StringComparer.Ordinal)
                    .Select(name => dir + "/" + name));
            }

            found = next;
            if (found.Count > MaxFiles)
            {
                Problems.Add($"{pattern}: more than {MaxFiles} files");
                found = found.Take(MaxFiles).ToList();
            }
        }

        return found.Where(f => root.Exists(f) && !root.IsDirectory(f)).ToArray();
    }

    /// <summary>The text of <paramref name="path"/>, or null when unreadable or past the file budget.</summary>
    public string? Read(string path)
    {
        if (++read > MaxFiles)
        {
            Problems.Add($"{path}: more than {MaxFiles} files included; the rest is not read");
            return null;
        }

        return root.ReadText(path, MaxBytes).Value;
    }
}

namespace HostDoc.Roots;

/// <summary>Kernel paths taken apart and put together as collect resolves links: lexically, on paths whose links are already resolved.</summary>
internal static class KernelPath
{
    /// <summary><paramref name="target"/> read from a link in <paramref name="directory"/>, as a kernel path with . and .. taken out.</summary>
    public static string Normalize(string directory, string target)
    {
        var parts = new List<string>();
        foreach (var part in (target.StartsWith('/') ? target : directory + "/" + target).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return "/" + string.Join('/', parts);
    }

    public static string Parent(string kernelPath)
    {
        var trimmed = kernelPath.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash <= 0 ? "/" : trimmed[..slash];
    }

    public static string Name(string kernelPath)
    {
        var trimmed = kernelPath.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    public static string Join(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;
}

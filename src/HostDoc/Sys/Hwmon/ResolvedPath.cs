namespace HostDoc.Sys.Hwmon;

/// <summary>
/// A kernel path with every symbolic link in it followed, component by component, as Go's
/// <c>filepath.EvalSymlinks</c> does for node_exporter: <c>/sys/class/hwmon/hwmon0/device</c> becomes
/// <c>/sys/devices/platform/coretemp.0</c>. A <c>..</c> after a link climbs from where the link led,
/// not lexically (which is why <see cref="Path.GetFullPath(string)"/> will not do). An absolute link
/// target is taken inside the root, so a captured tree resolves as the host it came from did.
/// </summary>
internal static class ResolvedPath
{
    private const int MaxLinks = 255;

    /// <summary>The resolved kernel path, or null when a component does not exist or links loop.</summary>
    public static string? Of(HostRoot root, string kernelPath)
    {
        var pending = new Stack<string>(Split(kernelPath).Reverse());
        var resolved = new List<string>();
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            var candidate = "/" + string.Join('/', resolved.Append(part));
            if (root.ReadLink(candidate) is not { } target)
            {
                if (!root.Exists(candidate))
                {
                    return null;
                }

                resolved.Add(part);
                continue;
            }

            if (++links > MaxLinks || target.Length == 0)
            {
                return null;
            }

            if (target.StartsWith('/'))
            {
                resolved.Clear();
            }

            foreach (var next in Split(target).Reverse())
            {
                pending.Push(next);
            }
        }

        return "/" + string.Join('/', resolved);
    }

    private static IEnumerable<string> Split(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".");
}

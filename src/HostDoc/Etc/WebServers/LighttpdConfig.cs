namespace HostDoc.Etc.WebServers;

/// <summary>
/// lighttpd's configuration as far as sendfile is concerned: <c>server.document-root</c> assignments (also inside
/// conditionals) in lighttpd.conf and its <c>include</c>s (globs relative to /etc/lighttpd); lighttpd sends with
/// sendfile() on Linux unless <c>server.network-backend</c> is <c>writev</c> or <c>write</c>. <c>include_shell</c> is
/// not run.
/// </summary>
public static class LighttpdConfig
{
    /// <summary>The main file.</summary>
    public const string MainFile = "/etc/lighttpd/lighttpd.conf";

    /// <summary>The roots, or null without a configuration.</summary>
    public static IReadOnlyList<WebRoot>? Read(HostRoot root, List<string> problems)
    {
        if (!root.Exists(MainFile))
        {
            return null;
        }

        var files = new ConfigFiles(root, "/etc/lighttpd");
        var assignments = new List<(string Key, string Value, string At)>();
        Parse(files, MainFile, assignments, 0);
        problems.AddRange(files.Problems);
        return Roots(assignments);
    }

    /// <summary>The roots of <paramref name="text"/> alone, includes not followed: for tests and fuzzing.</summary>
    public static IReadOnlyList<WebRoot> Roots(string file, string text)
    {
        var assignments = new List<(string Key, string Value, string At)>();
        Fill(null, file, text, assignments, 0);
        return Roots(assignments);
    }

    private static WebRoot[] Roots(List<(string Key, string Value, string At)> assignments)
    {
        var backend = assignments.LastOrDefault(a => a.Key == "server.network-backend");
        var sendfile = backend.Value is not ("writev" or "write");
        return assignments.Where(a => a.Key == "server.document-root" && a.Value.Length > 0)
            .Select(a => new WebRoot("lighttpd", a.Value.Length > 1 ? a.Value.TrimEnd('/') : a.Value, "server", a.At, sendfile, backend.At ?? "default (sendfile on Linux)"))
            .ToArray();
    }

    private static void Parse(ConfigFiles files, string path, List<(string, string, string)> assignments, int depth)
    {
        if (files.Read(path) is { } text)
        {
            Fill(files, path, text, assignments, depth);
        }
    }

    private static void Fill(ConfigFiles? files, string path, string text, List<(string, string, string)> assignments, int depth)
    {
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim().TrimStart('{', '}').Trim();
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("include ", StringComparison.Ordinal) && files is not null && depth < ConfigFiles.MaxDepth)
            {
                foreach (var included in files.Expand(Unquote(line[8..])))
                {
                    Parse(files, included, assignments, depth + 1);
                }

                continue;
            }

            var eq = line.IndexOf('=');
            if (eq > 0 && line[eq - 1] is not ('+' or '!' or ':'))
            {
                assignments.Add((line[..eq].Trim(), Unquote(line[(eq + 1)..]), $"{path}:{number}"));
            }
        }
    }

    private static string Unquote(string value)
    {
        var v = value.Trim();
        var hash = v.StartsWith('"') ? -1 : v.IndexOf('#');
        v = hash >= 0 ? v[..hash].Trim() : v;
        return v.Length >= 2 && v[0] == '"' && v.IndexOf('"', 1) is var end and > 0 ? v[1..end] : v;
    }
}

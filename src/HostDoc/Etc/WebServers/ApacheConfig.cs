namespace HostDoc.Etc.WebServers;

/// <summary>
/// Apache httpd's configuration as far as sendfile is concerned: apache2.conf (Debian) or httpd.conf (Red Hat) and
/// what it includes (Include, IncludeOptional; globs relative to ServerRoot, in place), directives case-insensitive,
/// <c>\</c> continuing a line. EnableSendfile (default Off since 2.3.9) applies from the server config, a
/// VirtualHost, or a Directory section containing the root (the longest wins); DocumentRoot and Alias targets are the
/// roots.
/// </summary>
public static class ApacheConfig
{
    /// <summary>Main files and their ServerRoot.</summary>
    public static readonly (string File, string ServerRoot)[] MainFiles =
        [("/etc/apache2/apache2.conf", "/etc/apache2"), ("/etc/httpd/conf/httpd.conf", "/etc/httpd"), ("/usr/local/apache2/conf/httpd.conf", "/usr/local/apache2")];

    /// <summary>The roots of the first main file that exists; null when there is none.</summary>
    public static IReadOnlyList<WebRoot>? Read(HostRoot root, List<string> problems)
    {
        var (main, serverRoot) = MainFiles.FirstOrDefault(m => root.Exists(m.File));
        if (main is null)
        {
            return null;
        }

        var files = new ConfigFiles(root, serverRoot);
        var state = new State();
        Parse(files, main, state, 0);
        problems.AddRange(files.Problems);
        return state.Roots();
    }

    /// <summary>The roots of <paramref name="text"/> alone, includes not followed: for tests and fuzzing.</summary>
    public static IReadOnlyList<WebRoot> Roots(string file, string text)
    {
        var state = new State();
        Fill(null, file, text, state, 0);
        return state.Roots();
    }

    private static void Parse(ConfigFiles files, string path, State state, int depth)
    {
        if (files.Read(path) is { } text)
        {
            Fill(files, path, text, state, depth);
        }
    }

    private static void Fill(ConfigFiles? files, string path, string text, State state, int depth)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].TrimEnd('\r');
            while (line.EndsWith('\\') && i + 1 < lines.Length)
            {
                line = line[..^1] + " " + lines[++i].TrimEnd('\r');
            }

            var words = Words(line.Trim());
            if (words.Count == 0 || words[0].StartsWith('#'))
            {
                continue;
            }

            var name = words[0].ToLowerInvariant();
            var at = $"{path}:{number}";
            if (name.StartsWith("</", StringComparison.Ordinal))
            {
                state.Close(name.Trim('<', '>', '/'));
            }
            else if (name.StartsWith('<'))
            {
                state.Open(name.TrimStart('<').TrimEnd('>'), string.Join(' ', words.Skip(1)).TrimEnd('>').Trim().Trim('"'), at);
            }
            else if (name is "include" or "includeoptional" && words.Count >= 2 && files is not null && depth < ConfigFiles.MaxDepth)
            {
                foreach (var included in files.Expand(words[1]))
                {
                    Parse(files, included, state, depth + 1);
                }
            }
            else if (name == "enablesendfile" && words.Count >= 2)
            {
                state.Sendfile(words[1].Equals("on", StringComparison.OrdinalIgnoreCase), at);
            }
            else if (name == "documentroot" && words.Count >= 2)
            {
                state.Root(words[1], at);
            }
            else if (name == "alias" && words.Count >= 3)
            {
                state.Root(words[2], at);
            }
        }
    }

    /// <summary>A line's words; double-quoted ones unquoted.</summary>
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i]))
            {
                i++;
                continue;
            }

            if (line[i] == '"')
            {
                var end = line.IndexOf('"', i + 1);
                end = end < 0 ? line.Length : end;
                words.Add(line[(i + 1)..end]);
                i = end + 1;
                continue;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            words.Add(line[start..i]);
        }

        return words;
    }

    /// <summary>The sections open while reading, and what each set.</summary>
    private sealed class State
    {
        private readonly List<Section> open = [];
        private readonly List<Section> all = [];
        private readonly Section global = new("global", "", "", null);

        public State() => all.Add(global);

        private Section Current => open.Count > 0 ? open[^1] : global;

        /// <summary>The VirtualHost (or global) a directive belongs to.</summary>
        private Section Host => open.LastOrDefault(s => s.Kind == "virtualhost") ?? global;

        public void Open(string kind, string args, string at)
        {
            var section = new Section(kind, args, at, Host);
            open.Add(section);
            all.Add(section);
        }

        public void Close(string kind)
        {
            var index = open.FindLastIndex(s => s.Kind == kind);
            if (index >= 0)
            {
                open.RemoveRange(index, open.Count - index);
            }
        }

        public void Sendfile(bool on, string at) => (open.LastOrDefault(s => s.Kind is "virtualhost" or "directory" or "location") ?? global).SendfileSetting = (on, at);

        public void Root(string path, string at) => Host.RootsSet.Add((path.Length > 1 ? path.TrimEnd('/') : path, at));

        public List<WebRoot> Roots()
        {
            var roots = new List<WebRoot>();
            foreach (var host in all.Where(s => s.Kind is "global" or "virtualhost"))
            {
                foreach (var (path, at) in host.RootsSet)
                {
                    var directory = all.Where(s => s.Kind == "directory" && s.SendfileSetting is not null && (s.Vhost == host || s.Vhost == global)
                            && !s.Args.StartsWith('~') && FilesystemUnder(path, s.Args.TrimEnd('/')))
                        .OrderByDescending(s => s.Args.Length).FirstOrDefault();
                    var setting = directory?.SendfileSetting ?? host.SendfileSetting ?? global.SendfileSetting;
                    roots.Add(new WebRoot("apache", path, host.Kind == "global" ? "server config" : $"VirtualHost {host.Args}", at,
                        setting?.On ?? false, setting?.At ?? "default (Off)"));
                }
            }

            return roots;
        }

        private static bool FilesystemUnder(string path, string directory) =>
            directory.Length == 0 || Storage.FilesystemTable.IsUnder(path, directory);
    }

    private sealed class Section(string kind, string args, string at, Section? vhost)
    {
        public string Kind => kind;

        public string Args => args;

        public string At => at;

        public Section? Vhost => vhost;

        public (bool On, string At)? SendfileSetting { get; set; }

        public List<(string Path, string At)> RootsSet { get; } = [];
    }
}

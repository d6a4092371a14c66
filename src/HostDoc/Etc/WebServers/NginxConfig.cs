using System.Text;

namespace HostDoc.Etc.WebServers;

/// <summary>
/// nginx's configuration as far as sendfile is concerned: nginx.conf and what it includes (globs relative to its
/// directory, in place), tokenised as nginx does (quotes, <c>\</c> escapes, <c>#</c> comments, <c>;</c> and braces), into
/// blocks. <c>sendfile</c> is a block setting inherited http → server → location (the default is off, and its place in
/// the block does not matter); each block that sets a root or alias, or sets sendfile over an inherited root, gives a
/// <see cref="WebRoot"/>.
/// </summary>
public static class NginxConfig
{
    /// <summary>Where distributions put the main file.</summary>
    public static readonly string[] MainFiles = ["/etc/nginx/nginx.conf", "/usr/local/nginx/conf/nginx.conf", "/usr/local/etc/nginx/nginx.conf"];

    /// <summary>The roots of the first main file that exists; null when there is none. <paramref name="problems"/> gets what could not be read.</summary>
    public static IReadOnlyList<WebRoot>? Read(HostRoot root, List<string> problems)
    {
        var main = MainFiles.FirstOrDefault(root.Exists);
        if (main is null)
        {
            return null;
        }

        var files = new ConfigFiles(root, main[..main.LastIndexOf('/')]);
        var top = new Block("main", "", main, 0, null);
        Parse(files, main, top, 0);
        problems.AddRange(files.Problems);
        var roots = new List<WebRoot>();
        Collect(top, null, null, roots);
        return roots.Distinct().ToArray();
    }

    /// <summary>The roots of <paramref name="text"/> (named <paramref name="file"/>) alone, includes not followed: for tests and fuzzing.</summary>
    public static IReadOnlyList<WebRoot> Roots(string file, string text)
    {
        var top = new Block("main", "", file, 0, null);
        Fill(null, file, text, top, 0);
        var roots = new List<WebRoot>();
        Collect(top, null, null, roots);
        return roots.Distinct().ToArray();
    }

    private static void Parse(ConfigFiles files, string path, Block block, int depth)
    {
        if (files.Read(path) is { } text)
        {
            Fill(files, path, text, block, depth);
        }
    }

    private static void Fill(ConfigFiles? files, string path, string text, Block top, int depth)
    {
        var current = top;
        var words = new List<string>();
        var line = 1;
        var startLine = 1;
        foreach (var (token, at) in Tokens(text))
        {
            line = at;
            if (words.Count == 0)
            {
                startLine = line;
            }

            switch (token)
            {
                case ";":
                    if (words.Count > 0)
                    {
                        if (words[0] == "include" && words.Count == 2 && files is not null && depth < ConfigFiles.MaxDepth)
                        {
                            foreach (var included in files.Expand(words[1]))
                            {
                                Parse(files, included, current, depth + 1);
                            }
                        }
                        else
                        {
                            current.Directives.Add(new Directive(words[0], words[1..].ToArray(), $"{path}:{startLine}"));
                        }
                    }

                    words.Clear();
                    break;
                case "{":
                    var child = new Block(words.Count > 0 ? words[0] : "", string.Join(' ', words.Skip(1)), path, startLine, current);
                    current.Children.Add(child);
                    current = child;
                    words.Clear();
                    break;
                case "}":
                    current = current.Parent ?? current;   // an unbalanced } is ignored, as far as reading goes
                    words.Clear();
                    break;
                default:
                    words.Add(token);
                    break;
            }
        }
    }

    /// <summary>nginx's tokens with their line numbers: words (quoted ones unquoted), and ; { } on their own.</summary>
    internal static IEnumerable<(string Token, int Line)> Tokens(string text)
    {
        var line = 1;
        var word = new StringBuilder();
        var wordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                wordLine = line;
                var quote = c;
                for (i++; i < text.Length && text[i] != quote; i++)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    if (text[i] == '\n')
                    {
                        line++;
                    }

                    word.Append(text[i]);
                }

                yield return (word.ToString(), wordLine);
                word.Clear();
                continue;
            }

            if (c == '#' && word.Length == 0)
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                line++;
                continue;
            }

            if (char.IsWhiteSpace(c) || c is ';' or '{' or '}')
            {
                if (word.Length > 0)
                {
                    yield return (word.ToString(), wordLine);
                    word.Clear();
                }

                if (c is ';' or '{' or '}')
                {
                    yield return (c.ToString(), line);
                }

                if (c == '\n')
                {
                    line++;
                }

                continue;
            }

            if (word.Length == 0)
            {
                wordLine = line;
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                c = text[++i];
            }

            word.Append(c);
        }

        if (word.Length > 0)
        {
            yield return (word.ToString(), wordLine);
        }
    }

    private static void Collect(Block block, (string Path, string At)? inheritedRoot, (bool On, string At)? inheritedSendfile, List<WebRoot> roots)
    {
        var sendfile = block.Directives.LastOrDefault(d => d.Name == "sendfile" && d.Args.Length == 1) is { } s
            ? (s.Args[0] == "on", s.At)
            : inheritedSendfile;
        var own = block.Directives.LastOrDefault(d => d.Name is "root" or "alias" && d.Args.Length == 1) is { } r
            ? (Absolute(r.Args[0]), r.At)
            : ((string Path, string At)?)null;
        var rootHere = own ?? inheritedRoot;
        if (rootHere is { } served && (own is not null || (sendfile != inheritedSendfile && block.Name is "location" or "server")))
        {
            roots.Add(new WebRoot("nginx", served.Path, block.Describe(), own is not null ? served.At : $"{block.File}:{block.Line}", sendfile?.On ?? false, sendfile?.At ?? "default (off)"));
        }

        foreach (var child in block.Children)
        {
            Collect(child, rootHere, sendfile, roots);
        }
    }

    /// <summary>A relative root is under nginx's prefix (Debian's build: /usr/share/nginx).</summary>
    private static string Absolute(string path) => path.StartsWith('/') ? path.TrimEnd('/') is { Length: > 0 } p ? p : "/" : "/usr/share/nginx/" + path;

    private sealed record Directive(string Name, string[] Args, string At);

    private sealed class Block(string name, string args, string file, int line, Block? parent)
    {
        public string Name => name;

        public string Args => args;

        public string File => file;

        public int Line => line;

        public Block? Parent => parent;

        public List<Directive> Directives { get; } = [];

        public List<Block> Children { get; } = [];

        public string Describe()
        {
            var parts = new List<string>();
            for (var b = this; b is not null && b.Name != "main"; b = b.Parent)
            {
                parts.Insert(0, b.Name == "server" && b.Directives.FirstOrDefault(d => d.Name == "server_name") is { Args.Length: > 0 } n
                    ? $"server {n.Args[0]}"
                    : (b.Name + " " + b.Args).Trim());
            }

            return parts.Count == 0 ? "main" : string.Join(" › ", parts);
        }

    }
}

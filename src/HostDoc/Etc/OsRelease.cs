using System.Text;

namespace HostDoc.Etc;

/// <summary>
/// os-release(5): <c>KEY=value</c> lines, the value bare, in double quotes (with <c>\"</c>, <c>\\</c>,
/// <c>\$</c> and <c>\`</c> escapes) or in single quotes; comments and blank lines skipped, a line that
/// is not an assignment ignored (systemd does the same).
/// </summary>
public static class OsRelease
{
    /// <summary>The first of /etc/os-release and /usr/lib/os-release that exists, as keys and values; null when neither does.</summary>
    public static IReadOnlyDictionary<string, string>? Read(HostRoot root)
    {
        foreach (var path in new[] { "/etc/os-release", "/usr/lib/os-release" })
        {
            if (root.ReadText(path, 64 * 1024).Value is { } text)
            {
                return Parse(text);
            }
        }

        return null;
    }

    /// <summary>Parses the assignments of <paramref name="text"/>.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || eq <= 0)
            {
                continue;
            }

            values[line[..eq].Trim()] = Value(line[(eq + 1)..].Trim());
        }

        return values;
    }

    private static string Value(string text)
    {
        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'')
        {
            return text[1..^1];
        }

        if (text.Length == 0 || text[0] != '"')
        {
            return text;
        }

        var value = new StringBuilder();
        for (var i = 1; i < text.Length && text[i] != '"'; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
            {
                i++;
            }

            value.Append(text[i]);
        }

        return value.ToString();
    }
}

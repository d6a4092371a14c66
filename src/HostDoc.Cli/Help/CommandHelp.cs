namespace HostDoc.Cli.Help;

/// <summary>
/// One entry of <c>hostdoc --help</c>'s command list, taken apart: the words that name it (<c>decode sense</c>), its
/// synopsis as printed, its description, and the options the synopsis names. The man page and the shell completions
/// are made from these, read out of the help text itself, so they cannot say anything <c>--help</c> does not.
/// </summary>
/// <param name="Words">The command's words, up to its first argument or option.</param>
/// <param name="Synopsis">The synopsis as --help prints it.</param>
/// <param name="Description">What it does, its lines joined.</param>
/// <param name="Options">The options the synopsis names (<c>--format</c>, <c>-o</c>), in order.</param>
internal sealed record CommandHelp(IReadOnlyList<string> Words, string Synopsis, string Description, IReadOnlyList<string> Options)
{
    /// <summary>The entries of the "Commands:" section of <paramref name="help"/>.</summary>
    public static IReadOnlyList<CommandHelp> Parse(string help) => Section(help, "Commands:").Select(Entry).ToArray();

    /// <summary>The entries of the "Global options:" section.</summary>
    public static IReadOnlyList<CommandHelp> GlobalOptions(string help) => Section(help, "Global options:").Select(Entry).ToArray();

    /// <summary>The lines of one section, each entry's continuation lines joined to it.</summary>
    private static IEnumerable<(string Head, List<string> More)> Section(string help, string title)
    {
        var lines = help.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == title);
        if (start < 0)
        {
            yield break;
        }

        (string Head, List<string> More)? current = null;
        for (var i = start + 1; i < lines.Length && lines[i].Trim().Length > 0; i++)
        {
            var line = lines[i];
            if (line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal))
            {
                if (current is { } done)
                {
                    yield return done;
                }

                current = (line[2..], []);
            }
            else
            {
                current?.More.Add(line.Trim());
            }
        }

        if (current is { } last)
        {
            yield return last;
        }
    }

    private static CommandHelp Entry((string Head, List<string> More) entry)
    {
        var head = entry.Head;
        var gap = head.IndexOf("  ", StringComparison.Ordinal);   // a synopsis has single spaces; two or more start its description
        var synopsis = (gap < 0 ? head : head[..gap]).Trim();
        var description = string.Join(' ', new[] { gap < 0 ? "" : head[gap..].Trim() }.Concat(entry.More).Where(s => s.Length > 0));
        var tokens = synopsis.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = tokens.TakeWhile(t => t.Length > 0 && char.IsAsciiLetterLower(t[0])).ToArray();
        var options = tokens.SelectMany(t => t.Trim('[', ']', '|').Split('|')).Select(t => t.Trim('[', ']'))
            .Where(t => t.StartsWith('-') && t.Length > 1 && t != "-" && !t.Contains('…', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
        return new CommandHelp(words, synopsis, description, options);
    }
}

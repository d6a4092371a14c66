namespace HostDoc.Explain;

/// <summary>
/// Reads a knowledge file: <c>[KEY CALL]</c> opens an entry; <c>name: value</c> lines fill it (<c>cause</c>,
/// <c>source</c> and <c>probe</c> may repeat); a line indented by a space continues the value above; <c>#</c>
/// starts a comment line. What does not fit is reported, line by line, and left out.
/// </summary>
public static class KnowledgeParser
{
    /// <summary>Parses <paramref name="text"/> of the file <paramref name="topic"/>; <paramref name="errors"/> gets "topic:line: why" for each line left out.</summary>
    public static IReadOnlyList<KnowledgeEntry> Parse(string topic, string text, List<string> errors)
    {
        var entries = new List<KnowledgeEntry>();
        Draft? draft = null;
        string? last = null;
        var number = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            number++;
            var line = raw.TrimEnd();
            if (line.IsEmpty || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[')
            {
                if (draft is not null)
                {
                    entries.Add(draft.Build(topic));
                }

                var close = line.IndexOf(']');
                var head = close > 1 ? line[1..close].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
                draft = head.Length == 2 ? new Draft(head[0], head[1]) : null;
                last = null;
                if (draft is null)
                {
                    errors.Add($"{topic}:{number}: an entry starts with [KEY CALL]");
                }

                continue;
            }

            if (draft is null)
            {
                errors.Add($"{topic}:{number}: a line outside any entry");
                continue;
            }

            if (line[0] == ' ')
            {
                if (last is null || !draft.Continue(last, line.Trim().ToString()))
                {
                    errors.Add($"{topic}:{number}: a continuation with nothing to continue");
                }

                continue;
            }

            var colon = line.IndexOf(": ");
            var name = colon > 0 ? line[..colon].ToString() : "";
            if (colon <= 0 || !draft.Set(name, line[(colon + 2)..].Trim().ToString()))
            {
                errors.Add($"{topic}:{number}: expected one of summary, why, source, cause, probe, advice followed by \": \"");
                last = null;
                continue;
            }

            last = name;
        }

        if (draft is not null)
        {
            entries.Add(draft.Build(topic));
        }

        return entries;
    }

    private sealed class Draft(string key, string call)
    {
        private readonly Dictionary<string, string> single = [];
        private readonly Dictionary<string, List<string>> many = new() { ["source"] = [], ["cause"] = [], ["probe"] = [] };

        public bool Set(string name, string value)
        {
            if (many.TryGetValue(name, out var list))
            {
                list.Add(value);
                return true;
            }

            if (name is "summary" or "why" or "advice")
            {
                single[name] = value;
                return true;
            }

            return false;
        }

        public bool Continue(string name, string more)
        {
            if (many.TryGetValue(name, out var list) && list.Count > 0)
            {
                list[^1] += " " + more;
                return true;
            }

            if (single.TryGetValue(name, out var value))
            {
                single[name] = value + " " + more;
                return true;
            }

            return false;
        }

        public KnowledgeEntry Build(string topic) => new(
            key, call, single.GetValueOrDefault("summary", ""), single.GetValueOrDefault("why", ""),
            many["source"], many["cause"], many["probe"], single.GetValueOrDefault("advice", ""), topic);
    }
}

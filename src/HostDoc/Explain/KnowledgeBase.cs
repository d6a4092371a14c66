namespace HostDoc.Explain;

/// <summary>
/// hostdoc's knowledge files, embedded in the assembly (one per topic, like the T10 sense table); a topic is read
/// when first asked for, so explaining EEXIST parses one small file.
/// </summary>
public sealed class KnowledgeBase
{
    /// <summary>The topic files there are, by name without <c>.topic</c>.</summary>
    public static readonly IReadOnlyList<string> Topics =
        ["errno-EEXIST", "errno-ENOSPC", "errno-EBUSY", "errno-EROFS", "errno-EINVAL", "errno-EMFILE", "rsync-exit", "guest-cpus"];

    private readonly Dictionary<string, IReadOnlyList<KnowledgeEntry>> loaded = new(StringComparer.Ordinal);

    /// <summary>Lines of the files read so far that did not parse (none in a good build; the tests say so).</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The entries of <paramref name="topic"/>; empty for a topic there is no file of.</summary>
    public IReadOnlyList<KnowledgeEntry> Topic(string topic)
    {
        if (!loaded.TryGetValue(topic, out var entries))
        {
            entries = Read(topic) is { } text ? KnowledgeParser.Parse(topic + ".topic", text, Errors) : [];
            loaded[topic] = entries;
        }

        return entries;
    }

    /// <summary>The entries for an errno name, from its file (EMFILE's file also holds ENFILE).</summary>
    public IReadOnlyList<KnowledgeEntry> ForErrno(string name) =>
        Topic("errno-" + (name == "ENFILE" ? "EMFILE" : name)).Where(e => e.Key == name).ToArray();

    /// <summary>The entry of <paramref name="key"/> in <paramref name="topic"/> for <paramref name="call"/>, falling back to the one for any call.</summary>
    public KnowledgeEntry? Find(string topic, string key, string? call)
    {
        var entries = Topic(topic);
        return entries.FirstOrDefault(e => e.Key == key && e.Call == call) ?? entries.FirstOrDefault(e => e.Key == key && e.Call == "*");
    }

    /// <summary>Every entry of every topic (for the tests and <c>explain --list</c>).</summary>
    public IEnumerable<KnowledgeEntry> All() => Topics.SelectMany(Topic);

    private static string? Read(string topic)
    {
        using var stream = typeof(KnowledgeBase).Assembly.GetManifestResourceStream(topic + ".topic");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

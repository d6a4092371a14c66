using System.Buffers;

namespace HostDoc.KernelLog.Reading;

/// <summary>
/// The prefilter's anchors: vectorised multi-string searches, then a check of the anchor that matched. The phrases
/// are sorted and searched in groups of at most <see cref="GroupSize"/>: the vectorised (Teddy) search slows with every
/// phrase past about 15 — its eight buckets fill and most positions become candidates to verify — so 55 phrases in one
/// search cost four times what four sorted groups of 14 do (phrases sharing their first letters share buckets); measured
/// on a 64 MB syslog, bench/logs-vs-grep.sh. Each group's next hit is kept, so the text is scanned once per group.
/// </summary>
public sealed class LogAnchors
{
    /// <summary>Phrases per vectorised search.</summary>
    public const int GroupSize = 14;

    private const int NoMore = int.MaxValue;
    private const int Unknown = -1;

    private readonly bool anyRules;
    private readonly SearchValues<string>[] groups;
    private readonly Dictionary<char, LogAnchor[]> byFirst;

    /// <summary>Builds the searches over <paramref name="anchors"/> (duplicates removed).</summary>
    public LogAnchors(IEnumerable<LogAnchor> anchors)
    {
        var distinct = anchors.Where(a => a.Phrase.Length > 0).Distinct().ToArray();
        anyRules = Array.Exists(distinct, a => a.NumberedWord);
        byFirst = distinct.GroupBy(a => a.Phrase[0]).ToDictionary(g => g.Key, g => g.ToArray());
        var phrases = distinct.Select(a => a.Phrase).Distinct().Order(StringComparer.Ordinal).ToArray();
        var count = Math.Max(1, (phrases.Length + GroupSize - 1) / GroupSize);
        var size = (phrases.Length + count - 1) / Math.Max(count, 1);
        groups = phrases.Chunk(Math.Max(size, 1)).Select(g => SearchValues.Create(g, StringComparison.Ordinal)).DefaultIfEmpty(SearchValues.Create([], StringComparison.Ordinal)).ToArray();
    }

    /// <summary>How many searches a scan runs side by side (the size of the state <see cref="IndexIn(ReadOnlySpan{char}, int, Span{int})"/> needs).</summary>
    public int Groups => groups.Length;

    /// <summary>True when the search's match at <paramref name="at"/> in <paramref name="text"/> is a real anchor.</summary>
    public bool Accepts(ReadOnlySpan<char> text, int at)
    {
        if (!anyRules)
        {
            return true;
        }

        var before = at == 0 ? '\n' : text[at - 1];
        var fromHit = text[at..];
        if (!byFirst.TryGetValue(fromHit[0], out var candidates))
        {
            return false;
        }

        foreach (var anchor in candidates)
        {
            if (anchor.Accepts(fromHit, before))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Index of the first real anchor in <paramref name="text"/>, or -1.</summary>
    public int IndexIn(ReadOnlySpan<char> text)
    {
        Span<int> next = stackalloc int[groups.Length];
        next.Fill(Unknown);
        return IndexIn(text, 0, next);
    }

    /// <summary>
    /// Index of the first real anchor in <paramref name="text"/> at or after <paramref name="from"/>, or -1. <paramref name="next"/>
    /// (one entry a group, filled with -1 before the first call on this text) keeps each group's next hit between calls,
    /// so successive calls with a growing <paramref name="from"/> scan the text once.
    /// </summary>
    public int IndexIn(ReadOnlySpan<char> text, int from, Span<int> next)
    {
        while (from < text.Length)
        {
            var best = NoMore;
            for (var g = 0; g < groups.Length; g++)
            {
                if (next[g] != NoMore && next[g] < from)
                {
                    var hit = text[from..].IndexOfAny(groups[g]);
                    next[g] = hit < 0 ? NoMore : from + hit;
                }

                best = Math.Min(best, next[g]);
            }

            if (best == NoMore)
            {
                return -1;
            }

            if (Accepts(text, best))
            {
                return best;
            }

            from = best + 1;
        }

        return -1;
    }
}

using System.Buffers;

namespace HostDoc.KernelLog.Reading;

/// <summary>
/// The prefilter's anchors: vectorised multi-string searches, then a check of the anchor that matched. The phrases
/// are searched in groups of at most <see cref="GroupSize"/>: the vectorised search slows with every phrase past
/// about 20 (its buckets fill and every candidate needs checking), so 55 phrases in one search cost four times
/// what three searches of 19 do (measured on a 64 MB syslog; bench/logs-vs-grep.sh). Each group's next hit is
/// kept, so the text is scanned once per group however many lines pass.
/// </summary>
public sealed class LogAnchors
{
    /// <summary>Phrases per vectorised search.</summary>
    public const int GroupSize = 20;

    private const int NoMore = int.MaxValue;
    private const int Unknown = -1;

    private readonly LogAnchor[] anchors;
    private readonly bool anyRules;
    private readonly SearchValues<string>[] groups;

    /// <summary>Builds the searches over <paramref name="anchors"/> (duplicates removed).</summary>
    public LogAnchors(IEnumerable<LogAnchor> anchors)
    {
        this.anchors = anchors.Distinct().ToArray();
        anyRules = Array.Exists(this.anchors, a => a.NumberedWord);
        var phrases = this.anchors.Select(a => a.Phrase).Distinct().ToArray();
        var count = Math.Max(1, (phrases.Length + GroupSize - 1) / GroupSize);
        groups = Enumerable.Range(0, count)
            .Select(g => SearchValues.Create(phrases.Where((_, i) => i % count == g).ToArray(), StringComparison.Ordinal))
            .ToArray();
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
        foreach (var anchor in anchors)
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

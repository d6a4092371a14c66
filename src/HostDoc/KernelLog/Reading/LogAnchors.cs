using System.Buffers;

namespace HostDoc.KernelLog.Reading;

/// <summary>The prefilter's anchors: one vectorised multi-string search, then a check of the anchor that matched.</summary>
public sealed class LogAnchors
{
    private readonly LogAnchor[] anchors;
    private readonly bool anyRules;

    /// <summary>Builds the search over <paramref name="anchors"/> (duplicates removed).</summary>
    public LogAnchors(IEnumerable<LogAnchor> anchors)
    {
        this.anchors = anchors.Distinct().ToArray();
        anyRules = Array.Exists(this.anchors, a => a.NumberedWord);
        Values = SearchValues.Create(this.anchors.Select(a => a.Phrase).Distinct().ToArray(), StringComparison.Ordinal);
    }

    /// <summary>The phrases for the vectorised search.</summary>
    public SearchValues<string> Values { get; }

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
        var from = 0;
        while (from < text.Length)
        {
            var hit = text[from..].IndexOfAny(Values);
            if (hit < 0)
            {
                return -1;
            }

            if (Accepts(text, from + hit))
            {
                return from + hit;
            }

            from += hit + 1;
        }

        return -1;
    }
}

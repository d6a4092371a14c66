namespace HostDoc.KernelLog.Reading;

/// <summary>
/// Month names as <c>strftime("%b")</c> prints them in the locales logs come from (<c>dmesg -T</c>
/// and journalctl follow the locale; syslog is C): English, German, French, Spanish, Italian,
/// Dutch, Portuguese, Scandinavian, Finnish, Polish, Czech, Russian, and the CJK <c>3月</c>/<c>3월</c>.
/// Matched by prefix, longest first, case-insensitively.
/// </summary>
public static class MonthNames
{
    private static readonly (string Prefix, int Month)[] Prefixes = Build();

    /// <summary>The month 1–12 that <paramref name="word"/> names, or 0.</summary>
    public static int Parse(ReadOnlySpan<char> word)
    {
        word = word.TrimEnd('.');
        if (word.Length == 0)
        {
            return 0;
        }

        var suffix = word[^1];
        if (suffix is '月' or '월')
        {
            return int.TryParse(word[..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? m : 0;
        }

        Span<char> lower = stackalloc char[Math.Min(word.Length, 16)];
        var n = word[..lower.Length].ToLowerInvariant(lower);
        lower = lower[..n];
        foreach (var (prefix, month) in Prefixes)
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                return month;
            }
        }

        return 0;
    }

    private static (string, int)[] Build()
    {
        string[][] names =
        [
            ["jan", "janv", "ene", "gen", "sty", "led", "tammi", "янв"],
            ["feb", "févr", "fév", "fev", "lut", "úno", "helmi", "фев"],
            ["mar", "mär", "mrz", "mrt", "bře", "maalis", "мар"],
            ["apr", "avr", "abr", "kwi", "dub", "huhti", "апр"],
            ["may", "mai", "mag", "mei", "maj", "kvě", "touko", "мая", "май"],
            ["jun", "juin", "giu", "cze", "čvn", "kesä", "июн"],
            ["jul", "juil", "lug", "lip", "čvc", "heinä", "июл"],
            ["aug", "août", "ago", "sie", "srp", "elo", "авг"],
            ["sep", "sept", "set", "wrz", "zář", "syys", "сен"],
            ["oct", "okt", "ott", "out", "paź", "říj", "loka", "окт"],
            ["nov", "lis", "marras", "ноя"],
            ["dec", "dez", "déc", "dic", "des", "gru", "pro", "joulu", "дек"],
        ];
        return names.SelectMany((list, i) => list.Select(p => (p, i + 1)))
            .OrderByDescending(p => p.p.Length)
            .ToArray();
    }
}

using System.Globalization;

namespace HostDoc.KernelLog.Decoders;

/// <summary>
/// The T10 additional sense code texts (763 ASC/ASCQ pairs and 6 ranges where one ASC covers many
/// ASCQs), loaded from the embedded TSV tables the first time a code is looked up.
/// </summary>
public sealed class AscAscqTable
{
    private readonly Dictionary<int, string> _exact;
    private readonly (int Asc, int First, int Last, string Format)[] _ranges;
    private readonly Dictionary<string, int> _byText;

    private AscAscqTable(Dictionary<int, string> exact, (int, int, int, string)[] ranges)
    {
        _exact = exact;
        _ranges = ranges;
        _byText = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, text) in exact)
        {
            _byText.TryAdd(text, key);
        }
    }

    /// <summary>The code whose text is <paramref name="text"/> (as the kernel printed it; case and trailing spaces ignored), or null.</summary>
    public (int Asc, int Ascq)? Find(string text) =>
        _byText.TryGetValue(text.Trim(), out var key) ? (key >> 8, key & 0xff) : null;

    /// <summary>Number of exact entries.</summary>
    public int Count => _exact.Count;

    /// <summary>Every exact (ASC, ASCQ) pair.</summary>
    public IEnumerable<(int Asc, int Ascq)> Codes => _exact.Keys.Select(k => (k >> 8, k & 0xff));

    /// <summary>Loads the embedded tables.</summary>
    public static AscAscqTable Load()
    {
        var exact = new Dictionary<int, string>();
        foreach (var f in Rows("asc-ascq.tsv"))
        {
            exact[(Hex(f[0]) << 8) | Hex(f[1])] = f[2];
        }

        var ranges = Rows("asc-ascq-ranges.tsv").Select(f => (Hex(f[0]), Hex(f[1]), Hex(f[2]), f[3])).ToArray();
        return new AscAscqTable(exact, ranges);
    }

    /// <summary>The text for ASC/ASCQ, or null for a code T10 does not list (vendor specific or new).</summary>
    public string? Describe(int asc, int ascq)
    {
        if (_exact.TryGetValue((asc << 8) | ascq, out var text))
        {
            return text;
        }

        foreach (var (a, first, last, format) in _ranges)
        {
            if (a == asc && ascq >= first && ascq <= last)
            {
                return format.Replace("%x", ascq.ToString("x", CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
        }

        return null;
    }

    private static IEnumerable<string[]> Rows(string resource)
    {
        using var stream = typeof(AscAscqTable).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded table {resource} is missing from the build");
        using var reader = new StreamReader(stream);
        reader.ReadLine();   // header
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (fields.Length >= 3)
            {
                yield return fields;
            }
        }
    }

    private static int Hex(string text) => int.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}

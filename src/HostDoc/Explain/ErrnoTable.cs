using System.Globalization;

namespace HostDoc.Explain;

/// <summary>Linux's errno names, numbers and messages, from the embedded <c>errno.tsv</c> (number, name, message; the first name of a number is its own).</summary>
public sealed class ErrnoTable
{
    private readonly Dictionary<string, ErrnoCode> byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, ErrnoCode> byNumber = [];

    /// <summary>Reads the table from <paramref name="text"/>; lines that do not parse are left out.</summary>
    public ErrnoTable(string text)
    {
        var names = new List<(int Number, string Name, string Message)>();
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split('\t');
            if (fields.Length == 3 && !line.StartsWith('#') && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                names.Add((number, fields[1], fields[2].Trim()));
            }
        }

        foreach (var group in names.GroupBy(n => n.Number))
        {
            var all = group.Select(n => n.Name).ToArray();
            var code = new ErrnoCode(group.Key, all[0], all[1..], group.First().Message);
            byNumber[code.Number] = code;
            foreach (var name in all)
            {
                byName[name] = code;
            }
        }
    }

    /// <summary>The table embedded in hostdoc.</summary>
    public static ErrnoTable Embedded()
    {
        using var stream = typeof(ErrnoTable).Assembly.GetManifestResourceStream("errno.tsv")!;
        using var reader = new StreamReader(stream);
        return new ErrnoTable(reader.ReadToEnd());
    }

    /// <summary>Every errno, by number.</summary>
    public IEnumerable<ErrnoCode> All => byNumber.Values.OrderBy(c => c.Number);

    /// <summary>
    /// The errno <paramref name="given"/> names: a name in any case (<c>eexist</c>), a number (<c>17</c>, <c>-17</c> as a
    /// kernel return value), or strerror's message (<c>"File exists"</c>); null when it is none of them.
    /// </summary>
    public ErrnoCode? Find(string given)
    {
        var text = given.Trim();
        if (byName.TryGetValue(text, out var named))
        {
            return named;
        }

        if (int.TryParse(text.TrimStart('-'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return byNumber.GetValueOrDefault(number);
        }

        return byNumber.Values.FirstOrDefault(c => string.Equals(c.Message, text, StringComparison.OrdinalIgnoreCase));
    }
}

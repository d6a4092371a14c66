using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>
/// The real kernel-file samples under tests/fixtures/parser-samples/&lt;kind&gt;/ (provenance in each
/// kind's SOURCES.md) and their expected values (expected.tsv: file, key, value, source_of_assertion).
/// </summary>
internal static class Samples
{
    public static string Dir(string kind) => Path.Combine(Fixtures.RepoRoot, "tests", "fixtures", "parser-samples", kind);

    /// <summary>The sample files of a kind (everything but SOURCES.md and expected.tsv), in name order.</summary>
    public static IReadOnlyList<string> Names(string kind) =>
        Directory.GetFiles(Dir(kind)).Select(Path.GetFileName).OfType<string>()
            .Where(n => n is not ("SOURCES.md" or "expected.tsv")).Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> Files(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var name in Names(kind))
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>The sample's text; <c>.bz2</c> samples are decompressed in-process (no bzip2 tool needed).</summary>
    public static string Text(string kind, string file)
    {
        var path = Path.Combine(Dir(kind), file);
        return file.EndsWith(".bz2", StringComparison.Ordinal)
            ? System.Text.Encoding.UTF8.GetString(Bzip2.Decompress(File.ReadAllBytes(path)))
            : File.ReadAllText(path);
    }

    /// <summary>The expected.tsv rows for one sample (none when the kind has no expected.tsv).</summary>
    public static IReadOnlyList<Expected> Expected(string kind, string file)
    {
        var path = Path.Combine(Dir(kind), "expected.tsv");
        if (!File.Exists(path))
        {
            return [];
        }

        return File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Where(f => f[0] == file)
            .Select(f => new Expected(f[0], f[1], f[2], f.Length > 3 ? f[3] : ""))
            .ToArray();
    }
}

/// <summary>One expected.tsv row.</summary>
internal sealed record Expected(string File, string Key, string Value, string Source)
{
    /// <summary>The value's leading number, for values such as <c>7471152 (MemTotal-MemFree)</c>.</summary>
    public ulong Number => ulong.Parse(Value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The value's space-separated numbers, for <c>counts</c> rows.</summary>
    public ulong[] Numbers => Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(v => ulong.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public override string ToString() => $"{File} {Key}={Value} ({Source})";
}

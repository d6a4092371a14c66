using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/proc/meminfo samples through <see cref="Meminfo.Parse"/>.</summary>
public sealed class MeminfoSamplesTests
{
    private const string Kind = "meminfo";

    public static TheoryData<string> Files => Samples.Files(Kind);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_as_its_source_says(string file)
    {
        var result = Meminfo.Parse(Samples.Text(Kind, file));
        Assert.True(result.Success, $"{file}: {string.Join("; ", result.Errors)}");
        var m = result.Value;
        foreach (var e in Samples.Expected(Kind, file))
        {
            switch (e.Key)
            {
                case "swap_used_kB":
                    Assert.True(e.Number * 1024 == m.SwapTotal - m.SwapFree - m.SwapCached, e.ToString());
                    break;
                case "used_kB":
                    Assert.True(e.Number * 1024 == m.MemTotal - m.MemFree, e.ToString());
                    break;
                case "Mem.total_bytes":
                    // 005's 2.4-era byte table is skipped on purpose: its values repeat as MemTotal etc.
                    Assert.Null(m["Mem"]);
                    Assert.DoesNotContain(m.Entries, x => x.Name is "Mem" or "Swap" or "total");
                    break;
                case var key when e.Value == "(absent)":
                    Assert.Null(m[key]);
                    break;
                case var key when key.EndsWith("_kB", StringComparison.Ordinal):
                    Assert.True(m.Entries.Single(x => x.Name == key[..^3]) is { IsBytes: true } entry && entry.Value == e.Number * 1024, e.ToString());
                    break;
                case var key:
                    Assert.True(m.Entries.Single(x => x.Name == key) is { IsBytes: false } plain && plain.Value == e.Number, e.ToString());
                    break;
            }
        }
    }
}

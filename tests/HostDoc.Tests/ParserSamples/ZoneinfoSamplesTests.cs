using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/proc/zoneinfo samples through <see cref="Zoneinfo.Parse"/>.</summary>
public sealed class ZoneinfoSamplesTests
{
    private const string Kind = "zoneinfo";

    /// <summary>expected.tsv's prose zone lists, spelt out as node:zone.</summary>
    private static readonly Dictionary<string, string> Zones = new(StringComparer.Ordinal)
    {
        ["DMA DMA32 Normal Movable Device (node 0)"] = "0:DMA 0:DMA32 0:Normal 0:Movable 0:Device",
        ["node0: DMA DMA32 Normal; node1: Normal"] = "0:DMA 0:DMA32 0:Normal 1:Normal",
        ["node0 and node1: DMA DMA32 Normal Movable Device"] =
            "0:DMA 0:DMA32 0:Normal 0:Movable 0:Device 1:DMA 1:DMA32 1:Normal 1:Movable 1:Device",
    };

    public static TheoryData<string> Files => Samples.Files(Kind);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_as_its_source_says(string file)
    {
        var result = Zoneinfo.Parse(Samples.Text(Kind, file));
        Assert.True(result.Success, $"{file}: {string.Join("; ", result.Errors)}");
        foreach (var e in Samples.Expected(Kind, file))
        {
            Assert.Equal("zones", e.Key);
            Assert.Equal(Zones[e.Value], string.Join(' ', result.Value.Zones.Select(z => $"{z.Node}:{z.Name}")));
        }

        Assert.All(result.Value.Zones.Where(z => z.Present > 0), z => Assert.True(z.High >= z.Low && z.Low >= z.Min, z.ToString()));
    }
}

using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/proc/loadavg samples through <see cref="Loadavg.Parse"/>.</summary>
public sealed class LoadavgSamplesTests
{
    private const string Kind = "loadavg";

    public static TheoryData<string> Files => Samples.Files(Kind);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_as_its_source_says(string file)
    {
        var result = Loadavg.Parse(Samples.Text(Kind, file));
        Assert.True(result.Success, $"{file}: {string.Join("; ", result.Errors)}");
        var load = result.Value;
        foreach (var e in Samples.Expected(Kind, file))
        {
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            Assert.True(e.Key switch
            {
                "load1" => load.One == double.Parse(e.Value, invariant),
                "load5" => load.Five == double.Parse(e.Value, invariant),
                "load15" => load.Fifteen == double.Parse(e.Value, invariant),
                "runnable" => (ulong)load.Runnable == e.Number,
                "entities" => (ulong)load.Total == e.Number,
                "last_pid" => true,   // not kept: nothing in hostdoc needs the last pid handed out
                _ => throw new InvalidOperationException($"no mapping for {e}"),
            }, e.ToString());
        }
    }
}

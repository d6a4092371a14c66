using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/proc/vmstat samples through <see cref="Vmstat.Parse"/>.</summary>
public sealed class VmstatSamplesTests
{
    private const string Kind = "vmstat";

    public static TheoryData<string> Files => Samples.Files(Kind);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_as_its_source_says(string file)
    {
        var result = Vmstat.Parse(Samples.Text(Kind, file));
        Assert.True(result.Success, $"{file}: {string.Join("; ", result.Errors)}");
        Assert.NotEmpty(result.Value.Counters);
        foreach (var e in Samples.Expected(Kind, file))
        {
            Assert.True(e.Value == "(absent)" ? result.Value[e.Key] is null : result.Value[e.Key] == e.Number, e.ToString());
        }
    }
}

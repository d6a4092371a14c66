using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/proc/softirqs samples through <see cref="Interrupts.Parse"/>, which <see cref="Softirqs"/> reads them with.</summary>
public sealed class SoftirqsSamplesTests
{
    private const string Kind = "softirqs";

    public static TheoryData<string> Files => Samples.Files(Kind);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_as_its_source_says(string file)
    {
        var result = Interrupts.Parse(Samples.Text(Kind, file));
        Assert.True(result.Success, $"{file}: {string.Join("; ", result.Errors)}");
        Assert.All(result.Value.Rows, r => Assert.Equal(result.Value.Cpus.Count, r.Counts.Count));
        foreach (var expected in Samples.Expected(Kind, file))
        {
            InterruptsSamplesTests.Check(result.Value, expected);
        }
    }
}

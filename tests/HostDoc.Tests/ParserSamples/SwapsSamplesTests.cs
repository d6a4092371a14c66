using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/proc/swaps samples through <see cref="Swaps.Parse"/>, which keeps only the paths.</summary>
public sealed class SwapsSamplesTests
{
    private const string Kind = "swaps";

    /// <summary>Columns hostdoc does not keep: it only needs to know which devices and files are swap.</summary>
    private static readonly string[] NotKept = ["type", "size", "used", "priority"];

    public static TheoryData<string> Files => Samples.Files(Kind);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_as_its_source_says(string file)
    {
        var paths = Swaps.Parse(Samples.Text(Kind, file));
        Assert.NotEmpty(paths);
        foreach (var e in Samples.Expected(Kind, file))
        {
            var dot = e.Key.IndexOf('.', StringComparison.Ordinal);
            var field = dot < 0 ? e.Key : e.Key[(dot + 1)..];
            if (e.Key == "count")
            {
                Assert.True(e.Number == (ulong)paths.Count, e.ToString());
            }
            else if (field == "source")
            {
                var row = int.Parse(e.Key[3..dot], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(e.Value.Split(' ')[0], paths[row - 1]);
            }
            else
            {
                Assert.Contains(field, NotKept);
            }
        }
    }
}

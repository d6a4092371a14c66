using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/proc/pressure/* samples through <see cref="Pressure.Parse"/>.</summary>
public sealed class PressureSamplesTests
{
    private const string Kind = "pressure";

    public static TheoryData<string> Files => Samples.Files(Kind);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_as_its_source_says(string file)
    {
        var text = Samples.Text(Kind, file);
        var result = Pressure.Parse("cpu", text);
        Assert.True(result.Success, $"{file}: {string.Join("; ", result.Errors)}");
        var pressure = result.Value;
        foreach (var e in Samples.Expected(Kind, file))
        {
            var dot = e.Key.IndexOf('.', StringComparison.Ordinal);
            var which = dot < 0 ? e.Key : e.Key[..dot];
            if (e.Value == "(absent)")
            {
                // A missing full is null; a missing some (irq) is zero, and the text has no such line.
                Assert.True(which == "full" ? pressure.Full is null : pressure.Some == new PressureLine(0, 0, 0, 0), e.ToString());
                Assert.DoesNotContain(which + " ", text, StringComparison.Ordinal);
                continue;
            }

            var line = which == "full" ? pressure.Full! : pressure.Some;
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            Assert.True(e.Key[(dot + 1)..] switch
            {
                "avg10" => line.Avg10 == double.Parse(e.Value, invariant),
                "avg60" => line.Avg60 == double.Parse(e.Value, invariant),
                "avg300" => line.Avg300 == double.Parse(e.Value, invariant),
                "total" => line.TotalMicroseconds == e.Number,
                _ => throw new InvalidOperationException($"no mapping for {e}"),
            }, e.ToString());
        }
    }
}

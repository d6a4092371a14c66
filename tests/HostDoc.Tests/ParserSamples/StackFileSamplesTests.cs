using HostDoc.Proc.Pid;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/proc/PID/stack samples through <see cref="StackFile.Parse"/>.</summary>
public sealed class StackFileSamplesTests
{
    private const string Kind = "pid-stack";

    public static TheoryData<string> Files => Samples.Files(Kind);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_as_its_source_says(string file)
    {
        var frames = StackFile.Parse(Samples.Text(Kind, file));
        foreach (var e in Samples.Expected(Kind, file))
        {
            if (e.Key == "frames")
            {
                Assert.True(e.Number == (ulong)frames.Count, e.ToString());
                continue;
            }

            var dot = e.Key.IndexOf('.', StringComparison.Ordinal);
            var frame = frames[int.Parse(e.Key[5..dot], System.Globalization.CultureInfo.InvariantCulture)];
            var offset = frame.Offset.Split('/');
            Assert.Equal(e.Value, e.Key[(dot + 1)..] switch
            {
                "function" => frame.Function,
                "offset" => offset[0],
                "size" => offset[1],
                _ => throw new InvalidOperationException($"no mapping for {e}"),
            });
        }
    }
}

using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/proc/partitions samples through <see cref="Partitions.Parse"/>.</summary>
public sealed class PartitionsSamplesTests
{
    private const string Kind = "partitions";

    public static TheoryData<string> Files => Samples.Files(Kind);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_as_its_source_says(string file)
    {
        var text = Samples.Text(Kind, file);
        var entries = Partitions.Parse(text);
        // Every line but the header and the blanks is a device.
        Assert.Equal(text.Split('\n').Skip(1).Count(l => l.Trim().Length > 0), entries.Count);
        foreach (var e in Samples.Expected(Kind, file))
        {
            var dot = e.Key.LastIndexOf('.');
            var (subject, field) = dot < 0 ? (e.Key, "") : (e.Key[..dot], e.Key[(dot + 1)..]);
            if (e.Key == "count")
            {
                Assert.True(e.Number == (ulong)entries.Count, e.ToString());
            }
            else if (subject.StartsWith("row", StringComparison.Ordinal) && field.Length == 0)
            {
                // eminence/procfs counts rows from 0 (a Rust vector index).
                var row = entries[int.Parse(subject[3..], System.Globalization.CultureInfo.InvariantCulture)];
                Assert.Equal(e.Value, $"{row.Device.Major} {row.Device.Minor} {row.Kibibytes} {row.Name}");
            }
            else if (e.Value == "(absent)")
            {
                Assert.DoesNotContain(entries, p => p.Name == subject);
            }
            else
            {
                var entry = entries.Single(p => p.Name == subject);
                Assert.True(e.Number == field switch
                {
                    "major" => entry.Device.Major,
                    "minor" => entry.Device.Minor,
                    "blocks" => entry.Kibibytes,
                    _ => throw new InvalidOperationException($"no mapping for {e}"),
                }, e.ToString());
            }
        }
    }
}

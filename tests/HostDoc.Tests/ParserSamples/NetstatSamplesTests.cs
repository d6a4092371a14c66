using HostDoc.Proc.Net;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/proc/net/netstat and /proc/net/snmp samples through <see cref="Netstat.Parse"/>, which reads both.</summary>
public sealed class NetstatSamplesTests
{
    public static TheoryData<string> NetstatFiles => Samples.Files("netstat");

    public static TheoryData<string> SnmpFiles => Samples.Files("snmp");

    [Theory]
    [MemberData(nameof(NetstatFiles))]
    public void Netstat_parses_as_its_source_says(string file) => Check("netstat", file);

    [Theory]
    [MemberData(nameof(SnmpFiles))]
    public void Snmp_parses_as_its_source_says(string file) => Check("snmp", file);

    [Fact]
    public void The_netstat_sample_malformed_on_purpose_is_reported_with_its_line()
    {
        // 005: the test author dropped the first name of each header, so 112 names face 113 values.
        // Decision: report each pair (line, how many values were expected) and read none of its counters.
        var counters = new Dictionary<string, double>(StringComparer.Ordinal);
        var errors = Netstat.Parse(Samples.Text("netstat", "005.txt"), counters);
        Assert.Equal([2, 4], errors.Select(e => e.Line));
        Assert.Equal(("112 values, one per name of line 1", "113 values", "TcpExt"), (errors[0].Expected, errors[0].Found, errors[0].Key));
        Assert.Empty(counters);
    }

    private static void Check(string kind, string file)
    {
        var counters = new Dictionary<string, double>(StringComparer.Ordinal);
        var errors = Netstat.Parse(Samples.Text(kind, file), counters);
        var expected = Samples.Expected(kind, file);
        if (expected.Any(e => e.Key == "result"))
        {
            Assert.StartsWith("error:", expected.Single(e => e.Key == "result").Value, StringComparison.Ordinal);
            Assert.NotEmpty(errors);
        }
        else
        {
            Assert.True(errors.Count == 0, $"{file}: {string.Join("; ", errors)}");
            Assert.NotEmpty(counters);
        }

        foreach (var e in expected)
        {
            var dot = e.Key.IndexOf('.', StringComparison.Ordinal);
            var (group, field) = dot < 0 ? (e.Key, "") : (e.Key[..dot], e.Key[(dot + 1)..]);
            var text = Samples.Text(kind, file).Split('\n');
            switch (field)
            {
                case "" when e.Key == "result":
                    break;
                case "" when e.Key == "sections":
                    Assert.Equal(e.Value, string.Join(' ', counters.Keys.Select(k => k[..k.IndexOf('_', StringComparison.Ordinal)]).Distinct()));
                    break;
                case "" when e.Key == "fields_total":
                    Assert.True(e.Number == (ulong)counters.Count, e.ToString());
                    break;
                case "names":
                    Assert.True(e.Number == (ulong)counters.Keys.Count(k => k.StartsWith(group + "_", StringComparison.Ordinal)), e.ToString());
                    break;
                case "header_names" or "values":
                    // The malformed pair is not read; the counts are of the text, which the error reports.
                    var lines = text.Where(l => l.StartsWith(group + ":", StringComparison.Ordinal)).ToArray();
                    var count = lines[field == "values" ? 1 : 0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length - 1;
                    Assert.True(e.Number == (ulong)count, e.ToString());
                    break;
                default:
                    Assert.True(counters.TryGetValue($"{group}_{field}", out var v) && v == double.Parse(e.Value, System.Globalization.CultureInfo.InvariantCulture), e.ToString());
                    break;
            }
        }
    }
}

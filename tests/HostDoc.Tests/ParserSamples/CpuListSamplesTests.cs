using HostDoc.Cpus;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>sysfs cpu lists and cgroup cpuset files through <see cref="CpuList.TryParse"/>.</summary>
public sealed class CpuListSamplesTests
{
    public static TheoryData<string> CpuListFiles => Samples.Files("cpu-lists");

    public static TheoryData<string> CpusetFiles => Samples.Files("cpuset");

    [Theory]
    [MemberData(nameof(CpuListFiles))]
    public void Cpu_lists_parse_as_their_source_says(string file) => Check("cpu-lists", file);

    [Theory]
    [MemberData(nameof(CpusetFiles))]
    public void Cpusets_parse_as_their_source_says(string file) => Check("cpuset", file);

    private static void Check(string kind, string file)
    {
        Assert.True(CpuList.TryParse(Samples.Text(kind, file), out var list, out var error), $"{file}: {error}");
        foreach (var e in Samples.Expected(kind, file))
        {
            if (e.Key == "count")
            {
                Assert.True(e.Number == (ulong)list.Count, e.ToString());
            }
            else
            {
                // cpus/mems: "0-9 20-29", "0 2 3 4 7", "(empty set)"; "(none: literal "(null)")" is the empty set too.
                Assert.True(e.Key is "cpus" or "mems", $"no mapping for {e}");
                Assert.Equal(e.Value.StartsWith('(') ? [] : Cpus(e.Value), list.Cpus);
            }
        }
    }

    private static IEnumerable<int> Cpus(string value) =>
        value.Split(' ').SelectMany(item =>
        {
            var range = item.Split('-').Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return Enumerable.Range(range[0], range[^1] - range[0] + 1);
        });
}

using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>Every kind of sample is either fed to a hostdoc parser or listed in the fixtures' README as not parsed.</summary>
public sealed class SampleInventoryTests
{
    /// <summary>Kinds with a test class here.</summary>
    private static readonly string[] Parsed =
        ["clocksource", "cmdline", "cpu-lists", "cpuset", "interrupts", "loadavg", "meminfo", "mountinfo", "netstat", "partitions",
         "pid-stack", "pid-stat", "pid-status", "pressure", "snmp", "softirqs", "stat", "swaps", "udev", "vmstat", "zoneinfo"];

    /// <summary>Kinds hostdoc has no parser for (reasons in tests/fixtures/parser-samples/README.md).</summary>
    private static readonly string[] NotParsed = ["df", "lsblk", "mounts"];

    [Fact]
    public void Every_kind_is_parsed_or_explained()
    {
        var kinds = Directory.GetDirectories(Samples.Dir("")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(Parsed.Concat(NotParsed).Order(StringComparer.Ordinal), kinds);
        var readme = File.ReadAllText(Path.Combine(Samples.Dir(""), "README.md"));
        Assert.All(NotParsed, kind => Assert.Contains($"`{kind}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void All_124_samples_are_here()
    {
        Assert.Equal(124, Parsed.Concat(NotParsed).Sum(kind => Samples.Names(kind).Count));
    }
}

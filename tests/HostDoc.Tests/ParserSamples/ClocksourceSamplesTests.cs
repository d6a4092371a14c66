using HostDoc.Sys.Devices.System.Clocksource;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>clocksource0 samples through <see cref="Clocksource.Read"/> (no expected.tsv: the values are read off the samples).</summary>
public sealed class ClocksourceSamplesTests
{
    private const string Directory = "/sys/devices/system/clocksource/clocksource0/";

    [Fact]
    public void Reads_a_current_clocksource_without_a_newline_and_a_list_with_a_trailing_blank()
    {
        using var tree = new TempTree();
        tree.Write(Directory + "current_clocksource", Samples.Text("clocksource", "001.txt"));
        tree.Write(Directory + "available_clocksource", Samples.Text("clocksource", "002.txt"));
        var clock = Clocksource.Read(tree.Root);
        Assert.Equal("xen", clock.Current);
        Assert.Equal(["tsc", "hpet", "acpi_pm"], clock.Available);
    }
}

using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.Proc;

public sealed class ZoneinfoTests
{
    [Fact]
    public void Reserve_is_the_largest_protection_plus_high_capped_at_managed()
    {
        // The zones of vm-6.18-idle as printed by kernel 6.18, values from that capture.
        var zones = Zoneinfo.Read(Fixtures.Root("vm-6.18-idle")).Value!;

        Assert.Equal(["DMA", "DMA32", "Normal", "Movable", "Device"], zones.Zones.Select(z => z.Name));
        var dma = zones.Zones[0];
        Assert.Equal(Math.Min(dma.Protection.Max() + dma.High, dma.Managed!.Value), dma.ReservePages);
        Assert.Equal(0UL, zones.Zones[3].ReservePages);   // Movable: 32 high but 0 managed
        Assert.Equal(zones.Zones.Sum(z => (long)z.ReservePages), (long)zones.TotalReservePages);
    }

    [Fact]
    public void Reads_the_4x_layout_with_per_node_stats_inside_the_first_zone()
    {
        var sourced = Zoneinfo.Read(Fixtures.Root("node-exporter-1.5.0"));
        Assert.True(sourced.IsClean, string.Join("; ", sourced.Problems));
        var dma = sourced.Value!.Zones[0];
        Assert.Equal("DMA", dma.Name);
        Assert.Equal(2949UL, dma.FreePages);
        Assert.Equal(14UL, dma.High);
    }

    [Fact]
    public void A_kernel_without_managed_caps_at_present()
    {
        // 2.6.32 layout: no "managed" line.
        const string text = """
            Node 0, zone      DMA
              pages free     3943
                    min      7
                    low      8
                    high     10
                    scanned  0
                    spanned  4080
                    present  3675
                nr_free_pages 3943
                    protection: (0, 2003, 3014, 3014)
            """;
        var zone = Assert.Single(Zoneinfo.Parse(text).Value.Zones);
        Assert.Null(zone.Managed);
        Assert.Equal(3014UL + 10, zone.ReservePages);
    }

    [Theory]
    [InlineData("Node x, zone DMA")]
    [InlineData("Node 0 zone DMA")]
    public void A_bad_zone_header_is_an_error(string header)
    {
        var result = Zoneinfo.Parse($"{header}\n  pages free 1\n");
        Assert.False(result.Success);
        Assert.Empty(result.Value.Zones);
    }

    [Fact]
    public void A_bad_protection_list_is_an_error_naming_the_zone()
    {
        var result = Zoneinfo.Parse("Node 0, zone Normal\n  pages free 1\n        protection: (0, x)\n");
        Assert.Equal("Normal", Assert.Single(result.Errors).Key);
    }
}

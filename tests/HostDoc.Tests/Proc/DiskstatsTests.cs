using HostDoc.Proc;
using HostDoc.Storage;
using Xunit;

namespace HostDoc.Tests.Proc;

public sealed class DiskstatsTests
{
    [Fact]
    public void Reads_every_kernel_generation_of_the_captured_samples()
    {
        var fields = new SortedSet<int>();
        foreach (var file in Directory.GetFiles(Fixtures.Dir("diskstats"), "diskstats*", SearchOption.AllDirectories))
        {
            var parsed = Diskstats.Parse(File.ReadAllText(file));
            Assert.True(parsed.Success, $"{file}: {string.Join("; ", parsed.Errors)}");
            Assert.NotEmpty(parsed.Value);
            fields.UnionWith(parsed.Value.Select(d => d.Fields));
        }

        Assert.Superset(new SortedSet<int> { 4, 11, 15, 17 }, fields);
    }

    [Fact]
    public void Reads_a_2_6_partition_with_its_four_counters_and_cciss_names()
    {
        var parsed = Diskstats.Parse(Fixtures.Text("diskstats/linux-2.6-partitions", "/diskstats"));
        Assert.True(parsed.Success);
        var sda1 = parsed.Value.Single(d => d.Name == "sda1");
        Assert.Equal((4, 1371UL, 2752UL, 26UL, 52UL, false), (sda1.Fields, sda1.ReadIos, sda1.ReadSectors, sda1.WriteIos, sda1.WriteSectors, sda1.HasTimes));
        var sda = parsed.Value.Single(d => d.Name == "sda");
        Assert.Equal((11, 33826350U, 1U, 33303827U, 115529971U), (sda.Fields, sda.ReadTicks, sda.InFlight, sda.IoTicks, sda.QueueTicks));
        var cciss = Diskstats.Parse(Fixtures.Text("diskstats/sysstat-root6-root7", "/diskstats.1")).Value;
        Assert.Contains(cciss, d => d.Name == "cciss/c0d0p1" && d.Device == new DeviceNumber(104, 1));
    }

    [Theory]
    [InlineData("   8       0 sda 1 2 3 4 5 6 7 8 9 10 11 12 13", 13)]                 // 13 counters: read as 11, as sysstat does
    [InlineData("   8       0 sda 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16", 16)]       // 16: the discard group, no flushes
    [InlineData("   8       0 sda 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19", 19)] // a future kernel's additions are ignored
    public void Takes_partial_groups_as_the_last_whole_group(string line, int fields)
    {
        var parsed = Diskstats.Parse(line);
        Assert.True(parsed.Success);
        var d = Assert.Single(parsed.Value);
        Assert.Equal(fields, d.Fields);   // the count as the line had it
        Assert.Equal(fields >= 15 ? 12UL : 0UL, d.DiscardIos);
        Assert.Equal(fields >= 17 ? 16UL : 0UL, d.FlushIos);
    }

    [Theory]
    [InlineData("   8       0 sda 1 2 3 4 5 6 7")]                    // 7 counters: no kernel prints that
    [InlineData("   8       0 sda 1 2 3 4 5 6 7 8 9 x 11")]           // not a number
    [InlineData("   8       0")]                                       // torn before the name
    [InlineData("   8       0 sda 1 2 3 -4 5 6 7 8 9 10 11")]          // a sign
    [InlineData("   99999999999 0 sda 1 2 3 4 5 6 7 8 9 10 11")]       // major past 32 bits
    public void Skips_a_damaged_line_with_a_problem_and_keeps_the_rest(string damaged)
    {
        var parsed = Diskstats.Parse("   8      16 sdb 1 2 3 4 5 6 7 8 9 10 11\n" + damaged + "\n 253 0 dm-0 1 2 3 4 5 6 7 8 9 10 11");
        Assert.Equal(["sdb", "dm-0"], parsed.Value.Select(d => d.Name));
        var error = Assert.Single(parsed.Errors);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_time_past_32_bits_keeps_its_low_bits_as_the_kernel_prints_it()
    {
        var d = Assert.Single(Diskstats.Parse("8 0 sda 1 0 8 4294967301 0 0 0 0 0 0 0").Value);
        Assert.Equal(5U, d.ReadTicks);
    }

    [Fact]
    public void Millisecond_counters_that_wrap_give_the_growth_modulo_2_to_the_32()
    {
        var before = Assert.Single(Diskstats.Parse("7 1 loop1 10 0 80 4294966296 10 0 80 4294967000 1 4294967000 4294967000").Value);
        var after = Assert.Single(Diskstats.Parse("7 1 loop1 20 0 160 1000 20 0 160 704 1 704 704").Value);
        var a = DiskActivity.Between(before, after, 100);
        Assert.Equal(200, a.ReadAwait, 6);    // (2^32 - 4294966296 + 1000) ms over 10 reads
        Assert.Equal(100, a.WriteAwait, 6);
        Assert.Equal(100, a.UtilizationPercent, 6);
    }

    [Fact]
    public void A_count_that_wrapped_on_a_32_bit_kernel_grows_by_the_wrap_and_a_device_that_came_back_starts_from_zero()
    {
        var before = Assert.Single(Diskstats.Parse("8 0 sda 4294967290 0 100 100 0 0 0 0 0 100 100").Value);
        var wrapped = Assert.Single(Diskstats.Parse("8 0 sda 4 0 200 200 0 0 0 0 0 200 200").Value);
        Assert.Equal(10, DiskActivity.Between(before, wrapped, 100).ReadsPerSecond, 6);

        var big = Assert.Single(Diskstats.Parse("8 0 sda 9000000000 0 9000000000 100 0 0 0 0 0 100 100").Value);
        var replugged = Assert.Single(Diskstats.Parse("8 0 sda 50 0 400 100 0 0 0 0 0 100 100").Value);
        Assert.Equal(50, DiskActivity.Between(big, replugged, 100).ReadsPerSecond, 6);   // sysstat's test: fewer requests and sectors
    }
}

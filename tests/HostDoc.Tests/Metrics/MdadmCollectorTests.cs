using HostDoc.Metrics;
using HostDoc.Metrics.Collectors;
using Xunit;

namespace HostDoc.Tests.Metrics;

public sealed class MdadmCollectorTests
{
    private static (Dictionary<string, double> Series, bool Degraded) Collect(TempTree tree)
    {
        var context = new CollectorContext(new HostModel(tree.Root, TimeProvider.System), MetricsOptions.Defaults);
        var series = MdadmCollector.Collect(context).SelectMany(f => f.Samples.Select(s => (Key: f.Name + "{" + string.Join(",", s.Labels.Select(l => $"{l.Key}={l.Value}")) + "}", s.Value)))
            .ToDictionary(s => s.Key, s => s.Value);
        return (series, context.Degraded);
    }

    private static (Dictionary<string, double> Series, bool Degraded) Collect(string mdstat)
    {
        using var tree = new TempTree();
        tree.Write("/proc/mdstat", mdstat);
        return Collect(tree);
    }

    private static string State(Dictionary<string, double> series, string device) =>
        Assert.Single(series, s => s.Key.StartsWith($"node_md_state{{device={device},", StringComparison.Ordinal) && s.Value == 1).Key;

    [Fact]
    public void Without_mdstat_the_source_is_unavailable_as_node_exporters_collector_fails()
    {
        using var tree = new TempTree();
        tree.Write("/proc/uptime", "1 1\n");
        Assert.Throws<SourceUnavailableException>(() => Collect(tree));
    }

    [Fact]
    public void Counts_the_procfs_fixture_as_node_exporter_does()
    {
        var (series, degraded) = Collect(Fixtures.Text("mdstat", "/procfs-fixtures.mdstat"));
        Assert.False(degraded);
        Assert.Equal("node_md_state{device=md6,state=recovering}", State(series, "md6"));
        Assert.Equal(16775552, series["node_md_blocks_synced{device=md6}"]);
        Assert.Equal("node_md_state{device=md201,state=check}", State(series, "md201"));
        Assert.Equal(114176, series["node_md_blocks_synced{device=md201}"]);
        Assert.Equal("node_md_state{device=md9,state=resync}", State(series, "md9"));   // resync=DELAYED
        Assert.Equal(0, series["node_md_blocks_synced{device=md9}"]);
        Assert.Equal(0, series["node_md_blocks_synced{device=md11}"]);                  // resync=PENDING
        Assert.Equal("node_md_state{device=md4,state=inactive}", State(series, "md4"));
        Assert.Equal((0, 0, 1, 1), (series["node_md_disks_required{device=md4}"], series["node_md_disks{device=md4,state=active}"],
            series["node_md_disks{device=md4,state=failed}"], series["node_md_disks{device=md4,state=spare}"]));   // inactive: its [2/2] is not counted
        Assert.Equal(4883648, series["node_md_blocks_synced{device=md4}"]);
        Assert.Equal((2, 2), (series["node_md_disks_required{device=md10}"], series["node_md_disks{device=md10,state=active}"]));   // raid0: its members
        Assert.Equal(17 * 11, series.Count);
    }

    [Theory]
    [InlineData("repair", "active")]
    [InlineData("reshape", "active")]
    [InlineData("resync", "resync")]
    public void A_repair_or_reshape_stays_active_and_synced(string action, string state)
    {
        var (series, _) = Collect($"Personalities : [raid1]\nmd0 : active raid1 sdb1[1] sda1[0]\n      1000 blocks [2/2] [UU]\n      [=>...]  {action} =  5.0% (50/1000) finish=1.0min speed=100K/sec\n\nunused devices: <none>\n");
        Assert.Equal($"node_md_state{{device=md0,state={state}}}", State(series, "md0"));
        Assert.Equal(state == "active" ? 1000 : 50, series["node_md_blocks_synced{device=md0}"]);
    }

    [Fact]
    public void An_array_its_lines_do_not_fully_describe_keeps_what_they_give_and_degrades()
    {
        var (series, degraded) = Collect("Personalities : [raid1]\nmd0 : active raid1 sdb1[1] sda1[0](F)\n      1000 blocks super 1.2\n      resync=REMOTE\n\n"
            + "md1 : active raid1 sdc1[0\n      5 blocks [1/1] [U]\n\nmd2 : active raid1 sdd1[0]\n\nmd2 : active raid1 sde1[0]\n      7 blocks [1/1] [U]\n\nunused devices: <none>\n");
        Assert.True(degraded);
        Assert.Equal("node_md_state{device=md0,state=resync}", State(series, "md0"));
        Assert.Equal(1, series["node_md_disks{device=md0,state=failed}"]);
        Assert.Equal(1000, series["node_md_blocks{device=md0}"]);
        Assert.False(series.ContainsKey("node_md_blocks_synced{device=md0}"));    // resync=REMOTE gives no count
        Assert.False(series.ContainsKey("node_md_disks_required{device=md0}"));   // no [n/m]
        Assert.DoesNotContain(series.Keys, k => k.Contains("device=md1", StringComparison.Ordinal));   // the array line itself is damaged
        Assert.False(series.ContainsKey("node_md_blocks{device=md2}"));            // the first md2 has no size line; the second is a duplicate
    }
}

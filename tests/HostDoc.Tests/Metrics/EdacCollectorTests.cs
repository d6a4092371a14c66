using HostDoc.Metrics;
using HostDoc.Metrics.Collectors;
using Xunit;

namespace HostDoc.Tests.Metrics;

public sealed class EdacCollectorTests
{
    private const string Mc = "/sys/devices/system/edac/mc";

    private static (Dictionary<string, double> Series, bool Degraded) Collect(TempTree tree)
    {
        var context = new CollectorContext(new HostModel(tree.Root, TimeProvider.System), MetricsOptions.Defaults);
        var series = EdacCollector.Collect(context).SelectMany(f => f.Samples.Select(s => (Key: f.Name + "{" + string.Join(",", s.Labels.Select(l => $"{l.Key}={l.Value}")) + "}", s.Value)))
            .ToDictionary(s => s.Key, s => s.Value);
        return (series, context.Degraded);
    }

    private static void Controller(TempTree tree, string name, params string[] files)
    {
        foreach (var (file, value) in files.Select(f => (f.Split('=')[0], f.Split('=')[1])))
        {
            tree.Write($"{Mc}/{name}/{file}", value + "\n");
        }
    }

    [Fact]
    public void Without_edac_there_are_no_series_and_no_error()
    {
        using var tree = new TempTree();
        tree.Write("/proc/uptime", "1 1\n");
        var (series, degraded) = Collect(tree);
        Assert.Empty(series);
        Assert.False(degraded);
    }

    [Fact]
    public void Noinfo_counts_are_the_unknown_csrow_and_the_label_is_the_directory_number()
    {
        using var tree = new TempTree();
        Controller(tree, "mc12", "ce_count=1", "ue_count=5", "ce_noinfo_count=2", "ue_noinfo_count=6", "csrow03/ce_count=3", "csrow03/ue_count=4");
        tree.Write($"{Mc}/power/async", "disabled\n");   // not mc[0-9]*: skipped, as node_exporter's glob skips it
        var (series, degraded) = Collect(tree);
        Assert.False(degraded);
        Assert.Equal(6, series.Count);
        Assert.Equal(1, series["node_edac_correctable_errors_total{controller=12}"]);
        Assert.Equal(5, series["node_edac_uncorrectable_errors_total{controller=12}"]);
        Assert.Equal(2, series["node_edac_csrow_correctable_errors_total{controller=12,csrow=unknown}"]);
        Assert.Equal(6, series["node_edac_csrow_uncorrectable_errors_total{controller=12,csrow=unknown}"]);
        Assert.Equal(3, series["node_edac_csrow_correctable_errors_total{controller=12,csrow=03}"]);
        Assert.Equal(4, series["node_edac_csrow_uncorrectable_errors_total{controller=12,csrow=03}"]);
    }

    [Fact]
    public void A_damaged_or_missing_count_is_left_out_and_the_rest_kept()
    {
        using var tree = new TempTree();
        Controller(tree, "mc0", "ce_count=x", "ue_count=18446744073709551616", "ce_noinfo_count=2", "csrow0/ce_count=3");
        Controller(tree, "mc1", "ce_count=7", "ue_count=0", "ce_noinfo_count=0", "ue_noinfo_count=0");
        var (series, degraded) = Collect(tree);
        Assert.True(degraded);
        Assert.Equal(["node_edac_correctable_errors_total{controller=1}", "node_edac_csrow_correctable_errors_total{controller=0,csrow=0}",
            "node_edac_csrow_correctable_errors_total{controller=0,csrow=unknown}", "node_edac_csrow_correctable_errors_total{controller=1,csrow=unknown}",
            "node_edac_csrow_uncorrectable_errors_total{controller=1,csrow=unknown}", "node_edac_uncorrectable_errors_total{controller=1}"],
            series.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Two_directories_with_one_label_keep_the_first()
    {
        using var tree = new TempTree();
        Controller(tree, "mc0", "ce_count=1", "ue_count=1", "ce_noinfo_count=1", "ue_noinfo_count=1");
        Controller(tree, "mc0x", "ce_count=9", "ue_count=9", "ce_noinfo_count=9", "ue_noinfo_count=9");
        var (series, degraded) = Collect(tree);
        Assert.True(degraded);
        Assert.Equal(1, series["node_edac_correctable_errors_total{controller=0}"]);
        Assert.Equal(4, series.Count);
    }
}

using System.Net;
using System.Text.Json;
using Xunit;

namespace HostDoc.Tests.Serve;

/// <summary><c>hostdoc serve</c> as a scraper and a person meet it: started on 127.0.0.1, scraped, stopped with SIGTERM.</summary>
public sealed class ServeTests
{
    private static string Sample => Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk");

    [Fact]
    public async Task Every_endpoint_answers_on_a_captured_tree()
    {
        using var served = ServedHost.Start(Sample);
        Assert.Equal((HttpStatusCode.OK, "ok\n"), ((await served.GetAsync("/healthz")).Status, (await served.GetAsync("/healthz")).Body));

        var metrics = await served.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.Status);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", metrics.Type);
        var series = Exposition.Parse(metrics.Body);
        Assert.Equal(1, series["hostdoc_finding{id=\"log.disk-media-error\",severity=\"critical\",subject=\"sdf\"}"]);
        Assert.Equal(1, series["hostdoc_finding{id=\"disk.forced-readonly\",severity=\"critical\",subject=\"/data\"}"]);
        Assert.Equal(3, series["hostdoc_log_incident_occurrences{id=\"log.disk-media-error\",subject=\"sdf\",severity=\"critical\"}"]);
        Assert.Equal(1, series["hostdoc_scrape_source_up{source=\"meminfo\"}"]);
        Assert.True(series["node_memory_MemTotal_bytes"] > 0);

        var open = await served.GetAsync("/metrics", "application/openmetrics-text; version=1.0.0");
        Assert.StartsWith("application/openmetrics-text; version=1.0.0", open.Type, StringComparison.Ordinal);
        Assert.EndsWith("# EOF\n", open.Body, StringComparison.Ordinal);
        Assert.Contains("# TYPE node_interrupts counter", open.Body, StringComparison.Ordinal);

        var report = await served.GetAsync("/report.json");
        using (var doc = JsonDocument.Parse(report.Body))
        {
            Assert.Equal("hostdoc.report/1", doc.RootElement.GetProperty("schema").GetString());
            Assert.Equal("critical", doc.RootElement.GetProperty("worst").GetString());
        }

        var page = await served.GetAsync("/?refresh=30");
        Assert.Equal("text/html; charset=utf-8", page.Type);
        Assert.Contains("<svg id=\"memory-chart\"", page.Body, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"irq-chart\"", page.Body, StringComparison.Ordinal);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"30\">", page.Body, StringComparison.Ordinal);
        Assert.Contains("The drive behind ata6 (sdf) cannot read LBA 291,766,746", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", page.Body.Replace(served.BaseUrl, "", StringComparison.Ordinal), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await served.GetAsync("/nope")).Status);
        using var post = await served.Http.PostAsync(served.BaseUrl + "/metrics", new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);

        var (code, output) = served.Stop();
        Assert.Equal(0, code);
        Assert.Contains("hostdoc serve: stopped", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_that_fails_is_a_zero_never_a_failed_scrape()
    {
        using var tree = new TempTree();
        tree.Write("/proc/meminfo", "MemTotal: lots\n");
        tree.Write("/proc/loadavg", "0.10 0.20 0.30 1/100 4242\n");
        using var served = ServedHost.Start(tree.Dir);
        var metrics = await served.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.Status);
        var series = Exposition.Parse(metrics.Body);
        Assert.Equal(0, series["hostdoc_scrape_source_up{source=\"meminfo\"}"]);
        Assert.Equal(1, series["hostdoc_scrape_source_up{source=\"loadavg\"}"]);
        Assert.Equal(0.2, series["node_load5"]);
        Assert.DoesNotContain(series.Keys, k => k.StartsWith("node_memory_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stuck_tasks_are_counted_by_what_they_wait_for()
    {
        // captured on this machine with a task stuck on a FUSE mount nobody serves (tests/fixtures/stuck-fuse-6.18/README.md)
        using var served = ServedHost.Start(Fixtures.Dir("stuck-fuse-6.18"));
        var series = Exposition.Parse((await served.GetAsync("/metrics")).Body);
        Assert.True(series["hostdoc_tasks_stuck{wait_class=\"fuse\"}"] >= 1);
        Assert.True(series["hostdoc_tasks_uninterruptible"] >= 1);
        Assert.InRange(series["hostdoc_checks_age_seconds"], 0, 30);
    }

    [Fact]
    public async Task Concurrent_scrapes_are_all_answered()
    {
        using var served = ServedHost.Start(Sample);
        var scrapes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => served.GetAsync("/metrics")));
        Assert.All(scrapes, s => Assert.Equal(HttpStatusCode.OK, s.Status));
        Assert.All(scrapes, s => Assert.Contains("hostdoc_finding{", s.Body, StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_arguments_exit_2_with_one_line()
    {
        var run = HostDoc.Tests.Cli.CliRun.Of("serve", "--listen", "nowhere");
        Assert.Equal(2, run.Code);
    }
}

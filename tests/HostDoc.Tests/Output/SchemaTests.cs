using System.Text.Json;
using HostDoc.Tests.Cli;
using Json.Schema;
using Xunit;

namespace HostDoc.Tests.Output;

/// <summary>
/// The JSON outputs against their schemas under <c>schemas/</c> (JsonSchema.Net, draft 2020-12): <c>logs --format json</c>
/// of every log fixture (hostdoc.logs/2) and <c>report --format json</c> of every fixture tree (hostdoc.report/1).
/// The schemas list every typed member with its type and allow no other, so a number written as text fails.
/// </summary>
public sealed class SchemaTests
{
    private static readonly Lazy<JsonSchema> Logs = new(() => Load("hostdoc.logs-2.schema.json"));
    private static readonly Lazy<JsonSchema> Report = new(() => Load("hostdoc.report-1.schema.json"));
    private static readonly Lazy<JsonSchema> Iostat = new(() => Load("hostdoc.iostat-1.schema.json"));
    private static readonly Lazy<JsonSchema> Net = new(() => Load("hostdoc.net-1.schema.json"));

    public static TheoryData<string> LogFixtures
    {
        get
        {
            var root = Path.Combine(Fixtures.RepoRoot, "tests", "fixtures", "logs");
            var data = new TheoryData<string>();
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(root, file));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(LogFixtures))]
    public void Logs_json_of_every_log_fixture_is_valid(string file)
    {
        var run = CliRun.Of("logs", "--format", "json", Path.Combine(Fixtures.RepoRoot, "tests", "fixtures", "logs", file));
        AssertValid(Logs.Value, run.Out);
    }

    [Theory]
    [MemberData(nameof(Fixtures.Trees), MemberType = typeof(Fixtures))]
    public void Report_json_of_every_fixture_tree_is_valid(string tree)
    {
        var run = CliRun.Of("report", "--format", "json", "--root", Fixtures.Dir(tree));
        AssertValid(Report.Value, run.Out);
    }

    [Theory]
    [InlineData("samples/failing-disk")]
    [InlineData("tests/fixtures/stuck-seed-jbd2")]
    [InlineData("tests/fixtures/stuck-fuse-6.18")]
    public void Report_json_with_causes_and_stuck_tasks_is_valid(string tree)
    {
        var run = CliRun.Of("report", "--format", "json", "--root", Path.Combine(Fixtures.RepoRoot, tree));
        AssertValid(Report.Value, run.Out);
    }

    [Theory]
    [InlineData("diskstats/vm-6.18-slow-loop", "/diskstats.2", "/uptime.2")]
    [InlineData("diskstats/sysstat-root6-root7", "/diskstats.1", "/uptime.1")]
    [InlineData("diskstats/linux-2.6-partitions", "/diskstats", "/uptime")]
    public void Iostat_json_of_every_kernel_generation_is_valid(string fixture, string diskstats, string uptime)
    {
        using var tree = new TempTree();
        tree.Write("/proc/diskstats", Fixtures.Text(fixture, diskstats));
        tree.Write("/proc/uptime", Fixtures.Text(fixture, uptime));
        var run = CliRun.Of("--root", tree.Dir, "iostat", "--partitions", "--format", "json");
        Assert.Equal(0, run.Code);
        AssertValid(Iostat.Value, run.Out);
        if (fixture.EndsWith("partitions", StringComparison.Ordinal))
        {
            Assert.Contains("\"r_await\": null", run.Out, StringComparison.Ordinal);   // a 4-counter partition has no times: null, not 0
        }
    }

    [Theory]
    [InlineData("vm-6.18-net")]
    [InlineData("netns-incidents")]
    [InlineData("node-exporter-1.5.0")]
    public void Net_json_of_every_network_tree_is_valid(string tree)
    {
        var run = CliRun.Of("net", "--format", "json", "--root", Fixtures.Dir(tree));
        AssertValid(Net.Value, run.Out);
    }

    [Fact]
    public void Net_json_of_this_host_over_an_interval_is_valid()
    {
        var run = CliRun.Of("net", "--format", "json", "--interval", "0.2");
        Assert.Equal(0, run.Code);
        Assert.Contains("\"per_second\"", run.Out, StringComparison.Ordinal);
        AssertValid(Net.Value, run.Out);
    }

    [Theory]
    [InlineData("netns-incidents")]
    [InlineData("vm-6.18-net")]
    public void Report_json_with_network_findings_is_valid(string tree)
    {
        var run = CliRun.Of("report", "--format", "json", "--root", Fixtures.Dir(tree));
        AssertValid(Report.Value, run.Out);
    }

    [Fact]
    public void An_lba_written_as_text_is_refused()
    {
        var run = CliRun.Of("logs", "--format", "json", Path.Combine(Fixtures.RepoRoot, "tests", "fixtures", "logs", "seed-ata6-ext3.log"));
        var text = run.Out.Replace("\"lba\": 291766746", "\"lba\": \"291,766,746\"", StringComparison.Ordinal);
        Assert.NotEqual(run.Out, text);
        using var doc = JsonDocument.Parse(text);
        Assert.False(Logs.Value.Evaluate(doc.RootElement).IsValid);
    }

    private static JsonSchema Load(string name) =>
        JsonSchema.FromFile(Path.Combine(Fixtures.RepoRoot, "schemas", name), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static void AssertValid(JsonSchema schema, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).Take(10);
        Assert.True(result.IsValid, string.Join("\n", errors));
    }
}

using System.Text.Json;
using Xunit;

namespace HostDoc.Tests.Cli;

public sealed class ReportCommandTests
{
    [Fact]
    public void Text_report_groups_findings_by_severity()
    {
        var run = CliRun.Of("--root", CliRun.Tree("node-exporter-1.5.0"), "report");
        Assert.Equal(0, run.Code);
        Golden.Assert("report-node-exporter.txt", run.Out.Replace(CliRun.Tree("node-exporter-1.5.0"), "TREE", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_report_is_versioned_and_stable()
    {
        var run = CliRun.Of("--root", CliRun.Tree("vm-6.18-idle"), "report", "--format", "json");
        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal("hostdoc.report/1", document.RootElement.GetProperty("schema").GetString());
        Golden.Assert("report-vm-6.18-idle.json", run.Out.Replace(CliRun.Tree("vm-6.18-idle"), "TREE", StringComparison.Ordinal));
    }

    [Fact]
    public void Live_report_runs_on_this_host()
    {
        var run = CliRun.Of("report", "--format", "json");
        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(new HostDoc.Checks.CheckCatalog().All.Count, document.RootElement.GetProperty("checks").GetArrayLength());
    }

    [Fact]
    public void No_escape_codes_unless_on_a_terminal_without_NO_COLOR()
    {
        var tree = CliRun.Tree("node-exporter-1.5.0");
        Assert.DoesNotContain('\u001b', CliRun.With(false, _ => null, "--root", tree, "report").Out);
        Assert.DoesNotContain('\u001b', CliRun.With(true, v => v == "NO_COLOR" ? "1" : "xterm", "--root", tree, "report").Out);
        Assert.DoesNotContain('\u001b', CliRun.With(true, v => v == "TERM" ? "dumb" : null, "--root", tree, "report").Out);
        Assert.Contains('\u001b', CliRun.With(true, v => v == "TERM" ? "xterm" : null, "--root", tree, "report").Out);
        Assert.Contains('\u001b', CliRun.With(false, _ => null, "--color", "always", "--root", tree, "report").Out);
    }

    [Theory]
    [InlineData("hostdoc: --format takes text or json, not \"yaml\"\n", "report", "--format", "yaml")]
    [InlineData("hostdoc: unknown command \"bogus\" (commands: report, mem, df, devices, logs, collect, serve, explain, tmpfs-resize, stuck, iostat, net, irq, cpus, cpuset, affinity, decode, check; try hostdoc --help)\n", "bogus")]
    [InlineData("hostdoc: --root /nonexistent-hostdoc: no such directory\n", "--root", "/nonexistent-hostdoc", "report")]
    [InlineData("hostdoc: --color takes auto, always or never\n", "--color", "pink", "report")]
    public void Usage_errors_exit_2_on_stderr(string expected, params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(2, run.Code);
        Assert.Equal(expected, run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Help_lists_every_command()
    {
        var run = CliRun.Of("--help");
        Assert.Equal(0, run.Code);
        foreach (var command in new[] { "report", "mem", "check NAME", "--root DIR" })
        {
            Assert.Contains(command, run.Out, StringComparison.Ordinal);
        }
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace HostDoc.Tests.Serve;

/// <summary>
/// contrib/prometheus: the alerting rules load in promtool (Debian's prometheus package, installed on
/// first use), their unit tests pass, and every hostdoc_ and node_filesystem_ series they name is one
/// hostdoc exports, so renaming a metric fails here rather than silencing an alert in production.
/// </summary>
public sealed class AlertRulesTests
{
    private const string Promtool = "/usr/bin/promtool";

    private static readonly string Dir = Path.Combine(Fixtures.RepoRoot, "contrib", "prometheus");
    private static readonly string RulesFile = Path.Combine(Dir, "hostdoc.rules.yml");
    private static readonly string TestFile = Path.Combine(Dir, "hostdoc.rules.test.yml");

    [Fact]
    public void Promtool_checks_the_rules()
    {
        var (code, output) = Run("check", "rules", RulesFile);
        Assert.True(code == 0, $"promtool check rules exited {code}:\n{output}");
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Promtool_checks_the_scrape_job_example_with_its_rules()
    {
        var (code, output) = Run("check", "config", Path.Combine(Dir, "scrape.yml"));
        Assert.True(code == 0, $"promtool check config exited {code}:\n{output}");
        Assert.Contains("rules found", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Promtool_passes_the_rules_unit_tests()
    {
        var (code, output) = Run("test", "rules", TestFile);
        Assert.True(code == 0, $"promtool test rules exited {code}:\n{output}");
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_series_the_rules_name_is_one_hostdoc_exports()
    {
        var defined = Directory.EnumerateFiles(Path.Combine(Fixtures.RepoRoot, "src", "HostDoc", "Metrics"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), "\"((?:hostdoc|node_filesystem)_[a-z_]+)\""))
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        var used = Regex.Matches(File.ReadAllText(RulesFile), @"\b(?:hostdoc|node_filesystem)_[a-z_]+")
            .Select(m => m.Value)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        Assert.Contains("hostdoc_finding", defined);
        Assert.Contains("hostdoc_finding", used);
        var unknown = used.Where(name => !defined.Contains(name)).ToArray();
        Assert.True(unknown.Length == 0,
            $"hostdoc.rules.yml names series no file under src/HostDoc/Metrics defines: {string.Join(", ", unknown)} (defined: {string.Join(", ", defined.Order(StringComparer.Ordinal))})");
    }

    private static (int Code, string Output) Run(params string[] args)
    {
        DebianOracle.Require(Promtool, "prometheus");
        var start = new ProcessStartInfo(Promtool) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Dir };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var promtool = Process.Start(start)!;
        var stdout = promtool.StandardOutput.ReadToEndAsync();
        var stderr = promtool.StandardError.ReadToEndAsync();
        if (!promtool.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            promtool.Kill(entireProcessTree: true);
            promtool.WaitForExit();
        }

        return (promtool.ExitCode, stdout.Result + stderr.Result);
    }
}

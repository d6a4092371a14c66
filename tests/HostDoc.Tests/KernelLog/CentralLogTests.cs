using System.Text.Json;
using HostDoc.Tests.Cli;
using Xunit;

namespace HostDoc.Tests.KernelLog;

/// <summary>
/// A central syslog server's file: two hosts' kernel lines interleaved as rsyslog writes them. Each
/// host keeps its own timeline and its own devices: both have an sdf on ata6 failing, and those are two
/// incidents, not one with the other's occurrences. Built from the seed's log (tests/fixtures/logs,
/// host name masked there): db1 logged all three bursts, web7 only the lines of the first.
/// </summary>
public sealed class CentralLogTests
{
    private static string CentralLog(TempTree dir)
    {
        var seed = File.ReadAllLines(Path.Combine(Fixtures.RepoRoot, "tests", "fixtures", "logs", "seed-ata6-ext3.log"));
        var db1 = seed.Select(l => l.Replace("*****", "db1", StringComparison.Ordinal)).ToArray();
        var web7 = seed.Where(l => l.StartsWith("Mar 18 13:27:44", StringComparison.Ordinal)).Select(l => l.Replace("*****", "web7", StringComparison.Ordinal)).ToArray();
        var lines = new List<string>();
        for (var i = 0; i < Math.Max(db1.Length, web7.Length); i++)
        {
            lines.AddRange(new[] { i < db1.Length ? db1[i] : null, i < web7.Length ? web7[i] : null }.OfType<string>());
        }

        var path = Path.Combine(dir.Dir, "central.log");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Each_host_keeps_its_own_incidents()
    {
        using var dir = new TempTree();
        var run = CliRun.Of("logs", CentralLog(dir), "--format", "json");
        using var json = JsonDocument.Parse(run.Out);
        var incidents = json.RootElement.GetProperty("incidents").EnumerateArray()
            .Select(i => (Host: i.GetProperty("host").GetString(), Id: i.GetProperty("id").GetString(), Subject: i.GetProperty("subject").GetString(), Occurrences: i.GetProperty("occurrences").GetInt32()))
            .Where(i => i.Id == "log.disk-media-error").OrderBy(i => i.Host, StringComparer.Ordinal).ToArray();
        // web7's only burst never names the disk behind ata6.00 (the sense lines came with db1's later bursts): that is all its log says.
        Assert.Equal([("db1", "log.disk-media-error", "sdf", 3), ("web7", "log.disk-media-error", "ata6.00", 1)], incidents);
    }

    [Fact]
    public void Text_groups_by_host_and_host_filters()
    {
        using var dir = new TempTree();
        var log = CentralLog(dir);
        var all = CliRun.Of("logs", log).Out;
        Assert.Contains(", 2 hosts", all, StringComparison.Ordinal);
        Assert.True(all.IndexOf("host db1", StringComparison.Ordinal) is var a and >= 0 && all.IndexOf("host web7", StringComparison.Ordinal) > a, all);

        var web7 = CliRun.Of("logs", log, "--host", "web7", "--format", "json");
        using var json = JsonDocument.Parse(web7.Out);
        Assert.All(json.RootElement.GetProperty("incidents").EnumerateArray(), i => Assert.Equal("web7", i.GetProperty("host").GetString()));
        Assert.Contains(json.RootElement.GetProperty("incidents").EnumerateArray(), i => i.GetProperty("id").GetString() == "log.disk-media-error");
    }

    [Fact]
    public void The_check_names_the_host_of_each_incident()
    {
        using var dir = new TempTree();
        var run = CliRun.Of("check", "kernel-log", "--log", CentralLog(dir), "--state", Path.Combine(dir.Dir, "state"), "-v");
        Assert.Equal(2, run.Code);
        Assert.Contains("db1: The drive behind ata6 (sdf) cannot read LBA 291,766,746: failed 3 times", run.Out, StringComparison.Ordinal);
        Assert.Contains("web7: The drive at ata6.00 cannot read LBA 291,766,746: failed at Mar 18 13:27:44", run.Out, StringComparison.Ordinal);
    }
}

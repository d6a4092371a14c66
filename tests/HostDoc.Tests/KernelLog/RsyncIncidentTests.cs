using HostDoc.Tests.Cli;
using Xunit;

namespace HostDoc.Tests.KernelLog;

/// <summary>rsync's own lines in a log become one incident per transfer, explained by the exit code that caused it.</summary>
public sealed class RsyncIncidentTests
{
    private static string Fixture(string name) => Path.Combine(Fixtures.RepoRoot, "tests", "fixtures", "logs", "rsync", name);

    [Fact]
    public void The_seeds_four_lines_are_one_transfer_that_timed_out()
    {
        var run = CliRun.Of("logs", "--format", "json", Fixture("seed-io-timeout.cron-mail"));
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        var incident = Assert.Single(json.RootElement.GetProperty("incidents").EnumerateArray());
        var data = incident.GetProperty("data");
        Assert.Equal(30, data.GetProperty("exit_code").GetInt32());
        Assert.Equal("receiver", data.GetProperty("rsync_role").GetString());
        Assert.Equal("3.0.6", data.GetProperty("rsync_version").GetString());
        Assert.Equal(3604, data.GetProperty("io_timeout_seconds").GetInt32());
        Assert.Equal(697, data.GetProperty("bytes_received").GetInt32());
        Assert.Contains("it follows from code 30", run.Out);
        Assert.Equal(4, incident.GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public void Transfers_an_hour_apart_are_two_incidents_and_kernel_lines_stay_their_own()
    {
        var run = CliRun.Of("logs", Fixture("two-transfers.syslog"));
        var text = System.Text.RegularExpressions.Regex.Replace(run.Out, @"\s+", " ");
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(run.Out, "log.rsync-failed"));
        Assert.Contains("rsync sender (rsync[7403]): rsync exit 30: timeout in data send/receive (sender 3.5.0) after 2 s without I/O", text);
        Assert.Contains("rsync exit 23: some files/attrs were not transferred", text);
        Assert.Contains("errno 13 (EACCES)", text);
        Assert.Contains("log.syn-flood port 873", text);
        Assert.DoesNotContain("CRON", text);
    }
}

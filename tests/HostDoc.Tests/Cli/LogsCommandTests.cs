using System.Text.Json;
using Xunit;

namespace HostDoc.Tests.Cli;

/// <summary><c>hostdoc logs</c>: files, the sample tree, JSON, and what happens to bad input.</summary>
public sealed class LogsCommandTests
{
    private static string Log(string name) => Path.Combine(Fixtures.RepoRoot, "tests", "fixtures", "logs", name);

    [Fact]
    public void The_sample_tree_shows_the_seeds_incident_joined_to_its_devices()
    {
        var run = CliRun.Of("--root", Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk"), "logs");
        Assert.Equal(0, run.Code);
        Assert.Contains("The drive behind ata6 (sdf) cannot read LBA 291,766,746: failed 3 times (Mar 18 13:27:44, 14:01:31, 14:34:59)", run.Out, StringComparison.Ordinal);
        Assert.Contains("ata6.00 → 5:0:0:0 → sdf → sdf1 → dm-0 (vg-data) → /data", run.Out, StringComparison.Ordinal);
        Assert.Contains("disk sector 291,766,746 is in sdf1, 139 GiB into the partition", run.Out, StringComparison.Ordinal);
        Assert.Contains("/data (ext3, read-only)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_report_leads_with_the_dying_disk()
    {
        var run = CliRun.Of("--root", Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk"), "report");
        Assert.Contains("log.disk-media-error", run.Out, StringComparison.Ordinal);
        Assert.Contains("disk.forced-readonly", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_versioned_and_carries_the_decoded_incident()
    {
        var run = CliRun.Of("logs", "--format", "json", Log("seed-ata6-ext3.log"));
        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal("hostdoc.logs/2", doc.RootElement.GetProperty("schema").GetString());
        Assert.Equal(57, doc.RootElement.GetProperty("read").GetProperty("lines").GetInt32());
        var incident = Assert.Single(doc.RootElement.GetProperty("incidents").EnumerateArray());
        Assert.Equal("log.disk-media-error", incident.GetProperty("id").GetString());
        Assert.Equal(3, incident.GetProperty("occurrences").GetInt32());
        Assert.Equal(["ata6.00", "5:0:0:0", "sdf", "dm-0"], incident.GetProperty("chain").EnumerateArray().Select(e => e.GetString()));
        Assert.False(incident.GetProperty("first_seen").GetProperty("year_known").GetBoolean());
        Assert.Equal("disk", incident.GetProperty("kind").GetString());
        var data = incident.GetProperty("data");
        Assert.Equal(JsonValueKind.Number, data.GetProperty("lba").ValueKind);
        Assert.Equal(291766746UL, data.GetProperty("lba").GetUInt64());
        Assert.Equal(8UL, data.GetProperty("sectors").GetUInt64());
        Assert.Equal("ata6", data.GetProperty("ata_port").GetString());
        Assert.Equal("ata6.00", data.GetProperty("ata_device").GetString());
        Assert.Equal("5:0:0:0", data.GetProperty("scsi").GetString());
        Assert.Equal("sdf", data.GetProperty("disk").GetString());
        Assert.Equal("dm-0", data.GetProperty("dm").GetString());
        Assert.Equal("ext3", data.GetProperty("filesystem").GetString());
        Assert.True(data.GetProperty("journal_aborted").GetBoolean());
        var times = incident.GetProperty("times").EnumerateArray().ToArray();
        Assert.Equal(3, times.Length);
        Assert.Equal(JsonValueKind.Null, times[0].GetProperty("rfc3339").ValueKind);   // BSD syslog: no zone, no year
        Assert.Equal(0, times[0].GetProperty("boot").GetInt32());
    }

    [Fact]
    public void Json_times_carry_rfc3339_when_the_envelope_gives_the_zone()
    {
        var run = CliRun.Of("logs", "--format", "json", Log("envelopes/rsyslog-rfc3339.log"));
        using var doc = JsonDocument.Parse(run.Out);
        var incident = doc.RootElement.GetProperty("incidents").EnumerateArray().First(i => i.GetProperty("id").GetString() == "log.disk-media-error");
        Assert.Matches(@"^2014-03-18T13:27:44\.\d+\+01:00$", incident.GetProperty("first_seen").GetProperty("rfc3339").GetString());
        Assert.Equal(JsonValueKind.Number, incident.GetProperty("first_seen").GetProperty("uptime").ValueKind);
    }

    [Fact]
    public void A_missing_file_is_one_line_on_stderr_and_exit_1_with_the_rest_still_read()
    {
        var run = CliRun.Of("logs", "/nonexistent/kern.log", Log("seed-ata6-ext3.log"));
        Assert.Equal(1, run.Code);
        Assert.Equal("hostdoc logs: /nonexistent/kern.log: cannot read (Could not find a part of the path '/nonexistent/kern.log'.)\n", run.Error);
        Assert.Contains("log.disk-media-error", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--since", "yesterday-ish")]
    [InlineData("--until", "")]
    [InlineData("--bogus", null)]
    public void Usage_errors_exit_2(string option, string? value)
    {
        var run = value is null ? CliRun.Of("logs", option) : CliRun.Of("logs", option, value);
        Assert.Equal(2, run.Code);
        Assert.StartsWith("hostdoc: logs: ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("envelopes/dmesg-T-nl.log")]
    [InlineData("envelopes/seed.log.gz")]
    public void Stdin_is_read_when_the_file_is_a_dash_gzip_or_not(string file)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "hostdoc.dll"), "logs", "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.BaseStream.Write(File.ReadAllBytes(Log(file)));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("from -", output, StringComparison.Ordinal);
        Assert.Contains("cannot read LBA 291,766,746: failed 3 times (", output, StringComparison.Ordinal);
        Assert.Contains("13:27:44, 14:01:31, 14:34:59)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Since_takes_dates_and_spans()
    {
        var run = CliRun.Of("logs", "--since", "2014-03-18 14:00", Log("envelopes/journal-short-iso.log"));
        Assert.Contains("failed twice", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_kernel_log_judges_only_recent_incidents_with_since()
    {
        var sample = Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk");
        var all = CliRun.Of("--root", sample, "check", "kernel-log");
        Assert.Equal(2, all.Code);
        Assert.StartsWith("KERNEL-LOG CRITICAL - The drive behind ata6 (sdf) cannot read LBA 291,766,746", all.Out, StringComparison.Ordinal);
        var recent = CliRun.Of("--root", sample, "check", "kernel-log", "--since", "1h");
        Assert.Equal(0, recent.Code);
        Assert.StartsWith("KERNEL-LOG OK - no incidents since ", recent.Out, StringComparison.Ordinal);
        Assert.Contains("incidents=0;;;0 critical_incidents=0;;;0", recent.Out, StringComparison.Ordinal);
        var bad = CliRun.Of("--root", sample, "check", "kernel-log", "--since", "soon");
        Assert.Equal(3, bad.Code);
        Assert.Contains("\"soon\" is not a time", bad.Out, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using HostDoc.Tests.Cli;
using Xunit;

namespace HostDoc.Tests.Checks;

/// <summary>The failing-disk sample tells one story: sdf on ata6 fails, /data goes read-only, every writer of /data hangs in its journal.</summary>
public sealed class CauseLinkerTests
{
    private static readonly string Sample = Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk");

    [Fact]
    public void The_text_report_prints_one_group_headed_by_sdf_with_the_read_only_data_and_the_stuck_tasks_beneath()
    {
        var run = CliRun.Of("--root", Sample, "report");
        var lines = run.Out.Split('\n');
        var head = Array.FindIndex(lines, l => l.StartsWith("  One cause, 5 findings: sdf", StringComparison.Ordinal));
        Assert.True(head > 0, run.Out);
        Assert.StartsWith("  log.disk-media-error  sdf: The drive behind ata6 (sdf)", lines[head + 1], StringComparison.Ordinal);
        Assert.Contains("the ext3 filesystem on dm-0 aborted its journal", lines[head + 1], StringComparison.Ordinal);
        var beneath = lines.Skip(head + 2).Where(l => l.StartsWith("    ↳ ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, beneath.Length);
        Assert.StartsWith("    ↳ disk.forced-readonly  /data:", beneath[0], StringComparison.Ordinal);
        Assert.Contains(beneath, l => l.StartsWith("    ↳ tasks.stuck-io  rm[19439]:", StringComparison.Ordinal) && l.Contains("at log_wait_for_space on /data (ext3 on sdf → sdf1 → dm-0)", StringComparison.Ordinal));
        Assert.Contains(beneath, l => l.StartsWith("    ↳ tasks.stuck-io  kjournald[612]:", StringComparison.Ordinal) && l.Contains("journal_commit_transaction", StringComparison.Ordinal));
        Assert.Contains(beneath, l => l.StartsWith("    ↳ tasks.stuck-io  rsync[19502]:", StringComparison.Ordinal));
        Assert.All(beneath, l => Assert.EndsWith("caused by log.disk-media-error sdf]", l, StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("disk.forced-readonly  /data", StringComparison.Ordinal));   // told once, inside the group
    }

    [Fact]
    public void Json_findings_carry_caused_by_and_causes()
    {
        using var json = JsonDocument.Parse(CliRun.Of("--root", Sample, "report", "--format", "json").Out);
        var findings = json.RootElement.GetProperty("checks").EnumerateArray().SelectMany(c => c.GetProperty("findings").EnumerateArray()).ToArray();
        var root = findings.Single(f => f.GetProperty("id").GetString() == "log.disk-media-error");
        Assert.Equal(JsonValueKind.Null, root.GetProperty("caused_by").ValueKind);
        var causes = root.GetProperty("causes").EnumerateArray().Select(c => $"{c.GetProperty("id").GetString()} {c.GetProperty("subject").GetString()}").ToArray();
        Assert.Equal(["disk.forced-readonly /data", "tasks.stuck-io kjournald[612]", "tasks.stuck-io rm[19439]", "tasks.stuck-io rsync[19502]"], causes);
        foreach (var effect in findings.Where(f => causes.Contains($"{f.GetProperty("id").GetString()} {f.GetProperty("subject").GetString()}")))
        {
            Assert.Equal("log.disk-media-error", effect.GetProperty("caused_by").GetProperty("id").GetString());
            Assert.Equal("sdf", effect.GetProperty("caused_by").GetProperty("subject").GetString());
        }

        var rm = findings.Single(f => f.GetProperty("subject").GetString() == "rm[19439]").GetProperty("data");
        Assert.Equal(("/data", "sdf", "dm-0", "journal", 19439), (rm.GetProperty("mount").GetString(), rm.GetProperty("disk").GetString(), rm.GetProperty("dm").GetString(),
            rm.GetProperty("wait_class").GetString(), rm.GetProperty("pid").GetInt32()));
    }

    [Fact]
    public void The_html_page_nests_the_consequences_under_their_cause()
    {
        var page = new StringWriter();
        var host = new HostModel(HostRoot.At(Sample), new FixedClock());
        var report = HostDoc.Checks.Report.Run(host, new HostDoc.Checks.CheckCatalog().All, HostDoc.Checks.CheckSettings.Defaults);
        HostDoc.Output.HtmlReportWriter.Write(page, report, host.Free.Value, [], host.Topology, null);
        var html = page.ToString();
        var group = html[html.IndexOf("<div class=\"cause\">", StringComparison.Ordinal)..];
        Assert.Contains("One cause, 5 findings: sdf", group, StringComparison.Ordinal);
        var effects = group[group.IndexOf("<div class=\"effects\">", StringComparison.Ordinal)..];
        Assert.Contains("caused by log.disk-media-error sdf", effects, StringComparison.Ordinal);
        Assert.Contains("rm[19439]", effects, StringComparison.Ordinal);
    }

    [Fact]
    public void A_degraded_array_follows_from_its_failed_member_disk()
    {
        var tree = Path.Combine(Path.GetTempPath(), "hostdoc-test-raid-" + Guid.NewGuid().ToString("N"));
        try
        {
            var copy = System.Diagnostics.Process.Start("cp", ["-a", Sample, tree])!;
            copy.WaitForExit();
            Assert.Equal(0, copy.ExitCode);
            File.WriteAllText(Path.Combine(tree, "proc", "mdstat"),
                "Personalities : [raid1]\nmd0 : active raid1 sdf1[1](F) sdg1[0]\n      976760640 blocks [2/1] [U_]\n\nunused devices: <none>\n");
            using var json = JsonDocument.Parse(CliRun.Of("--root", tree, "report", "--format", "json").Out);
            var raid = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "raid")
                .GetProperty("findings").EnumerateArray().Single();
            Assert.Equal("md0 (raid1) is degraded: 1 of 2 members missing [U_]; failed: sdf1 (on sdf)", raid.GetProperty("summary").GetString());
            Assert.Equal("log.disk-media-error", raid.GetProperty("caused_by").GetProperty("id").GetString());
            Assert.Equal("sdf", raid.GetProperty("data").GetProperty("disk").GetString());
        }
        finally
        {
            Directory.Delete(tree, recursive: true);
        }
    }

    [Theory]
    [InlineData("vm-6.18-idle")]
    [InlineData("stuck-fuse-6.18")]
    public void Findings_with_no_shared_cause_stand_alone(string tree)
    {
        using var json = JsonDocument.Parse(CliRun.Of("--root", Fixtures.Dir(tree), "report", "--format", "json").Out);
        foreach (var f in json.RootElement.GetProperty("checks").EnumerateArray().SelectMany(c => c.GetProperty("findings").EnumerateArray()))
        {
            Assert.Equal(JsonValueKind.Null, f.GetProperty("caused_by").ValueKind);
            Assert.Empty(f.GetProperty("causes").EnumerateArray());
        }
    }
}

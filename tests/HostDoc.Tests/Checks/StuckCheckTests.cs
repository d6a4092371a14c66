using HostDoc.Findings;
using Xunit;

namespace HostDoc.Tests.Checks;

public sealed class StuckCheckTests
{
    [Fact]
    public void The_seed_incident_is_critical_names_the_journal_and_its_device()
    {
        var result = Fixtures.Run("stuck-seed-jbd2", "stuck");
        var rm = result.Findings.Single(f => f.Subject == "rm[19439]");
        Assert.Equal(Severity.Critical, rm.Severity);
        Assert.Contains("stuck in D for 313 s (past hung_task_timeout_secs=120)", rm.Summary, StringComparison.Ordinal);
        Assert.Contains("waiting for the filesystem journal (space or commit) at __jbd2_log_wait_for_space", rm.Summary, StringComparison.Ordinal);
        Assert.Contains("the device is dm-0", rm.Advice, StringComparison.Ordinal);
        Assert.Contains(rm.Evidence, e => e.Value == "__jbd2_log_wait_for_space+0xc8/0x1b0 [jbd2]");
        Assert.Contains(rm.Evidence, e => e.Value.Contains("rm -rf /data/old-backups", StringComparison.Ordinal));
        Assert.Contains(rm.Evidence, e => e.Label == "load average" && e.Value.StartsWith("41.05", StringComparison.Ordinal));
    }

    [Fact]
    public void The_kernels_own_report_is_evidence_and_an_earlier_hang_is_remembered()
    {
        var result = Fixtures.Run("stuck-seed-jbd2", "stuck");
        var rm = result.Findings.Single(f => f.Subject == "rm[19439]");
        Assert.Contains(rm.Evidence, e => e.Value == "INFO: task rm:19439 blocked for more than 120 seconds (at 9620.0 s after boot)");
        var earlier = result.Findings.Single(f => f.Id == "tasks.hung-reported");
        Assert.Equal(Severity.Info, earlier.Severity);
        Assert.Contains("rsync[18000] for more than 120 s at 9500.1 s after boot", earlier.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_behind_the_directory_lock_is_a_warning_and_sleepers_are_ignored()
    {
        var result = Fixtures.Run("stuck-seed-jbd2", "stuck");
        Assert.Equal(Severity.Warning, result.Findings.Single(f => f.Subject == "httpd[19502]").Severity);
        Assert.Contains("inode or directory lock", result.Findings.Single(f => f.Subject == "httpd[19502]").Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Subject.Contains("crond", StringComparison.Ordinal));
        Assert.Equal(3, result.Measurements.Single(m => m.Label == "stuck_tasks").Value);
        Assert.Equal(Severity.Critical, result.Worst);
    }

    [Fact]
    public void Real_fuse_waits_from_this_machine_are_classified_and_timed()
    {
        var result = Fixtures.Run("stuck-fuse-6.18", "stuck");
        var findings = result.Findings.Where(f => f.Id == "tasks.stuck-io").ToArray();
        Assert.Equal(3, findings.Length);
        Assert.All(findings, f => Assert.Contains("waiting for a FUSE filesystem's daemon at fuse_get_req", f.Summary, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
    }

    [Fact]
    public void A_host_with_nothing_stuck_says_so()
    {
        var result = Fixtures.Run("vm-6.18-idle", "stuck");
        Assert.Equal(Severity.Ok, Assert.Single(result.Findings).Severity);
    }
}

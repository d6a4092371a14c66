using HostDoc.Findings;
using HostDoc.KernelLog;
using Xunit;

namespace HostDoc.Tests.KernelLog;

/// <summary>Real logs of this development VM: a healthy boot, and a session with one real injected ext4 error, as dmesg and as /dev/kmsg records.</summary>
public sealed class HostLogTests
{
    [Fact]
    public void A_healthy_boot_log_gives_no_warning_or_worse()
    {
        var analysis = LogAnalysis.OfFiles("vm-6.18-boot.dmesg");
        Assert.DoesNotContain(analysis.Incidents, i => i.Severity >= Severity.Warning);
        Assert.Equal(338, analysis.Counts.Lines);
    }

    [Theory]
    [InlineData("vm-6.18-session.dmesg")]
    [InlineData("vm-6.18-session.kmsg")]
    public void The_session_log_has_the_one_injected_ext4_error(string file)
    {
        var i = LogAnalysis.Single(LogAnalysis.OfFiles(file));
        Assert.Equal("log.fs-error", i.Id);
        Assert.Equal("loop1", i.Subject);
        Assert.Equal(Severity.Critical, i.Severity);
        Assert.Contains(i.Consequences, c => c.Contains("trigger_test_error:129: comm bash: hostdoc test: injected error", StringComparison.Ordinal));
        Assert.Contains(i.Consequences, c => c.Contains("aborted its journal", StringComparison.Ordinal));
    }

    [Fact]
    public void The_live_kernel_log_reads_without_problems()
    {
        var analyzer = new KernelLogAnalyzer(LogAnalysis.Table);
        HostKernelLog.ReadInto(analyzer, HostRoot.Live, TimeProvider.System);
        var analysis = analyzer.Finish();
        // As root /dev/kmsg is readable; a machine without it and without syslog files gets the one defined problem.
        Assert.True(analysis.Counts.Lines > 0 || analysis.Problems.Single().StartsWith("/dev/kmsg: not readable", StringComparison.Ordinal));
    }

    [Fact]
    public void Since_and_until_select_by_wall_clock()
    {
        var text = File.ReadAllText(LogAnalysis.Path("envelopes/journal-short-iso.log"));
        var late = LogAnalysis.Single(LogAnalysis.OfText(text, since: new DateTime(2014, 3, 18, 14, 0, 0)));
        Assert.Equal(2, late.Occurrences);
        var early = LogAnalysis.Single(LogAnalysis.OfText(text, until: new DateTime(2014, 3, 18, 14, 0, 0)));
        Assert.Equal(1, early.Occurrences);
        Assert.Empty(early.Consequences);
    }

    [Fact]
    public void A_captured_trees_kmsg_is_put_on_the_wall_clock_by_proc_stat_btime()
    {
        using var tree = new TempTree();
        tree.Write("/dev/kmsg", File.ReadAllText(LogAnalysis.Path("vm-6.18-session.kmsg")));
        tree.Write("/proc/stat", "cpu  1 2 3 4 5 6 7 0 0 0\nbtime 1795579200\n");   // 2026-11-25 04:00:00 UTC
        var analyzer = new KernelLogAnalyzer(LogAnalysis.Table);
        HostKernelLog.ReadInto(analyzer, tree.Root, new UtcClock());
        var incident = LogAnalysis.Single(analyzer.Finish());
        // the injected error's record is at 2776.724165 s after boot
        Assert.Equal(new DateTime(2026, 11, 25, 4, 46, 16, 724), incident.FirstSeen.Wall!.Value.AddTicks(-(incident.FirstSeen.Wall!.Value.Ticks % TimeSpan.TicksPerMillisecond)));
        Assert.True(incident.FirstSeen.YearKnown);
    }

    private sealed class UtcClock : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}

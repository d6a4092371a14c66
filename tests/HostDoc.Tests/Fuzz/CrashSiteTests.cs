using HostDoc.Tests.Cli;
using Xunit;

namespace HostDoc.Tests.Fuzz;

/// <summary>
/// The crash sites issue 12 reported (found by mutating copies of the fixture trees), each on the
/// input that crashed it, through the whole command line: a clear answer and a documented exit code.
/// </summary>
public sealed class CrashSiteTests
{
    private static TempTree CopyOf(string scenario)
    {
        var tree = new TempTree();
        foreach (var file in Directory.EnumerateFiles(Fixtures.Dir(scenario), "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            var target = Path.Combine(tree.Dir, Path.GetRelativePath(Fixtures.Dir(scenario), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return tree;
    }

    [Theory]
    [InlineData("cpuset")]
    [InlineData("devices")]
    [InlineData("report")]
    [InlineData("df")]
    public void A_mountinfo_with_a_cut_line_is_reported_not_fatal(string command)
    {
        using var tree = CopyOf("vm-6.18-mounts");
        var mountinfo = tree.Dir + "/proc/self/mountinfo";
        File.WriteAllText(mountinfo, File.ReadAllText(mountinfo) + "25 1 8:1 / /mnt");
        var run = CliRun.Of("--root", tree.Dir, command);
        Assert.InRange(run.Code, 0, 1);
    }

    [Theory]
    [InlineData("           CPU0       CPU1\n  0:         44          0   IO-APIC   2-edge      timer\n  1:          9          0          0          7   IO-APIC   1-edge      i8042\n")]
    [InlineData("           CPU0       CPU1\n  0:         44\n  1:\n")]
    [InlineData("\u0001\u00ff\u0017garbage: 18446744073709551615 18446744073709551615 x\n 5: 18446744073709551615 18446744073709551615\n 6: 18446744073709551615 18446744073709551615\n")]
    [InlineData("  0:         44          0   IO-APIC   2-edge      timer\n")]
    public void Interrupt_rows_that_do_not_match_the_cpu_columns_are_reported_not_fatal(string interrupts)
    {
        using var tree = CopyOf("vm-6.18-idle");
        File.WriteAllText(tree.Dir + "/proc/interrupts", interrupts);
        var report = CliRun.Of("--root", tree.Dir, "report");
        Assert.InRange(report.Code, 0, 1);
        var check = CliRun.Of("--root", tree.Dir, "check", "irq");
        Assert.InRange(check.Code, 0, 3);
        Assert.StartsWith("IRQ ", check.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/proc/sys/vm/dirty_ratio", "18446744073709551615")]
    [InlineData("/proc/sys/vm/dirty_bytes", "18446744073709551615")]
    [InlineData("/proc/sys/vm/dirty_background_ratio", "9999999999999999999")]
    public void A_huge_dirty_sysctl_gives_limits_not_an_overflow(string path, string value)
    {
        using var tree = CopyOf("vm-6.18-idle");
        File.WriteAllText(tree.Dir + path, value + "\n");
        Assert.InRange(CliRun.Of("--root", tree.Dir, "mem").Code, 0, 1);
        Assert.InRange(CliRun.Of("--root", tree.Dir, "report").Code, 0, 1);
        Assert.InRange(CliRun.Of("--root", tree.Dir, "check", "writeback").Code, 0, 3);
    }

    [Fact]
    public void Huge_meminfo_values_give_a_report_not_an_overflow()
    {
        using var tree = CopyOf("vm-6.18-idle");
        var meminfo = tree.Dir + "/proc/meminfo";
        File.WriteAllText(meminfo, string.Join('\n', File.ReadAllLines(meminfo).Select(l => l.StartsWith("Inactive(file)", StringComparison.Ordinal) || l.StartsWith("Active(file)", StringComparison.Ordinal) ? l.Split(':')[0] + ": 18014398509481983 kB" : l)) + "\n");
        Assert.InRange(CliRun.Of("--root", tree.Dir, "mem").Code, 0, 1);
        Assert.InRange(CliRun.Of("--root", tree.Dir, "report").Code, 0, 1);
    }

    [Fact]
    public void An_ext4_error_time_past_year_9999_is_reported_without_a_date()
    {
        using var tree = CopyOf("vm-6.18-mounts");
        File.WriteAllText(tree.Dir + "/sys/fs/ext4/loop1/last_error_time", "1099511627775\n");
        var check = CliRun.Of("--root", tree.Dir, "check", "disk");
        Assert.InRange(check.Code, 0, 3);
        var report = CliRun.Of("--root", tree.Dir, "report");
        Assert.Contains("past year 9999", report.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_given_to_a_check_without_thresholds_is_named()
    {
        // --log is an option of the check now (it died on it): a file that is not there is UNKNOWN, saying which.
        using var empty = new TempTree();
        var log = CliRun.Of("--root", empty.Dir, "check", "kernel-log", "--log", "/nonexistent/FILE");
        Assert.Equal(3, log.Code);
        Assert.StartsWith("KERNEL-LOG UNKNOWN - /nonexistent/FILE", log.Out, StringComparison.Ordinal);
        var followed = CliRun.Of("--root", empty.Dir, "check", "kernel-log", "--log", "/nonexistent/FILE", "--state", Path.Combine(empty.Dir, "state"));
        Assert.Equal(3, followed.Code);
        Assert.StartsWith("KERNEL-LOG UNKNOWN - kernel log: /nonexistent/FILE: no such file or directory", followed.Out, StringComparison.Ordinal);

        var unknown = CliRun.Of("check", "kernel-log", "--logfile", "FILE");
        Assert.Equal("KERNEL-LOG UNKNOWN - unknown option --logfile for check kernel-log (see hostdoc check kernel-log --help)\n", unknown.Out);

        var bogus = CliRun.Of("check", "kernel-log", "--bogus");
        Assert.Equal(3, bogus.Code);
        Assert.Contains("unknown option --bogus", bogus.Out, StringComparison.Ordinal);

        var warning = CliRun.Of("check", "kernel-log", "-w", "10");
        Assert.Equal(3, warning.Code);
        Assert.Contains("has no thresholds", warning.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_option_still_needs_its_value()
    {
        var run = CliRun.Of("check", "memory", "-w");
        Assert.Equal(3, run.Code);
        Assert.Equal("MEMORY UNKNOWN - -w needs a value\n", run.Out);
    }
}

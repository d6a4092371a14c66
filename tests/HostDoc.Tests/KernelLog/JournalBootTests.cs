using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HostDoc.Tests.Cli;
using Xunit;

namespace HostDoc.Tests.KernelLog;

/// <summary>
/// Earlier boots through journald: real journal files, written by systemd-journal-remote (Debian's
/// package, installed on first use) from export-format entries the test makes of the seed's kernel
/// lines, read back by hostdoc through journalctl. The previous boot is the seed's failing disk and a
/// task hung behind it, and then the log stops: no clean shutdown.
/// </summary>
public sealed partial class JournalBootTests
{
    private const string MachineId = "0123456789abcdef0123456789abcdef";
    private const string BootA = "1111111111111111111111111111aaaa";
    private const string BootB = "2222222222222222222222222222bbbb";
    private static readonly DateTimeOffset Start = new(2026, 3, 18, 13, 0, 0, TimeSpan.Zero);

    private static string[] SeedMessages() =>
        File.ReadAllLines(Path.Combine(Fixtures.RepoRoot, "tests", "fixtures", "logs", "seed-ata6-ext3.log"))
            .Select(l => l[(l.IndexOf(" kernel: ", StringComparison.Ordinal) + 9)..]).ToArray();

    /// <summary>One journal entry in journald's export format (man systemd.journal-fields), a kernel message.</summary>
    private static string Entry(string boot, ulong usec, string message, int priority = 3) =>
        string.Create(CultureInfo.InvariantCulture,
            $"__REALTIME_TIMESTAMP={Start.ToUnixTimeMilliseconds() * 1000 + (long)usec}\n__MONOTONIC_TIMESTAMP={usec + 500}\n_BOOT_ID={boot}\n_TRANSPORT=kernel\n" +
            $"SYSLOG_IDENTIFIER=kernel\nPRIORITY={priority}\n_HOSTNAME=db1\n_MACHINE_ID={MachineId}\n_SOURCE_MONOTONIC_TIMESTAMP={usec}\nMESSAGE={message}\n\n");

    private static void WriteJournal(TempTree tree, string export)
    {
        var dir = Path.Combine(tree.Dir, "var", "log", "journal", MachineId);
        Directory.CreateDirectory(dir);
        var remote = DebianOracle.Require("/lib/systemd/systemd-journal-remote", "systemd-journal-remote");
        DebianOracle.Require("journalctl", "systemd");
        var start = new ProcessStartInfo(remote, [$"--output={Path.Combine(dir, "remote.journal")}", "-"]) { RedirectStandardInput = true, RedirectStandardError = true };
        using var p = Process.Start(start)!;
        p.StandardInput.Write(export);
        p.StandardInput.Close();
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, err);
    }

    /// <summary>Boot A: the seed's 57 kernel lines, one per second from uptime 1 s, then a hung task; boot B: a banner.</summary>
    private static string TwoBoots(string? lastOfBootA = null)
    {
        var export = new StringBuilder();
        var seed = SeedMessages();
        for (var i = 0; i < seed.Length; i++)
        {
            export.Append(Entry(BootA, (ulong)(i + 1) * 1_000_000, seed[i]));
        }

        export.Append(Entry(BootA, 60_000_000, "INFO: task rm:19439 blocked for more than 120 seconds."));
        if (lastOfBootA is not null)
        {
            export.Append(Entry(BootA, 61_000_000, lastOfBootA, 0));
        }

        export.Append(Entry(BootB, 1_000_000, "Linux version 6.1.0-28-amd64 (debian-kernel@lists.debian.org)", 5));
        return export.ToString();
    }

    [Fact]
    public void Logs_boot_minus_1_reads_the_previous_boot_and_says_it_ended_without_a_clean_shutdown()
    {
        using var tree = new TempTree();
        WriteJournal(tree, TwoBoots());
        var run = CliRun.Of("--root", tree.Dir, "logs", "--boot", "-1");
        Assert.Equal(0, run.Code);
        Assert.Contains("The drive behind ata6 (sdf) cannot read LBA 291,766,746: failed 3 times", run.Out, StringComparison.Ordinal);
        Assert.Contains("boot -1 ended without a clean shutdown: its last kernel message, at 2026-03-18 13:01:00, was \"INFO: task rm:19439 blocked for more than 120 seconds.\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("in its last 10 minutes: The drive behind ata6 (sdf)", run.Out, StringComparison.Ordinal);

        var current = CliRun.Of("--root", tree.Dir, "logs", "--boot", "0", "--format", "json");
        Assert.Contains("\"incidents\": []", current.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reboot: Restarting system", "ended with a clean shutdown at 2026-03-18 13:01:01")]
    [InlineData("Kernel panic - not syncing: Fatal exception in interrupt", "ended in a kernel panic at 2026-03-18 13:01:01: Kernel panic - not syncing: Fatal exception in interrupt")]
    public void A_clean_shutdown_and_a_panic_are_told_apart(string last, string expected)
    {
        using var tree = new TempTree();
        WriteJournal(tree, TwoBoots(last));
        var run = CliRun.Of("--root", tree.Dir, "logs", "--boot", "-1");
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_reboot_the_check_reads_the_end_of_the_previous_boot_from_its_journal()
    {
        using var tree = new TempTree();
        WriteJournal(tree, TwoBoots());
        var state = Path.Combine(tree.Dir, "kernel-log.state");
        // First run in boot A: the ring holds its first 10 messages (uptime 1-10 s).
        tree.Write("/proc/sys/kernel/random/boot_id", BootA + "\n");
        tree.Write("/dev/kmsg", string.Concat(SeedMessages().Take(10).Select((m, i) => string.Create(CultureInfo.InvariantCulture, $"3,{i},{(i + 1) * 1_000_000},-;{m}\n"))));
        var first = CliRun.Of("--root", tree.Dir, "check", "kernel-log", "--state", state, "--sticky", "0");
        Assert.Equal(10, Perf(first.Out, "lines"));

        // The host crashed and came back as boot B: the rest of boot A is only in its journal.
        tree.Write("/proc/sys/kernel/random/boot_id", BootB + "\n");
        tree.Write("/dev/kmsg", "5,0,1000000,-;Linux version 6.1.0-28-amd64 (debian-kernel@lists.debian.org)\n");
        var after = CliRun.Of("--root", tree.Dir, "check", "kernel-log", "--state", state, "--sticky", "0", "-v");
        Assert.Equal(2, after.Code);
        Assert.Equal(SeedMessages().Length - 10 + 1 + 1, Perf(after.Out, "lines"));   // boot A's 48 unread entries, then boot B's one record
        Assert.Contains("the host rebooted since the last run", after.Out, StringComparison.Ordinal);
        Assert.Contains("ended without a clean shutdown", after.Out, StringComparison.Ordinal);
        Assert.Contains("task rm was blocked in the kernel", after.Out, StringComparison.Ordinal);
        Assert.Contains("cannot read LBA 291,766,746", after.Out, StringComparison.Ordinal);
    }

    private static long Perf(string output, string label) =>
        long.Parse(Regex.Match(output, $@"\b{label}=(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
}

using System.Diagnostics;
using Xunit;

namespace HostDoc.Tests.Cli;

/// <summary>
/// Trees and users that fight back: a 100 MB /proc file, binary where text belongs, a symlink loop in
/// sys/, directories where files belong, a tree nobody may read, and the live host read as an
/// unprivileged user. Every command still answers in its contract and says what it could not read.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HostileTreeTests
{
    private static TempTree CopyOf(string scenario)
    {
        var tree = new TempTree();
        var from = Fixtures.Dir(scenario);
        foreach (var file in Directory.EnumerateFiles(from, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            var target = Path.Combine(tree.Dir, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return tree;
    }

    [Fact]
    public void A_100_MB_proc_file_is_refused_at_the_read_cap_quickly()
    {
        using var tree = CopyOf("vm-6.18-idle");
        using (var big = File.Open(tree.Dir + "/proc/meminfo", FileMode.Append))
        {
            big.SetLength(100L * 1024 * 1024);   // sparse: zeros after the real text
        }

        var clock = Stopwatch.StartNew();
        var run = CliRun.Of("--root", tree.Dir, "report");
        Assert.Equal(0, run.Code);
        Assert.Contains("/proc/meminfo: larger than the 16777216-byte cap for this file", run.Out, StringComparison.Ordinal);
        Assert.Equal(1, CliRun.Of("--root", tree.Dir, "mem").Code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("/proc/interrupts")]
    [InlineData("/proc/self/mountinfo")]
    [InlineData("/proc/meminfo")]
    public void Binary_where_text_belongs_is_reported(string path)
    {
        using var tree = CopyOf("vm-6.18-idle");
        var noise = new byte[8192];
        new Random(5).NextBytes(noise);
        File.WriteAllBytes(tree.Dir + path, noise);
        foreach (var command in new[] { "report", "mem", "irq", "df" })
        {
            Assert.InRange(CliRun.Of("--root", tree.Dir, command).Code, 0, 1);
        }
    }

    [Fact]
    public void A_symlink_loop_in_sys_and_a_directory_for_a_file_leave_the_rest_of_the_report()
    {
        using var tree = CopyOf("seed-sata-ata6");
        Directory.CreateDirectory(tree.Dir + "/sys/class/block");
        File.CreateSymbolicLink(tree.Dir + "/sys/class/block/loopy", "loopy");
        File.Delete(tree.Dir + "/proc/meminfo");
        Directory.CreateDirectory(tree.Dir + "/proc/meminfo");
        foreach (var command in new[] { "report", "devices", "mem" })
        {
            var run = CliRun.Of("--root", tree.Dir, command);
            Assert.InRange(run.Code, 0, 1);
        }

        Assert.Contains("/proc/meminfo", CliRun.Of("--root", tree.Dir, "report").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tree_nobody_may_read_gives_needs_root_notes_not_a_crash()
    {
        using var tree = CopyOf("vm-6.18-idle");
        foreach (var file in Directory.EnumerateFiles(tree.Dir, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(file, UnixFileMode.None);
        }

        var (code, stdout, stderr) = AsNobody("--root", tree.Dir, "report");
        Assert.True(code is 0 or 1, $"exit {code}\n{stdout}\n{stderr}");
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
        Assert.Contains("Needs root:", stdout, StringComparison.Ordinal);
        Assert.Contains("permission denied", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void This_host_read_as_nobody_ends_with_exit_at_most_1_and_says_what_needs_root()
    {
        var (code, stdout, stderr) = AsNobody("report");
        Assert.True(code is 0 or 1, $"exit {code}\n{stdout}\n{stderr}");
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        if (File.ReadAllText("/proc/sys/kernel/dmesg_restrict").Trim() == "1")
        {
            Assert.Contains("reading the kernel log needs root", stdout, StringComparison.Ordinal);
            Assert.Contains("Needs root:", stdout, StringComparison.Ordinal);
        }

        var (checkCode, checkOut, _) = AsNobody("check", "kernel-log");
        Assert.InRange(checkCode, 0, 3);
        Assert.StartsWith("KERNEL-LOG ", checkOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Processes_that_exit_while_they_are_read_are_left_out_not_fatal()
    {
        // A churn of short-lived processes of this test's own, so /proc/PID vanishes between listing and reading.
        using var churn = Process.Start(new ProcessStartInfo("bash", ["-c", "end=$((SECONDS+20)); while ((SECONDS < end)); do for i in 1 2 3 4 5 6 7 8; do sleep 0.00$i & done; wait; done"]))!;
        try
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.InRange(CliRun.Of("stuck", "--samples", "3", "--interval", "0.02").Code, 0, 1);
                Assert.InRange(CliRun.Of("check", "stuck", "--samples", "2", "--interval", "0.02").Code, 0, 3);
            }

            Assert.InRange(CliRun.Of("report").Code, 0, 1);
        }
        finally
        {
            churn.Kill(entireProcessTree: true);
            churn.WaitForExit();
        }
    }

    /// <summary>Runs the CLI under test as nobody (runuser, util-linux), from a copy of its build any user can read.</summary>
    private static (int Code, string Out, string Err) AsNobody(params string[] args)
    {
        using var copy = new TempTree();
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory))
        {
            File.Copy(file, Path.Combine(copy.Dir, Path.GetFileName(file)));
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(copy.Dir).Append(copy.Dir))
        {
            File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var start = new ProcessStartInfo(DebianOracle.Require("runuser", "util-linux")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-u", "nobody", "--", "dotnet", Path.Combine(copy.Dir, "hostdoc.dll") }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["DOTNET_CLI_HOME"] = copy.Dir;
        start.Environment["HOME"] = copy.Dir;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(120_000), "hostdoc as nobody did not finish in 2 minutes");
        return (p.ExitCode, output, err.Result);
    }
}

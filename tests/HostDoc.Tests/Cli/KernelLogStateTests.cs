using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using HostDoc.KernelLog;
using HostDoc.KernelLog.Following;
using HostDoc.Tests.KernelLog.Following;
using Xunit;

namespace HostDoc.Tests.Cli;

/// <summary>
/// <c>check kernel-log --state</c> as a monitoring system runs it: over random sequences of appends and
/// rotations the <c>lines</c> perfdata of all runs adds up to the lines written, exactly; /dev/kmsg gaps
/// and reboots are counted and said; sticky incidents stay, then go; concurrent runs never both read a
/// line; a run killed at any moment leaves a state the next run reads.
/// </summary>
public sealed partial class KernelLogStateTests
{
    private static readonly string Sample = Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk", "var", "log", "messages");

    private static long Perf(string output, string label) =>
        long.Parse(Regex.Match(output, $@"\b{label}=(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Lines_summed_over_runs_equal_the_lines_written_whatever_the_rotations() =>
        Gen.Select(Gen.Int[0, 9].Array[1, 25], Gen.Int[0, 2]).Sample((steps, scheme) =>
        {
            using var dir = new TempTree();
            using var log = new RotatingLog(dir.Dir);
            var state = Path.Combine(dir.Dir, "state", "kernel-log.state");
            long lines = 0;
            void Run()
            {
                var run = CliRun.Of("check", "kernel-log", "--log", log.Path, "--state", state, "--sticky", "0");
                Assert.True(run.Code is 0 or 2, run.Out);
                lines += Perf(run.Out, "lines");
                Assert.Equal(0, Perf(run.Out, "lost"));
            }

            Run();   // the first run: from here on, every line written must be counted once
            foreach (var step in steps)
            {
                switch (step)
                {
                    case 0 or 1: log.Append(step + 2); break;
                    case 2: log.AppendTorn(); break;
                    case 3 when scheme == 0: log.RotateByRename(dateExt: false, create: step % 2 == 0); break;
                    case 3 when scheme == 1: log.RotateByCopyTruncate(); break;
                    case 3: log.RotateByRename(dateExt: true, create: true); break;
                    case 4: log.CompressOne(); break;
                    case 5: log.Reopen(); break;
                    default: Run(); break;
                }
            }

            log.Append(1);
            log.Reopen();
            Run();
            Assert.Equal(log.Written.Count, lines);
        }, iter: 150, threads: 1);

    [Fact]
    public void The_seed_incident_is_reported_once_then_sticky_then_gone()
    {
        using var dir = new TempTree();
        var log = Path.Combine(dir.Dir, "messages");
        File.Copy(Sample, log);
        var state = Path.Combine(dir.Dir, "kernel-log.state");
        var t0 = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

        var first = CliRun.At(t0, "check", "kernel-log", "--log", log, "--state", state);
        Assert.Equal(2, first.Code);
        Assert.StartsWith("KERNEL-LOG CRITICAL - The drive behind ata6 (sdf) cannot read LBA 291,766,746", first.Out, StringComparison.Ordinal);
        Assert.Equal(57, Perf(first.Out, "lines"));

        var later = CliRun.At(t0.AddMinutes(20), "check", "kernel-log", "--log", log, "--state", state);
        Assert.Equal(2, later.Code);
        Assert.Contains("(last seen 20 min ago; kept for --sticky 1 h)", later.Out, StringComparison.Ordinal);
        Assert.Equal(0, Perf(later.Out, "lines"));

        var gone = CliRun.At(t0.AddMinutes(61), "check", "kernel-log", "--log", log, "--state", state);
        Assert.Equal(0, gone.Code);
        Assert.StartsWith("KERNEL-LOG OK - no new incidents in 0 new lines", gone.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void First_run_new_starts_at_the_end_and_sticky_0_reports_only_new_lines()
    {
        using var dir = new TempTree();
        var log = Path.Combine(dir.Dir, "messages");
        File.Copy(Sample, log);
        var state = Path.Combine(dir.Dir, "kernel-log.state");
        var first = CliRun.Of("check", "kernel-log", "--log", log, "--state", state, "--first-run", "new", "--sticky", "0");
        Assert.Equal(0, first.Code);
        Assert.Equal(0, Perf(first.Out, "lines"));

        File.AppendAllLines(log, File.ReadLines(Sample).Where(l => l.Contains("14:34:59", StringComparison.Ordinal)));
        var next = CliRun.Of("check", "kernel-log", "--log", log, "--state", state, "--sticky", "0");
        Assert.Equal(2, next.Code);
        Assert.Contains("cannot read LBA 291,766,746", next.Out, StringComparison.Ordinal);
        Assert.Equal(File.ReadLines(Sample).Count(l => l.Contains("14:34:59", StringComparison.Ordinal)), Perf(next.Out, "lines"));

        Assert.Equal(0, CliRun.Of("check", "kernel-log", "--log", log, "--state", state, "--sticky", "0").Code);
    }

    [Fact]
    public void Kmsg_gaps_are_counted_as_lost_and_a_new_boot_id_is_said()
    {
        using var tree = new TempTree();
        var records = File.ReadAllLines(Path.Combine(Fixtures.RepoRoot, "tests", "fixtures", "logs", "vm-6.18-session.kmsg"))
            .Where(l => KmsgRecord.TryParse(l) is not null).ToArray();   // records, without their KEY=value continuation lines
        tree.Write("/proc/sys/kernel/random/boot_id", "11111111-2222-3333-4444-555555555555\n");
        tree.Write("/dev/kmsg", string.Join('\n', records.Take(100)) + "\n");
        var state = Path.Combine(tree.Dir, "state");
        string[] Args() => ["--root", tree.Dir, "check", "kernel-log", "--state", state, "--sticky", "0"];

        var first = CliRun.Of(Args());
        Assert.Equal(100, Perf(first.Out, "lines"));
        Assert.Equal(0, Perf(first.Out, "lost"));

        // The ring overwrote records 100-149 before the next run: it holds 150 onwards.
        tree.Write("/dev/kmsg", string.Join('\n', records.Skip(150).Take(100)) + "\n");
        var gap = CliRun.Of(Args());
        Assert.Equal(100, Perf(gap.Out, "lines"));
        Assert.Equal(50, Perf(gap.Out, "lost"));
        Assert.Equal(1, gap.Code);
        Assert.Contains("50 kernel messages were overwritten in the ring buffer before hostdoc read them", gap.Out, StringComparison.Ordinal);

        Assert.Equal(0, Perf(CliRun.Of(Args()).Out, "lines"));

        tree.Write("/proc/sys/kernel/random/boot_id", "99999999-2222-3333-4444-555555555555\n");
        tree.Write("/dev/kmsg", string.Join('\n', records.Take(30)) + "\n");
        var reboot = CliRun.Of([.. Args(), "-v"]);
        Assert.Equal(30, Perf(reboot.Out, "lines"));
        Assert.Contains("the host rebooted since the last run", reboot.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_runs_never_read_the_same_lines()
    {
        using var dir = new TempTree();
        var log = Path.Combine(dir.Dir, "messages");
        File.WriteAllLines(log, Enumerable.Range(0, 50_000).Select(i => $"Dec  1 10:00:00 host kernel: line {i}"));
        var state = Path.Combine(dir.Dir, "kernel-log.state");
        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Cli("check", "kernel-log", "--log", log, "--state", state, "--sticky", "0"))).ToArray();
        var results = await Task.WhenAll(runs);
        Assert.All(results, r => Assert.Equal(0, r.Code));
        Assert.Equal(50_000, results.Sum(r => Perf(r.Out, "lines")));
    }

    [Fact]
    public void A_run_killed_at_any_moment_leaves_a_state_the_next_run_reads()
    {
        using var dir = new TempTree();
        var log = Path.Combine(dir.Dir, "messages");
        var state = Path.Combine(dir.Dir, "kernel-log.state");
        var written = 0;
        // Killed 0, 15, 30, … 450 ms after it starts: through start-up, the lock, reading, analysing, writing and renaming the state.
        for (var delay = 0; delay <= 450; delay += 15)
        {
            File.AppendAllLines(log, Enumerable.Range(written, 20_000).Select(i => $"Dec  1 10:00:00 host kernel: line {i}"));
            written += 20_000;
            using var run = Start("check", "kernel-log", "--log", log, "--state", state, "--sticky", "0");
            Thread.Sleep(delay);
            run.Kill();
            run.WaitForExit();
            _ = StateFile.Load(state, out var error);
            Assert.Null(error);
        }

        var last = Cli("check", "kernel-log", "--log", log, "--state", state, "--sticky", "0");
        Assert.Equal(0, last.Code);
        var position = StateFile.Load(state, out _).Files.Single();
        Assert.Equal(new FileInfo(log).Length, position.Current.Offset);
        Assert.DoesNotContain(Directory.EnumerateFiles(dir.Dir), f => f.EndsWith(".tmp", StringComparison.Ordinal));   // killed runs' leftovers are swept
    }

    /// <summary>The CLI under test as a process of its own (a lock is per process, and a kill needs one).</summary>
    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hostdoc.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start)!;
    }

    private static CliRun Cli(params string[] args)
    {
        using var p = Start(args);
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return new CliRun(p.ExitCode, output, err.Result);
    }
}

using Xunit;

namespace HostDoc.Tests.Cli;

/// <summary>
/// A real task in D state, made on purpose: in a private mount namespace the test mounts a FUSE
/// filesystem it never serves and runs stat on it, which sleeps uninterruptibly in fuse_get_req.
/// hostdoc stuck must find it, classify it and time it. The mount is lazily unmounted and the
/// process killed at the end (a FUSE wait is killable).
/// </summary>
public sealed class StuckCommandTests
{
    private static readonly string Script = PrivateNamespace.UnservedFuseMount("hostdoc-stuck") + """
        stat "$d" >/dev/null 2>&1 &
        victim=$!
        sleep 1.5
        echo "victim=$victim"
        dotnet "$CLI" stuck --samples 3 --interval 0.3
        echo "rc=$?"
        dotnet "$CLI" check stuck
        echo "rc=$?"
        umount -l "$d"; kill -9 $victim 2>/dev/null; wait $victim 2>/dev/null; rmdir "$d"
        """;

    [Fact]
    public void Finds_classifies_and_times_a_real_D_state_task()
    {
        var (output, exitCode) = PrivateNamespace.Run(Script);
        Assert.NotEqual(90, exitCode);

        var lines = output.Split('\n');
        var victim = lines.Single(l => l.StartsWith("victim=", StringComparison.Ordinal))["victim=".Length..];
        var row = lines.Single(l => l.TrimStart().StartsWith(victim + " ", StringComparison.Ordinal));
        Assert.Contains("stat", row, StringComparison.Ordinal);
        // Off the CPU since its se.exec_start, read against hostdoc's own thread's; when the two threads' CPUs' scheduler
        // clocks disagree the wrong way (seconds apart on this VM) hostdoc falls back to how long its own samples saw it in D.
        if (row.Contains("off CPU ", StringComparison.Ordinal))
        {
            Assert.InRange(double.Parse(row.Split("off CPU ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture), 1.5, 30);
        }
        else
        {
            Assert.InRange(double.Parse(row.Split("seen in D ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture), 0.5, 30);
        }
        Assert.Contains(lines, l => l.StartsWith("fuse: 1 task waiting for a FUSE filesystem's daemon", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Trim().StartsWith("fuse_get_req+", StringComparison.Ordinal) || l.Contains("request_wait_answer", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("STUCK WARNING - 1 task stuck in D for", StringComparison.Ordinal) && l.Contains($"stat[{victim}]", StringComparison.Ordinal));
        Assert.Contains("rc=1", lines);
    }
}

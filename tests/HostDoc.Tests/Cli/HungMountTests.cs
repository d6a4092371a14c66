using Xunit;

namespace HostDoc.Tests.Cli;

/// <summary>
/// A mount whose statvfs never answers: in a private mount namespace the test opens /dev/fuse and
/// mounts a FUSE filesystem on its own directory without ever serving it, the way a dead FUSE daemon
/// or NFS server leaves a mount. stat -f on it hangs; hostdoc must still finish within -t and name it.
/// </summary>
public sealed class HungMountTests
{
    private static readonly string Script = PrivateNamespace.UnservedFuseMount("hostdoc-hung") + """
        run() { local t0=$(date +%s%N); dotnet "$CLI" check disk "$@"; local rc=$?; echo "rc=$rc ms=$((($(date +%s%N) - t0) / 1000000))"; }
        run -t 2 -v
        run -w 10% -c 5% -A -t 2
        umount -l "$d"; rmdir "$d"
        """;

    [Fact]
    public void Check_disk_finishes_within_its_timeout_and_names_the_mount()
    {
        var (output, exitCode) = PrivateNamespace.Run(Script);
        Assert.NotEqual(90, exitCode);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var runs = lines.Where(l => l.StartsWith("rc=", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, runs.Length);
        foreach (var run in runs)
        {
            var ms = int.Parse(run.Split("ms=")[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(ms, 0, 4_000);   // -t 2, plus the runtime's start-up under `dotnet`
        }

        Assert.StartsWith("DISK CRITICAL - ", lines[0], StringComparison.Ordinal);
        Assert.Contains("(fuse from hostdoc-hung) does not answer: no answer within 1.6 s", output, StringComparison.Ordinal);
        Assert.Equal("rc=2", runs[0].Split(' ')[0]);
        Assert.Contains(lines, l => l.StartsWith("DISK CRITICAL - /tmp/hostdoc-hung.", StringComparison.Ordinal) && l.Contains("is not accessible: no answer within 1.6 s", StringComparison.Ordinal));
        Assert.Equal("rc=2", runs[1].Split(' ')[0]);
    }

    private static readonly string StuckScript = PrivateNamespace.UnservedFuseMount("hostdoc-hung") + """
        stat "$d/file" >/dev/null 2>&1 &
        waiter=$!
        sleep 0.5
        echo "mount=$d waiter=$waiter"
        dotnet "$CLI" stuck --samples 2 --interval 0.3
        kill -KILL $waiter; wait $waiter 2>/dev/null
        umount -l "$d"; rmdir "$d"
        """;

    [Fact]
    public void A_task_stuck_on_the_mount_is_placed_on_it()
    {
        var (output, exitCode) = PrivateNamespace.Run(StuckScript);
        Assert.NotEqual(90, exitCode);
        var facts = output.Split('\n')[0].Split(' ').Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
        Assert.Contains($"{facts["waiter"]} stat", output, StringComparison.Ordinal);
        Assert.Contains("fuse: 1 task waiting for a FUSE filesystem's daemon", output, StringComparison.Ordinal);
        Assert.Contains($"waits on {facts["mount"]} (fuse from hostdoc-hung) — found by the only fuse mount", output, StringComparison.Ordinal);
    }
}

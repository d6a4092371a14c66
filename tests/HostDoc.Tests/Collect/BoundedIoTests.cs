using System.Diagnostics;
using HostDoc.Collect;
using HostDoc.Sources;
using Xunit;

namespace HostDoc.Tests.Collect;

/// <summary>
/// A read of the live host that never returns is skipped at the deadline and recorded; after
/// <see cref="BoundedIo.MaxAbandoned"/> of them collect stops reading. The blocking read is real: opening a FIFO
/// nobody writes blocks in the kernel, as a wedged sysfs attribute or /proc/PID/cmdline under a held mmap lock does.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BoundedIoTests
{
    [Fact]
    public void A_read_that_blocks_is_skipped_at_the_deadline_and_named()
    {
        using var temp = new TempTree();
        var fifo = Path.Combine(temp.Dir, "wedged");
        using (var mkfifo = Process.Start(DebianOracle.Require("mkfifo", "coreutils"), [fifo]))
        {
            mkfifo.WaitForExit();
        }

        using var run = new CollectRun(new CollectOptions("-", false, CollectOptions.DefaultMaxBytes, TimeSpan.Zero, TimeSpan.FromMilliseconds(300)), DateTimeOffset.UtcNow);
        var clock = Stopwatch.StartNew();
        var read = run.Root.ReadText(fifo);
        Assert.InRange(clock.ElapsedMilliseconds, 250, 3_000);
        Assert.Null(read.Value);
        Assert.Equal(ProblemKind.Timeout, read.Problems[0].Kind);
        Assert.Equal(ProblemKind.Timeout, run.Tree.Unreadable[fifo].Kind);
        Assert.Contains("did not answer within 0.3 s", run.Tree.Unreadable[fifo].Message, StringComparison.Ordinal);
        var later = run.Root.ReadText("/proc/sys/kernel/ostype");
        Assert.True(later.Value?.Trim() == "Linux", string.Join("; ", later.Problems));   // later reads go on

        // Unblock the abandoned open so the pool thread ends with the test.
        using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
    }

    [Fact]
    public void After_the_most_hung_reads_every_read_is_skipped_at_once()
    {
        using var io = new BoundedIo(TimeSpan.FromMilliseconds(20));
        using var release = new ManualResetEventSlim();
        for (var i = 0; i < BoundedIo.MaxAbandoned; i++)
        {
            Assert.False(io.TryRun(() => release.Wait(10_000), out _));
        }

        var clock = Stopwatch.StartNew();
        Assert.False(io.TryRun(() => true, out _));
        Assert.True(clock.ElapsedMilliseconds < 20);
        Assert.Equal(BoundedIo.MaxAbandoned, io.Abandoned);
        release.Set();
    }
}

using Xunit;

namespace HostDoc.Tests.Cli;

/// <summary>
/// A mount whose statvfs never answers: in a private mount namespace the test opens /dev/fuse and
/// mounts a FUSE filesystem on its own directory without ever serving it, the way a dead FUSE daemon
/// or NFS server leaves a mount. stat -f on it hangs; hostdoc must still finish within -t and name it.
/// </summary>
public sealed class HungMountTests
{
    private const string Script = """
        set -u
        d=$(mktemp -d /tmp/hostdoc-hung.XXXXXX)
        exec 3<>/dev/fuse
        mount -t fuse -o fd=3,rootmode=40000,user_id=0,group_id=0 hostdoc-hung "$d" || exit 90
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
}

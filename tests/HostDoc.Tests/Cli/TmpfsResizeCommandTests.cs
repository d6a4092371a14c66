using Xunit;

namespace HostDoc.Tests.Cli;

/// <summary>
/// tmpfs-resize against the kernel itself: in a private mount namespace (unshare -m) the test mounts
/// its own tmpfs, fills it, asks hostdoc, then really runs mount -o remount and compares. The
/// namespace, its mounts and the directory are the test's own and vanish with it.
/// </summary>
public sealed class TmpfsResizeCommandTests
{
    private const string Script = """
        set -u
        hostdoc() { dotnet "$CLI" tmpfs-resize "$@" >/dev/null 2>&1; echo $?; }
        real() { mount -o "remount,$1" "$2" 2>/dev/null && echo 0 || echo 1; }
        d=$(mktemp -d /tmp/hostdoc-tmpfs-test.XXXXXX)
        mount -t tmpfs -o size=8m,nr_inodes=100 hostdoc-tmpfs-test "$d"
        dd if=/dev/zero of="$d/fill" bs=1M count=5 status=none
        for i in $(seq 1 40); do : > "$d/f$i"; done
        for size in 1M 4M 5M 5121k 6M 16M 0 8m; do
          mount -o remount,size=8m,nr_inodes=100 "$d"
          echo "size=$size $(hostdoc "$d" "$size") $(real "size=$size" "$d")"
        done
        for n in 10 41 42 60; do
          mount -o remount,size=8m,nr_inodes=100 "$d"
          echo "nr_inodes=$n $(hostdoc "$d" 8m --nr-inodes "$n") $(real "size=8m,nr_inodes=$n" "$d")"
        done
        u=$(mktemp -d /tmp/hostdoc-tmpfs-test.XXXXXX)
        mount -t tmpfs -o size=0 hostdoc-tmpfs-unlimited "$u"
        echo "unlimited=4M $(hostdoc "$u" 4M) $(real size=4M "$u")"
        umount "$d" "$u"; rmdir "$d" "$u"
        """;

    [Fact]
    public void Predictions_match_what_the_kernel_does()
    {
        var (output, _) = PrivateNamespace.Run(Script);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 13, $"script output:\n{output}");
        foreach (var line in lines)
        {
            var parts = line.Split(' ');
            Assert.True(parts[1] == parts[2], $"{parts[0]}: hostdoc exit {parts[1]}, kernel remount {(parts[2] == "0" ? "succeeded" : "failed")}");
        }

        // The cases that must be refused really were refused (the test would be vacuous otherwise).
        Assert.Contains("size=4M 1 1", lines);
        Assert.Contains("nr_inodes=10 1 1", lines);
        Assert.Contains("unlimited=4M 1 1", lines);
        Assert.Contains("size=16M 0 0", lines);
    }
}

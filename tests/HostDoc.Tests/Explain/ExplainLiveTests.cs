using Xunit;

namespace HostDoc.Tests.Explain;

/// <summary>
/// explain against the kernel itself: in a private mount namespace the test makes each error happen for real (mkdir on a
/// dangling link, a tmpfs filled to its last inode and block, a mount held by a sleeping child's working directory, a
/// read-only mount, a tmpfs remount below its use), records what the syscall returned, then asks hostdoc about the
/// same path. The mounts, files and processes are the test's own and go with it.
/// </summary>
public sealed class ExplainLiveTests
{
    private const string Script = """
        set -u
        explain() { dotnet "$CLI" explain "$@" 2>&1; }
        d=$(mktemp -d /tmp/hostdoc-explain-test.XXXXXX)
        ln -s "$d/nowhere" "$d/dangling"; mkdir "$d/dir"; : > "$d/file"
        for name in dangling dir file; do
          echo "=== mkdir-$name"; mkdir "$d/$name" 2>&1; explain EEXIST --syscall mkdir "$d/$name"
        done
        echo "=== mkdir-free"; explain EEXIST --syscall mkdir "$d/free"

        mkdir "$d/inodes"; mount -t tmpfs -o size=4m,nr_inodes=8 hostdoc-explain-inodes "$d/inodes"
        i=0; while : > "$d/inodes/f$i" 2>/dev/null; do i=$((i+1)); done
        echo "=== enospc-inodes"; { : > "$d/inodes/one-more"; } 2>&1; explain ENOSPC "$d/inodes/one-more"

        mkdir "$d/blocks"; mount -t tmpfs -o size=1m hostdoc-explain-blocks "$d/blocks"
        echo "=== enospc-blocks"; dd if=/dev/zero of="$d/blocks/fill" bs=64k count=64 status=none 2>&1; explain ENOSPC --syscall write "$d/blocks/fill"

        mkdir "$d/busy"; mount -t tmpfs hostdoc-explain-busy "$d/busy"; mkdir "$d/busy/sub" "$d/busy/held"
        mount -t tmpfs hostdoc-explain-beneath "$d/busy/sub"
        (cd "$d/busy/held" && exec sleep 60) & holder=$!
        sleep 0.3
        echo "=== ebusy holder=$holder"; umount "$d/busy" 2>&1; explain EBUSY --syscall umount2 "$d/busy"
        kill $holder; wait $holder 2>/dev/null; umount "$d/busy/sub"
        echo "=== ebusy-free"; explain EBUSY --syscall umount "$d/busy"; umount "$d/busy"

        mkdir "$d/ro"; mount -t tmpfs -o ro hostdoc-explain-ro "$d/ro"
        echo "=== erofs"; { : > "$d/ro/x"; } 2>&1; explain EROFS "$d/ro/x"
        mkdir "$d/bind"; mount --bind "$d/dir" "$d/bind"; mount -o remount,bind,ro "$d/bind"
        echo "=== erofs-bind"; { : > "$d/bind/x"; } 2>&1; explain EROFS "$d/bind/x"
        echo "=== erofs-rw"; explain EROFS "$d/dir/x"

        echo "=== einval-small"; mount -o remount,size=256k "$d/blocks" 2>&1; echo "mount exit $?"; explain EINVAL --syscall mount --size 256k "$d/blocks"
        echo "=== einval-fits"; mount -o remount,size=2m "$d/blocks" 2>&1; echo "mount exit $?"; explain EINVAL --syscall mount --size 2m "$d/blocks"

        umount "$d/inodes" "$d/blocks" "$d/ro" "$d/bind"
        rm -rf "$d"
        """;

    [Fact]
    public void Each_error_happens_for_real_and_hostdoc_names_its_cause()
    {
        var (output, _) = PrivateNamespace.Run(Script, 120_000);
        var cases = output.Split("=== ", StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(c => c[..c.IndexOf('\n')].Split(' ')[0], c => System.Text.RegularExpressions.Regex.Replace(c, @"\s+", " "));
        Assert.True(cases.Count == 13, output);

        // The kernel's own answers: the test is not vacuous.
        Assert.Contains("File exists", cases["mkdir-dangling"]);
        Assert.Contains("File exists", cases["mkdir-file"]);
        Assert.Contains("No space left on device", cases["enospc-inodes"]);
        Assert.Contains("No space left on device", cases["enospc-blocks"]);
        Assert.Contains("target is busy", cases["ebusy"]);
        Assert.Contains("Read-only file system", cases["erofs"]);
        Assert.Contains("Read-only file system", cases["erofs-bind"]);
        Assert.Contains("mount exit 32", cases["einval-small"]);
        Assert.Contains("mount exit 0", cases["einval-fits"]);

        Assert.Contains("this holds:", cases["mkdir-dangling"]);
        Assert.Contains("which does not exist", cases["mkdir-dangling"]);
        Assert.Contains("is a directory already", cases["mkdir-dir"]);
        Assert.Contains("is a file (not a directory)", cases["mkdir-file"]);
        Assert.Contains("✘ not this: nothing is at", cases["mkdir-free"]);
        Assert.Contains("has no free inodes (8 in all", cases["enospc-inodes"]);
        Assert.Contains("is at its size= limit (1.00 MiB)", cases["enospc-blocks"]);

        var holder = cases["ebusy"].Split(' ')[1].Split("holder=")[1].Trim();
        Assert.Contains($"sleep ({holder}) holds", cases["ebusy"]);
        Assert.Contains("working directory", cases["ebusy"]);
        Assert.Contains("/busy/sub (tmpfs) is mounted beneath it", cases["ebusy"]);
        Assert.Contains("✘ not this: nothing holds", cases["ebusy-free"]);

        Assert.Contains("is mounted read-only (mount and filesystem both ro)", cases["erofs"]);
        Assert.Contains("a read-only bind mount", cases["erofs-bind"]);
        Assert.Contains("✘ not this:", cases["erofs-rw"]);
        Assert.Contains("✔ this holds: mount -o remount,size=256k", cases["einval-small"]);
        Assert.Contains("✘ not this: size=2m is at least what", cases["einval-fits"]);
    }

    /// <summary>
    /// ENOSPC from inotify_add_watch, for real: in a user namespace of the test's own the per-namespace limit
    /// (/proc/sys/user/max_inotify_watches) is lowered to 20, one tail -F takes all 20, a second one is refused
    /// ("inotify resources exhausted"), and hostdoc names the user and the process holding the watches.
    /// </summary>
    [Fact]
    public void Inotify_watches_exhausted_in_a_user_namespace()
    {
        const string script = """
            set -u
            d=$(mktemp -d /tmp/hostdoc-inotify-test.XXXXXX)
            for i in $(seq 1 30); do : > "$d/f$i"; done
            echo 20 > /proc/sys/user/max_inotify_watches || exit 90
            tail -F $(seq -f "$d/f%g" 1 19) >/dev/null 2>&1 & first=$!
            sleep 0.5
            tail -F "$d/f20" "$d/f21" >/dev/null 2>"$d/err" & second=$!
            sleep 0.5
            echo "first=$first"; cat "$d/err"
            dotnet "$CLI" explain ENOSPC --syscall inotify_add_watch
            kill $first $second; rm -r "$d"
            """;
        var start = new System.Diagnostics.ProcessStartInfo(DebianOracle.Require("unshare", "util-linux"), ["-U", "-r", "bash", "-c", script]) { RedirectStandardOutput = true };
        start.Environment["CLI"] = Path.Combine(AppContext.BaseDirectory, "hostdoc.dll");
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.NotEqual(90, process.ExitCode);

        var first = output.Split('\n')[0].Split('=')[1];
        Assert.Contains("inotify resources exhausted", output);
        Assert.Contains("✔ this holds: uid 0 has 20 inotify watches of the 20", output);
        Assert.Contains($"tail ({first}) 20", output);
    }
}

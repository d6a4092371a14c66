using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using HostDoc.Roots;
using HostDoc.Tests.Cli;
using Xunit;

namespace HostDoc.Tests.Roots;

/// <summary>
/// Archives built to hurt: names that climb out or are absolute, links that point out of the tree or loop, a truncated
/// gzip, a tar bomb, bytes that are no archive. Each is one clear line (exit 2, or UNKNOWN for a check), nothing is
/// written anywhere, and a link can never reach the reading machine's own files.
/// </summary>
public sealed class SnapshotHostileTests
{
    private static byte[] Archive(Action<TarWriter> write, bool gzip = true)
    {
        using var buffer = new MemoryStream();
        using (Stream outer = gzip ? new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true) : buffer)
        using (var tar = new TarWriter(outer, TarEntryFormat.Pax, leaveOpen: true))
        {
            write(tar);
        }

        return buffer.ToArray();
    }

    private static void File(TarWriter tar, string name, string text) =>
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });

    private static void Link(TarWriter tar, string name, string target) =>
        tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target });

    private static CliRun Run(TempTree temp, byte[] archive, params string[] command)
    {
        var file = Path.Combine(temp.Dir, "hostile.tar.gz");
        System.IO.File.WriteAllBytes(file, archive);
        return CliRun.Of(["--snapshot", file, .. command]);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("proc/../../escape")]
    [InlineData("/etc/escape")]
    public void A_name_that_leaves_the_tree_refuses_the_archive(string name)
    {
        using var temp = new TempTree();
        var run = Run(temp, Archive(t => { File(t, "proc/meminfo", "MemTotal: 1 kB\n"); File(t, name, "x"); }), "mem");
        Assert.Equal(2, run.Code);
        Assert.Contains("points outside the tree", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(System.IO.File.Exists(Path.Combine(temp.Dir, "..", "escape")));
        Assert.False(System.IO.File.Exists("/etc/escape"));
    }

    [Fact]
    public void A_check_on_a_refused_archive_is_unknown()
    {
        using var temp = new TempTree();
        var run = Run(temp, Archive(t => File(t, "../escape", "x")), "check", "memory");
        Assert.Equal(3, run.Code);
        Assert.StartsWith("MEMORY UNKNOWN - --snapshot", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_out_of_the_tree_stay_inside_the_snapshot()
    {
        using var temp = new TempTree();
        var archive = Archive(t =>
        {
            Link(t, "proc/meminfo", "../../../../../../../../etc/passwd");
            Link(t, "proc/sys/kernel/hostname", "/etc/hostname");
            Link(t, "proc/loadavg", "loop-a");
            Link(t, "proc/loop-a", "loadavg");
            File(t, "proc/sys/kernel/osrelease", "6.1.0\n");
        });
        var run = Run(temp, archive, "mem");
        Assert.DoesNotContain("root:", run.Out + run.Error, StringComparison.Ordinal);
        Assert.Contains("/proc/meminfo", run.Error, StringComparison.Ordinal);

        var root = SnapshotArchive.Open("hostile", new MemoryStream(archive), SnapshotLimits.Default);
        Assert.Null(root.ReadText("/proc/meminfo").Value);
        Assert.Null(root.ReadText("/proc/sys/kernel/hostname").Value);
        Assert.Null(root.ReadText("/proc/loadavg").Value);
        Assert.Equal("6.1.0", root.ReadValue("/proc/sys/kernel/osrelease"));
        Assert.Equal("/etc/hostname", root.ReadLink("/proc/sys/kernel/hostname"));
    }

    [Fact]
    public void A_link_inside_the_tree_is_followed_inside_it()
    {
        var archive = Archive(t =>
        {
            File(t, "sys/devices/pci0000:00/block/sda/size", "976773168\n");
            Link(t, "sys/class/block/sda", "../../devices/pci0000:00/block/sda");
            Link(t, "sys/block", "/sys/class/block");
        });
        var root = SnapshotArchive.Open("links", new MemoryStream(archive), SnapshotLimits.Default);
        Assert.Equal("976773168", root.ReadValue("/sys/class/block/sda/size"));
        Assert.Equal("976773168", root.ReadValue("/sys/block/sda/size"));
        Assert.Equal(["sda"], root.ListDirectory("/sys/block"));
        Assert.True(root.IsDirectory("/sys/block/sda"));
    }

    [Fact]
    public void A_truncated_gzip_is_one_line_not_a_crash()
    {
        using var temp = new TempTree();
        var whole = Archive(t =>
        {
            for (var i = 0; i < 200; i++)
            {
                File(t, $"proc/{i}/stat", new string('x', 4000) + i);
            }
        });
        var run = Run(temp, whole[..(whole.Length / 2)], "report");
        Assert.Equal(2, run.Code);
        Assert.Matches("^hostdoc: --snapshot .*: damaged after [0-9]+ entries .*not a whole tar or tar.gz\n$", run.Error);
    }

    [Fact]
    public void A_tar_bomb_stops_at_the_limit_before_it_is_unpacked()
    {
        // One entry whose header claims 8 GiB (the most 11 octal digits hold): refused from the header, nothing allocated for it.
        var header = new byte[512];
        Encoding.ASCII.GetBytes("proc/meminfo").CopyTo(header, 0);
        Encoding.ASCII.GetBytes("0000644\0").CopyTo(header, 100);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(header, 108);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(header, 116);
        Encoding.ASCII.GetBytes("77777777777\0").CopyTo(header, 124);
        Encoding.ASCII.GetBytes("00000000000\0").CopyTo(header, 136);
        header[156] = (byte)'0';
        Encoding.ASCII.GetBytes("ustar\0" + "00").CopyTo(header, 257);
        "        "u8.ToArray().CopyTo(header, 148);
        var sum = header.Sum(b => b);
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header, 148);
        using var temp = new TempTree();
        var run = Run(temp, [.. header, .. new byte[1024]], "mem");
        Assert.Equal(2, run.Code);
        Assert.Contains("would unpack past the limit", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        // Many small entries past a total: the same line.
        var many = Archive(t =>
        {
            for (var i = 0; i < 50; i++)
            {
                File(t, $"proc/{i}/cmdline", new string('a', 10_000));
            }
        });
        var error = Assert.Throws<SnapshotException>(() => SnapshotArchive.Open("many", new MemoryStream(many), new SnapshotLimits(MaxTotalBytes: 100_000)));
        Assert.Contains("would unpack past the limit", error.Message, StringComparison.Ordinal);
        var entries = Assert.Throws<SnapshotException>(() => SnapshotArchive.Open("many", new MemoryStream(many), new SnapshotLimits(MaxEntries: 10)));
        Assert.Contains("more than 10 entries", entries.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MemTotal: 1 kB\n")]
    [InlineData("\u001f\u008b\u0008garbage")]
    public void Bytes_that_are_no_archive_are_one_line(string text)
    {
        using var temp = new TempTree();
        var run = Run(temp, Encoding.Latin1.GetBytes(text), "mem");
        Assert.Equal(2, run.Code);
        Assert.StartsWith("hostdoc: --snapshot ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_missing_snapshot_file_is_one_line()
    {
        var run = CliRun.Of("--snapshot", "/nonexistent/x.tar.gz", "mem");
        Assert.Equal(2, run.Code);
        Assert.Contains("--snapshot /nonexistent/x.tar.gz: cannot read", run.Error, StringComparison.Ordinal);
    }
}

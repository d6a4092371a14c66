using System.Text.RegularExpressions;
using HostDoc.Tests.Cli;
using Xunit;

namespace HostDoc.Tests.Explain;

/// <summary>explain over captured trees: the seed's failing disk (EROFS from the journal abort), the 6.18 mounts (a full tmpfs, ext4's emergency_ro), and the command's usage.</summary>
public sealed class ExplainTreeTests
{
    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ");

    [Fact]
    public void Erofs_on_the_seeds_data_mount_points_at_the_forced_read_only_finding_and_the_disk_behind_it()
    {
        var run = CliRun.Of("--root", Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk"), "explain", "EROFS", "/data/new-file");
        Assert.Equal(0, run.Code);
        var text = Flat(run.Out);
        Assert.Contains("/data (ext3 on /dev/mapper/vg-data) is mounted read-write but its filesystem is read-only", text);
        Assert.Contains("finding disk.forced-readonly", text);
        Assert.Contains("log.disk-media-error: The drive behind ata6 (sdf) cannot read LBA 291,766,746", text);
        Assert.Contains("ext4_handle_error()", text);
    }

    [Fact]
    public void On_the_618_mounts_a_full_tmpfs_holds_and_emergency_ro_counts_as_forced()
    {
        var tree = Fixtures.Dir("vm-6.18-mounts");
        const string Mnt = "/tmp/hostdoc-scenario.VOTZQK/mnt";
        var full = Flat(CliRun.Of("--root", tree, "explain", "ENOSPC", Mnt + "/full/x").Out);
        Assert.Contains("✔ this holds: the tmpfs " + Mnt + "/full is at its size= limit (1.00 MiB)", full);
        var almost = Flat(CliRun.Of("--root", tree, "explain", "ENOSPC", Mnt + "/no-inodes/x").Out);
        Assert.Contains("has room: 1.00 MiB available and 3 inodes free", almost);
        var ro = Flat(CliRun.Of("--root", tree, "explain", "EROFS", Mnt + "/ext4-errors/x").Out);
        Assert.Contains("the kernel turned it read-only after an error (finding disk.forced-readonly)", ro);
        var busy = CliRun.Of("--root", tree, "explain", "EBUSY", "--syscall", "umount", Mnt + "/full");
        Assert.Equal(1, busy.Code);   // a tree without the processes' links cannot say who holds it
        Assert.Contains("? undecided:", busy.Out);
    }

    [Theory]
    [InlineData(new[] { "explain", "EFOO" }, 2, "\"EFOO\" is not an errno name or number")]
    [InlineData(new[] { "explain" }, 2, "explain takes ERRNO")]
    [InlineData(new[] { "explain", "rsync" }, 2, "explain rsync takes an exit code")]
    [InlineData(new[] { "explain", "rsync", "31" }, 2, "is not one of rsync's exit codes")]
    [InlineData(new[] { "explain", "EEXIST", "--pid", "x" }, 2, "--pid takes a process id")]
    [InlineData(new[] { "explain", "EPERM" }, 0, "")]
    [InlineData(new[] { "explain", "-17" }, 0, "")]
    public void Usage(string[] args, int code, string error)
    {
        var run = CliRun.Of(args);
        Assert.Equal(code, run.Code);
        Assert.Contains(error, run.Error + run.Out);
    }

    [Fact]
    public void Explain_rsync_30_cites_rsyncs_io_c_and_the_half_timeout_wait()
    {
        var text = Flat(CliRun.Of("explain", "rsync", "30").Out);
        Assert.Contains("rsync exit 30: timeout in data send/receive", text);
        Assert.Contains("rsync io.c check_timeout()", text);
        Assert.Contains("why a --timeout of 3600 reports 3604", text);
    }

    [Fact]
    public void Explain_affinity_says_it_in_those_words_on_a_virtual_machine()
    {
        using var guest = new TempTree();
        guest.Write("/proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu vme de pse tsc hypervisor lahf_lm\n");
        guest.Write("/sys/class/dmi/id/sys_vendor", "innotek GmbH\n");
        guest.Write("/sys/class/dmi/id/product_name", "VirtualBox\n");
        var text = Flat(CliRun.Of("--root", guest.Dir, "explain", "affinity").Out);
        Assert.Contains("this is a virtual machine (VirtualBox)", text);
        Assert.Contains("affinity set here has no effect on the host", text);
        Assert.Contains("DMI sys_vendor: innotek GmbH", text);

        using var metal = new TempTree();
        metal.Write("/proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu vme de pse tsc lahf_lm\n");
        Assert.Contains("no hypervisor is seen", Flat(CliRun.Of("--root", metal.Dir, "explain", "affinity").Out));
        Assert.Contains("this is a virtual machine (VirtualBox)", Flat(CliRun.Of("--root", guest.Dir, "cpus").Out));
    }
}

using HostDoc.Proc.Pid;
using HostDoc.Storage;
using Xunit;

namespace HostDoc.Tests.Storage;

public sealed class FilesystemTableTests
{
    private const string Scenario = "/tmp/hostdoc-scenario.VOTZQK/mnt/";

    [Fact]
    public void Folds_bind_mounts_into_one_row_and_leaves_pseudo_filesystems_out()
    {
        var table = Fixtures.Host("vm-6.18-mounts").Filesystems.Value!;
        var space = table.AtMountPoint(Scenario + "with space")!;
        Assert.Equal([Scenario + "bind"], space.OtherMountPoints);
        Assert.Same(space, table.AtMountPoint(Scenario + "bind"));
        Assert.DoesNotContain(table.Filesystems, f => f.Mount.FsType is "proc" or "sysfs" or "cgroup" or "overlay" or "devpts");
        Assert.Single(table.Filesystems, f => f.MountPoint == "/dev/shm");   // mounted twice, one row
    }

    [Fact]
    public void A_stacked_mount_hides_the_ones_under_it()
    {
        var mounts = Mountinfo.Read(Fixtures.Root("node-exporter-1.5.0")).Value!;
        var table = FilesystemTable.Build(mounts, new NoStatvfs(), includePseudo: true);
        var nfs = Assert.Single(table.Filesystems, f => f.MountPoint == "/mnt/nfs/test");
        Assert.Equal("nfs", nfs.Mount.FsType);   // the last of the three
    }

    [Theory]
    [InlineData("/srv/pm/var2/x", "/srv/pm")]   // not the /srv/pm/var mount: path components, not characters
    [InlineData("/srv/pm/var/x", "/srv/pm/var")]
    [InlineData("/srv/pm/var", "/srv/pm/var")]
    [InlineData("/etc", "/")]
    public void Holding_matches_whole_path_components(string path, string expected)
    {
        var mounts = Mountinfo.Parse(
            "1 0 8:1 / / rw - ext4 /dev/sda1 rw\n" +
            "2 1 8:2 / /srv/pm rw - ext4 /dev/sda2 rw\n" +
            "3 2 0:50 / /srv/pm/var rw - tmpfs tmpfs rw\n").Value;
        var table = FilesystemTable.Build(mounts, new NoStatvfs(), includePseudo: false);
        Assert.Equal(expected, table.Holding(path)!.MountPoint);
    }

    private sealed class NoStatvfs : IStatvfs
    {
        public HostDoc.Sources.Sourced<FsStats> Query(string mountPoint, string fsType) =>
            HostDoc.Sources.Sourced<FsStats>.Failed(new HostDoc.Sources.SourceProblem(mountPoint, HostDoc.Sources.ProblemKind.Missing, "none"));
    }
}

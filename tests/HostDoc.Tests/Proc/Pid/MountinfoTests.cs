using HostDoc.Proc.Pid;
using HostDoc.Storage;
using Xunit;

namespace HostDoc.Tests.Proc.Pid;

public sealed class MountinfoTests
{
    private const string Scenario = "/tmp/hostdoc-scenario.VOTZQK/mnt/";

    [Fact]
    public void Decodes_escaped_mount_points_from_a_real_namespace()
    {
        var mounts = Mountinfo.Read(Fixtures.Root("vm-6.18-mounts")).Value!.Entries;
        Assert.Contains(mounts, m => m.MountPoint == Scenario + "with space");
        Assert.Contains(mounts, m => m.MountPoint == Scenario + "odd\tname\\x");
    }

    [Fact]
    public void Keeps_the_root_of_a_bind_mount_and_the_shared_device()
    {
        var mounts = Mountinfo.Read(Fixtures.Root("vm-6.18-mounts")).Value!.Entries;
        var bind = mounts.Single(m => m.MountPoint == Scenario + "bind");
        var origin = mounts.Single(m => m.MountPoint == Scenario + "with space");
        Assert.Equal("/sub", bind.Root);
        Assert.Equal(origin.Device, bind.Device);
        Assert.Equal(new DeviceNumber(0, 39), bind.Device);
    }

    [Fact]
    public void Reads_super_options_with_escaped_paths_and_the_6x_emergency_ro_flag()
    {
        var mounts = Mountinfo.Read(Fixtures.Root("vm-6.18-mounts")).Value!.Entries;
        var overlay = mounts.Single(m => m.FsType == "overlay");
        Assert.Equal($"{Scenario}with space/lower", overlay.SuperOption("lowerdir"));
        var ext4 = mounts.Single(m => m.MountPoint == Scenario + "ext4-errors");
        Assert.Equal(new DeviceNumber(7, 1), ext4.Device);
        Assert.Equal("remount-ro", ext4.SuperOption("errors"));
        Assert.True(ext4.ForcedReadOnly);
        Assert.False(mounts.Single(m => m.MountPoint == "/").ForcedReadOnly);
    }

    [Fact]
    public void Tolerates_the_double_space_and_reads_optional_fields()
    {
        var sourced = Mountinfo.Read(Fixtures.Root("node-exporter-1.5.0"));
        Assert.True(sourced.IsClean, string.Join("; ", sourced.Problems));
        var root = sourced.Value!.Entries[0];
        Assert.Equal("/root", root.MountPoint);
        Assert.Equal(["shared:8"], root.OptionalFields);
        var nfs = sourced.Value.Entries.Where(m => m.MountPoint == "/mnt/nfs/test").ToArray();
        Assert.Equal(3, nfs.Length);
        Assert.Equal("192.168.1.1:/srv/test", nfs[0].Source);
    }

    [Theory]
    [InlineData("36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue", "/mnt2", new[] { "master:1" })]
    [InlineData("36 35 98:0 / /mnt rw - ext3 /dev/root rw", "/mnt", new string[0])]
    [InlineData("36 35 98:0 / /a\\134b rw shared:1 master:2 propagate_from:3 unbindable - ext4 /dev/x rw", "/a\\b", new[] { "shared:1", "master:2", "propagate_from:3", "unbindable" })]
    public void Parses_the_documented_layouts(string line, string mountPoint, string[] optional)
    {
        var entry = Assert.Single(Mountinfo.Parse(line).Value.Entries);
        Assert.Equal(mountPoint, entry.MountPoint);
        Assert.Equal(optional, entry.OptionalFields);
    }

    [Theory]
    [InlineData("36 35 98:0 / /mnt rw ext3 /dev/root rw")]        // no " - " separator
    [InlineData("36 35 980 / /mnt rw - ext3 /dev/root rw")]       // device without colon
    [InlineData("x 35 98:0 / /mnt rw - ext3 /dev/root rw")]       // id not a number
    [InlineData("36 35 98:0 / /mnt rw - ext3")]                   // torn after the type
    public void Malformed_lines_are_errors_and_the_rest_still_parses(string bad)
    {
        var result = Mountinfo.Parse($"1 0 8:1 / / rw - ext4 /dev/sda1 rw\n{bad}\n");
        Assert.Equal(2, Assert.Single(result.Errors).Line);
        Assert.Single(result.Value.Entries);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("with space")]
    [InlineData("tab\tand\nnewline")]
    [InlineData("back\\slash \\040 literal")]
    public void Escape_and_unescape_round_trip(string path) =>
        Assert.Equal(path, Mountinfo.Unescape(Mountinfo.Escape(path)));
}

using HostDoc.Tasks;
using Xunit;

namespace HostDoc.Tests.Tasks;

public sealed class WaitTargetTests
{
    [Fact]
    public void On_the_failing_disk_every_stuck_task_names_data_and_the_disk_under_it()
    {
        var host = new HostModel(HostRoot.At(Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk")), new FixedClock());
        var stuck = host.Stuck(1, TimeSpan.Zero).Stuck.ToDictionary(t => t.Comm);
        Assert.Equal(["kjournald", "rm", "rsync"], stuck.Keys.Order());
        Assert.All(stuck.Values, t => Assert.Equal(WaitClasses.Journal, t.Class));   // jbd's wchan names: no stack on 2.6.18
        Assert.All(stuck.Values, t => Assert.Equal(("/data", "ext3", "sdf", "dm-0"), (t.Target!.MountPoint, t.Target.FsType, t.Target.Disk, t.Target.BlockDevice)));
        Assert.Equal(["sdf", "sdf1", "dm-0"], stuck["rm"].Target!.Chain);
        Assert.Equal("open file /data/spool/old", stuck["rm"].Target!.How);
        Assert.Equal("open file /data/mirror/.incoming.tmp", stuck["rsync"].Target!.How);   // its other file is on / (not ext3)
        Assert.Equal("the ext3 mount the other stuck tasks wait on", stuck["kjournald"].Target!.How);
    }

    [Fact]
    public void A_jbd2_thread_and_a_task_with_stacks_are_placed_on_the_journal_mount()
    {
        var stuck = Fixtures.Host("stuck-seed-jbd2").Stuck(1, TimeSpan.Zero).Stuck.ToDictionary(t => t.Comm);
        Assert.Equal("/data", stuck["rm"].Target!.MountPoint);
        Assert.Equal("working directory /data/old-backups", stuck["rm"].Target!.How);
        Assert.Equal("/data", stuck["jbd2/dm-0-8"].Target!.MountPoint);   // no sysfs in this tree: placed by the task beside it
        Assert.Equal("/data", stuck["httpd"].Target!.MountPoint);
    }

    [Theory]
    [InlineData("jbd2/sdb1-8", "sdb1")]
    [InlineData("jbd2/dm-0-8", "dm-0")]
    [InlineData("jbd2/nvme0n1p2-8", "nvme0n1p2")]
    [InlineData("jbd2/", null)]
    [InlineData("kjournald", null)]
    public void The_journal_thread_names_its_device(string comm, string? device) =>
        Assert.Equal(device, WaitTargetResolver.JournalThreadDevice(comm));

    [Fact]
    public void Mapped_file_devices_come_from_this_process_own_maps()
    {
        var devices = TaskFiles.MappedFileDevices(File.ReadAllText("/proc/self/maps"));
        var ownBinary = new FileInfo(Environment.ProcessPath!);
        Assert.NotEmpty(devices);
        Assert.DoesNotContain(devices, d => d.Major == 0 && d.Minor == 0);   // anonymous mappings (inode 0) are left out
        Assert.Equal(devices.Count, devices.Distinct().Count());
        Assert.True(ownBinary.Exists);
    }

    [Theory]
    [InlineData("7f1c2e000000-7f1c2e021000 r-xp 00000000 fd:00 1312 /usr/lib/libc.so.6", 0xfd, 0)]
    [InlineData("55d1c0a00000-55d1c0a21000 r--p 00000000 103:02 77 /srv/app/bin (deleted)", 0x103, 2)]
    public void Reads_the_device_of_a_maps_line_in_hex(string line, uint major, uint minor) =>
        Assert.Equal(new HostDoc.Storage.DeviceNumber(major, minor), Assert.Single(TaskFiles.MappedFileDevices(line)));

    [Theory]
    [InlineData("7f1c2e000000-7f1c2e021000 rw-p 00000000 00:00 0 ")]
    [InlineData("7f1c2e000000-7f1c2e021000 rw-p 00000000 zz:00 5 /x")]
    [InlineData("7f1c2e000000")]
    [InlineData("")]
    public void Leaves_out_anonymous_and_damaged_maps_lines(string line) => Assert.Empty(TaskFiles.MappedFileDevices(line));
}

using HostDoc.Findings;
using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.Proc;

public sealed class MdstatTests
{
    private static Dictionary<string, MdArray> Arrays()
    {
        var parsed = Mdstat.Parse(Fixtures.Text("mdstat", "/procfs-fixtures.mdstat"));
        Assert.True(parsed.Success, string.Join("; ", parsed.Errors));
        return parsed.Value.ToDictionary(a => a.Name);
    }

    [Fact]
    public void Reads_every_array_of_the_procfs_fixture_as_node_exporter_counts_them()
    {
        var a = Arrays();
        Assert.Equal(17, a.Count);
        // node_exporter 1.5's e2e output for this file: node_md_disks_required and the active/inactive states.
        Assert.Equal((8, 8, "UUUUUUUU", "raid6"), (a["md3"].RaidDisks, a["md3"].WorkingDisks, a["md3"].Status, a["md3"].Level));
        Assert.Equal(10, a["md3"].Members.Count);
        Assert.Equal(2, a["md3"].Members.Count(m => m.Spare));
        Assert.False(a["md4"].Active);
        Assert.True(a["md4"].Members.Single(m => m.Name == "sda3").Faulty);
        Assert.True(a["md11"].ReadOnly);
        Assert.True(a["md101"].ReadOnly);
        Assert.Equal(5853468288UL, a["md3"].Blocks);
        Assert.Equal(314159265UL, a["md10"].Blocks);
    }

    [Fact]
    public void Reads_degraded_arrays_and_their_recovery()
    {
        var a = Arrays();
        Assert.Equal((true, 1, "U_"), (a["md6"].Degraded, a["md6"].Missing, a["md6"].Status));
        Assert.Equal(new MdSync("recovery", 8.5, "17.0min", "259783K/sec", null, 16775552, 195310144), a["md6"].Sync);
        Assert.Equal((true, 1), (a["md7"].Degraded, a["md7"].Missing));
        Assert.Equal(new MdSync("resync", null, null, null, "DELAYED"), a["md9"].Sync);
        Assert.Equal(new MdSync("check", 5.7, "0.2min", "114176K/sec", null, 114176, 1993728), a["md201"].Sync);
        Assert.Equal("PENDING", a["md11"].Sync!.Waiting);
        Assert.False(a["md8"].Degraded);
        Assert.True(a["md219"].IsContainer);
        Assert.False(a["md126"].IsContainer);   // an array inside a container: external:/md127/0
    }

    [Theory]
    [InlineData("md0 : active raid1 sdb1[1 sda1[0]")]
    [InlineData("md0 : running raid1 sdb1[1]")]
    [InlineData("md0 : active raid1 sdb1[x]")]
    public void A_damaged_array_line_is_a_problem_and_the_others_are_read(string damaged)
    {
        var parsed = Mdstat.Parse("Personalities : [raid1]\n" + damaged + "\n      100 blocks [2/2] [UU]\n\nmd1 : active raid1 sdc1[1] sdd1[0]\n      200 blocks [2/1] [_U]\n");
        Assert.Single(parsed.Errors);
        var md1 = Assert.Single(parsed.Value);
        Assert.Equal(("md1", 1, 200UL), (md1.Name, md1.Missing, md1.Blocks));
    }

    [Fact]
    public void The_lines_of_a_damaged_array_are_not_taken_for_the_previous_arrays()
    {
        var parsed = Mdstat.Parse("md0 : active raid1 sdb1[1] sda1[0]\n      100 blocks [2/2] [UU]\n\nmd1 : active raid1 sdc1[0\n      5 blocks [1/1] [U]\n      resync=DELAYED\n");
        Assert.Single(parsed.Errors);
        var md0 = Assert.Single(parsed.Value);
        Assert.Equal((100UL, 2, (MdSync?)null), (md0.Blocks, md0.RaidDisks, md0.Sync));
    }

    [Fact]
    public void The_raid_check_names_each_degraded_array_its_failed_member_and_the_recovery()
    {
        using var tree = new TempTree();
        tree.Write("/proc/mdstat", Fixtures.Text("mdstat", "/procfs-fixtures.mdstat"));
        var result = Fixtures.RunOn(tree.Root, "raid");
        var bySubject = result.Findings.ToDictionary(f => f.Subject);
        Assert.Equal(["md11", "md4", "md6", "md7", "md9"], bySubject.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Severity.Warning, bySubject["md6"].Severity);   // degraded, recovering
        Assert.Equal("md6 (raid1) is degraded: 1 of 2 members missing [U_]; failed: sdb2; recovery 8.5% done, 17.0min left", bySubject["md6"].Summary);
        Assert.Equal(Severity.Critical, bySubject["md7"].Severity);  // degraded, nothing recovering
        Assert.Equal(Severity.Critical, bySubject["md4"].Severity);  // inactive
        Assert.Equal("sdb2", FindingData.TextOf(bySubject["md6"].Data, "failed"));
        Assert.Equal("sdb2", FindingData.TextOf(bySubject["md6"].Data, "disk"));   // no sysfs here to say sdb2 is on sdb
        Assert.Contains(result.Measurements, m => m.Label == "md6_missing" && m.Value == 1);
    }

    [Fact]
    public void Without_md_the_raid_check_says_so()
    {
        using var tree = new TempTree();
        tree.Write("/proc/uptime", "1 1\n");
        var f = Assert.Single(Fixtures.RunOn(tree.Root, "raid").Findings);
        Assert.Equal((Severity.Ok, "no software RAID: /proc/mdstat is absent (the md driver is not loaded)"), (f.Severity, f.Summary));
    }
}

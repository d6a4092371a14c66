using System.Diagnostics;
using System.Globalization;
using HostDoc.Sources;
using HostDoc.Storage;
using Xunit;

namespace HostDoc.Tests.Storage;

public sealed class StatvfsTests
{
    [Fact]
    public void The_system_call_agrees_with_stat_f_on_the_root_filesystem()
    {
        var stats = new LiveStatvfs(TimeSpan.FromSeconds(5)).Query("/", "ext4").Value!;
        var fields = Run("stat", "-f", "-c", "%S %b %c", "/").Split(' ');
        Assert.Equal(ulong.Parse(fields[0], CultureInfo.InvariantCulture), stats.FragmentSize);
        Assert.Equal(ulong.Parse(fields[1], CultureInfo.InvariantCulture), stats.Blocks);
        Assert.Equal(ulong.Parse(fields[2], CultureInfo.InvariantCulture), stats.Files);
    }

    [Fact]
    public void A_missing_mount_point_is_a_typed_problem()
    {
        var result = new LiveStatvfs(TimeSpan.FromSeconds(5)).Query("/nonexistent-hostdoc", "ext4");
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.Missing, problem.Kind);
        Assert.Equal("statvfs /nonexistent-hostdoc: No such file or directory", problem.ToString());
    }

    [Fact]
    public void A_tree_carries_statvfs_including_a_mount_that_hung()
    {
        using var tree = new TempTree();
        tree.Write("/hostdoc/statvfs", "/ 4096 100 40 30 1000 900 900 rw\n/mnt/with\\040space hang\n/broken 4096 x\n");
        var statvfs = TreeStatvfs.Read(tree.Root);

        var root = statvfs.Query("/", "ext4").Value!;
        Assert.Equal(60UL * 4096, root.UsedBytes);
        Assert.Equal(10UL * 4096, root.ReservedBytes);
        Assert.Equal(100.0 * 30 / 90, root.FreePercentOfUsable, 6);
        Assert.Equal(ProblemKind.Timeout, Assert.Single(statvfs.Query("/mnt/with space", "nfs").Problems).Kind);
        Assert.Equal(ProblemKind.Malformed, Assert.Single(statvfs.Query("/broken", "ext4").Problems).Kind);
        Assert.Equal(ProblemKind.Missing, Assert.Single(statvfs.Query("/elsewhere", "ext4").Problems).Kind);
    }

    [Fact]
    public void Df_figures_follow_coreutils()
    {
        // /dev/vda of the scenario capture: df -B1 showed Use% 15 for these numbers.
        var s = new FsStats(4096, 66053021, 62563171, 20704643, 16777216, 16360013, 16360013, false);
        Assert.Equal(15, s.DfUsedPercent);
        Assert.Equal(417203UL, s.InodesUsed);
        Assert.True(s.HasInodes);
        Assert.False(new FsStats(4096, 40960, 39480, 20224, 0, 0, 0, false).HasInodes);
    }

    private static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return output;
    }
}

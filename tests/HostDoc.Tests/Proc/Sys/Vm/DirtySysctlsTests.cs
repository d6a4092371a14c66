using HostDoc.Proc.Sys.Vm;
using HostDoc.Sources;
using Xunit;

namespace HostDoc.Tests.Proc.Sys.Vm;

public sealed class DirtySysctlsTests
{
    [Fact]
    public void Reads_the_six_files_of_a_captured_tree()
    {
        var sysctls = DirtySysctls.Read(Fixtures.Root("vm-6.18-idle"));
        Assert.True(sysctls.IsClean);
        Assert.Equal(new DirtySysctls(20, 10, 0, 0, 3000, 500), sysctls.Value);
    }

    [Fact]
    public void A_tree_without_the_files_fails_with_one_problem_per_file()
    {
        var sysctls = DirtySysctls.Read(Fixtures.Root("node-exporter-1.5.0"));
        Assert.Null(sysctls.Value);
        Assert.All(sysctls.Problems, p => Assert.Equal(ProblemKind.Missing, p.Kind));
        Assert.Contains(sysctls.Problems, p => p.Path == "/proc/sys/vm/dirty_ratio");
        Assert.DoesNotContain(sysctls.Problems, p => p.Path == "/proc/sys/vm/dirty_bytes");   // before 2.6.29 it does not exist
    }

    [Fact]
    public void A_malformed_value_is_a_problem_naming_the_file()
    {
        using var tree = new TempTree();
        tree.Write("/proc/sys/vm/dirty_ratio", "20\n");
        tree.Write("/proc/sys/vm/dirty_background_ratio", "ten\n");
        var sysctls = DirtySysctls.Read(tree.Root);
        Assert.Null(sysctls.Value);
        Assert.Contains(sysctls.Problems, p => p.ToString() == "/proc/sys/vm/dirty_background_ratio line 1: expected a non-negative integer, found \"ten\"");
    }
}

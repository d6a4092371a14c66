using System.Diagnostics;
using HostDoc.Sources;
using Xunit;

namespace HostDoc.Tests;

public sealed class HostRootTests
{
    [Fact]
    public void Resolves_kernel_paths_under_a_tree()
    {
        var root = HostRoot.At("/tmp/tree/");
        Assert.False(root.IsLive);
        Assert.Equal("/tmp/tree/proc/meminfo", root.DiskPath("/proc/meminfo"));
        Assert.Same(HostRoot.Live, HostRoot.At("/"));
        Assert.Equal("/proc/meminfo", HostRoot.Live.DiskPath("/proc/meminfo"));
    }

    [Fact]
    public void A_missing_file_is_a_typed_problem()
    {
        var text = Fixtures.Root("node-exporter-1.5.0").ReadText("/proc/sys/vm/dirty_ratio");
        Assert.Null(text.Value);
        var problem = Assert.Single(text.Problems);
        Assert.Equal(ProblemKind.Missing, problem.Kind);
        Assert.Equal("/proc/sys/vm/dirty_ratio", problem.Path);
    }

    [Fact]
    public void A_process_that_exited_is_vanished_not_an_error()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        var pid = process.Id;
        process.WaitForExit();
        process.Dispose();   // reaped: /proc/PID is gone

        var text = HostRoot.Live.ReadText($"/proc/{pid}/status");
        Assert.Equal(ProblemKind.Vanished, Assert.Single(text.Problems).Kind);
    }

    [Fact]
    public void Reads_procfs_files_whose_size_is_reported_as_zero()
    {
        Assert.Equal(0, new FileInfo("/proc/meminfo").Length);
        Assert.StartsWith("MemTotal:", HostRoot.Live.ReadText("/proc/meminfo").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_cap_is_too_large_not_truncated()
    {
        using var tree = new TempTree();
        tree.Write("/proc/big", new string('x', 5000));
        var text = tree.Root.ReadText("/proc/big", maxBytes: 4096);
        Assert.Equal(ProblemKind.TooLarge, Assert.Single(text.Problems).Kind);
        Assert.Equal(5000, tree.Root.ReadText("/proc/big", maxBytes: 5000).Value!.Length);
    }

    [Fact]
    public void Permission_denied_says_so()
    {
        var problem = HostRoot.Classify("/proc/1/stack", new UnauthorizedAccessException("Access to the path is denied."));
        Assert.Equal(ProblemKind.PermissionDenied, problem.Kind);
        Assert.Equal("/proc/1/stack: permission denied (run as root to read it)", problem.ToString());
    }

    [Fact]
    public void Page_size_comes_from_the_host_or_the_tree()
    {
        Assert.Equal(Environment.SystemPageSize, HostRoot.Live.PageSize());
        Assert.Equal(4096, Fixtures.Root("vm-6.18-idle").PageSize());
        Assert.Null(Fixtures.Root("node-exporter-1.5.0").PageSize());
    }
}

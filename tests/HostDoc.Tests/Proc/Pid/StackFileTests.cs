using HostDoc.Proc.Pid;
using Xunit;

namespace HostDoc.Tests.Proc.Pid;

public sealed class StackFileTests
{
    [Fact]
    public void Reads_the_2_6_32_layout_with_addresses_modules_and_the_end_marker()
    {
        var frames = StackFile.Parse(Fixtures.Text("stuck-seed-jbd2", "/proc/19439/task/19439/stack"));
        Assert.Equal(9, frames.Count);
        Assert.Equal(new StackFrame("__jbd2_log_wait_for_space", "0xc8/0x1b0", "jbd2"), frames[0]);
        Assert.Equal(new StackFrame("tracesys", "0xd9/0xde", null), frames[^1]);
    }

    [Fact]
    public void Reads_the_hidden_address_layout_of_newer_kernels()
    {
        var frames = StackFile.Parse("[<0>] fuse_get_req+0x1ce/0x2b0\n[<0>] __fuse_simple_request+0x3a/0x330\n[<0>] entry_SYSCALL_64_after_hwframe+0x76/0x7e\n");
        Assert.Equal(["fuse_get_req", "__fuse_simple_request", "entry_SYSCALL_64_after_hwframe"], frames.Select(f => f.Function));
    }

    [Fact]
    public void Garbage_lines_are_skipped()
    {
        Assert.Empty(StackFile.Parse("\n\nnot a frame\n[<0>]\n"));
        Assert.Equal("f", Assert.Single(StackFile.Parse("[<0>] f\n")).Function);
    }
}

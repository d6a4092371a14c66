using HostDoc.Proc.Pid;
using Xunit;

namespace HostDoc.Tests.Proc.Pid;

public sealed class PidStatTests
{
    private const string Tail = " D 1 2 3 0 -1 4194304 103 0 0 0 7 9 0 0 20 0 1 0 392883 3133440 362 18446744073709551615 1 2 3 0 0 0 0 0 0 0 0 0 17 1 0 0 55 0 0";

    [Theory]
    [InlineData("stat")]
    [InlineData("a) b (c")]
    [InlineData("with space")]
    [InlineData(")")]
    [InlineData("((sd-pam))")]
    [InlineData("line\nbreak")]
    [InlineData("")]
    public void The_command_name_is_whatever_lies_between_the_first_paren_and_the_last(string comm)
    {
        var stat = PidStat.Parse($"4242 ({comm}){Tail}").Value!;
        Assert.Equal(comm, stat.Comm);
        Assert.Equal(4242, stat.Pid);
        Assert.Equal('D', stat.State);
        Assert.Equal(1, stat.ParentPid);
        Assert.Equal(7UL, stat.UserTicks);
        Assert.Equal(392883UL, stat.StartTicks);
        Assert.Equal(55UL, stat.BlockIoDelayTicks);
        Assert.False(stat.IsKernelThread);
    }

    [Fact]
    public void A_real_line_from_this_machine_parses()
    {
        var stat = PidStat.Parse("26333 (stat) D 26330 26329 1026 0 -1 4194304 138 0 0 0 0 0 0 0 20 0 1 0 394913 3866624 459 18446744073709551615 94451515609088 94451515671449 140721486182416 0 0 0 0 6 0 1 0 0 17 1 0 0 0 0 0 94451515698192 94451515700064 94451673350144 140721486191067 140721486191092 140721486191092 140721486192618 0").Value!;
        Assert.Equal("stat", stat.Comm);
        Assert.Equal(394913UL, stat.StartTicks);
    }

    [Fact]
    public void Kernel_threads_are_marked_by_PF_KTHREAD()
    {
        var stat = PidStat.Parse(Fixtures.Text("stuck-seed-jbd2", "/proc/400/stat")).Value!;
        Assert.Equal("jbd2/dm-0-8", stat.Comm);
        Assert.True(stat.IsKernelThread);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4242 (no close D 1")]
    [InlineData("4242 (x) D 1 2 3")]   // torn: too few fields
    [InlineData("abc (x)" + Tail)]
    public void Malformed_lines_are_errors_not_crashes(string line)
    {
        var result = PidStat.Parse(line);
        Assert.Null(result.Value);
        Assert.Single(result.Errors);
    }
}

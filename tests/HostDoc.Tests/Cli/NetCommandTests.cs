using Xunit;

namespace HostDoc.Tests.Cli;

public sealed class NetCommandTests
{
    [Fact]
    public void Shows_what_the_driver_means_and_the_cpus_of_its_queues()
    {
        var run = CliRun.Of("--root", CliRun.Tree("vm-6.18-net"), "net");
        Assert.Equal(0, run.Code);
        Assert.Contains("eth0       up       virtio_net: virtio-net, paravirtual", run.Out, StringComparison.Ordinal);
        Assert.Contains("irqs 37 virtio2-config → CPU 0, 38 virtio2-input.0 → CPU 1, 39 virtio2-output.0 → CPU 0", run.Out, StringComparison.Ordinal);
        Assert.Contains("0.0.0.0:2024                 queue 0 / backlog 128", run.Out, StringComparison.Ordinal);
        Assert.Contains("Consoles  ttyS0 (enabled, preferred, write)", run.Out, StringComparison.Ordinal);
        Assert.Contains("somaxconn 4096", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_accept_queue_is_marked()
    {
        var run = CliRun.Of("--root", CliRun.Tree("netns-incidents"), "net");
        Assert.Contains("127.0.0.1:8080               queue 5 / backlog 4  FULL", run.Out, StringComparison.Ordinal);
        Assert.Contains("TcpExt ListenOverflows         165", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tree_without_network_files_says_so_in_one_line_each_and_exits_1()
    {
        var run = CliRun.Of("--root", CliRun.Tree("vm-6.18-idle"), "net", "--format", "json");
        Assert.Equal(1, run.Code);
        Assert.Equal("", run.Out);
        Assert.Contains("hostdoc net: /proc/net/netstat: no such file", run.Error, StringComparison.Ordinal);
        Assert.All(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.StartsWith("hostdoc net: ", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("net", "--interval", "0")]
    [InlineData("net", "--interval", "abc")]
    [InlineData("net", "--format", "xml")]
    [InlineData("net", "--bogus")]
    public void Usage_errors_exit_2_with_one_line(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(2, run.Code);
        Assert.Equal("hostdoc: net: options are --interval SECONDS (0.1 to 3600; counters per second over it) and --format text|json\n", run.Error);
    }
}

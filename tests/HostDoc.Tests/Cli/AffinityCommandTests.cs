using System.Diagnostics;
using HostDoc.Cpus;
using HostDoc.Sys.Devices.System.Cpu;
using Xunit;

namespace HostDoc.Tests.Cli;

/// <summary>affinity set on a child process the test starts (and kills), checked through /proc/PID/status and taskset -p.</summary>
public sealed class AffinityCommandTests
{
    [Fact]
    public void Set_pins_the_child_and_taskset_agrees()
    {
        using var child = Process.Start(new ProcessStartInfo("sleep", "60"))!;
        try
        {
            var pid = child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var run = CliRun.Of("affinity", "set", pid, "0");
            Assert.Equal(0, run.Code);
            Assert.StartsWith($"thread {pid} (sleep): CPUs {Online()} -> 0\n", run.Out, StringComparison.Ordinal);
            Assert.Contains("Cpus_allowed_list:\t0\n", File.ReadAllText($"/proc/{pid}/status"), StringComparison.Ordinal);
            Assert.EndsWith("current affinity mask: 1", Taskset(pid), StringComparison.Ordinal);

            var show = CliRun.Of("affinity", pid);
            Assert.Contains("CPUs 0 ", show.Out, StringComparison.Ordinal);
        }
        finally
        {
            child.Kill();
            child.WaitForExit();
        }
    }

    [Fact]
    public void Errors_are_plain_sentences()
    {
        using var child = Process.Start(new ProcessStartInfo("sleep", "60"))!;
        try
        {
            var pid = child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var offline = (Online().Max + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var run = CliRun.Of("affinity", "set", pid, offline);
            Assert.Equal(1, run.Code);
            Assert.Contains($"none of CPUs {offline} is both online", run.Error, StringComparison.Ordinal);
            Assert.Contains(Online().ToString(), File.ReadAllText($"/proc/{pid}/status"), StringComparison.Ordinal);   // unchanged
        }
        finally
        {
            child.Kill();
            child.WaitForExit();
        }

        Assert.Equal(1, CliRun.Of("affinity", "set", "999999", "0").Code);
        Assert.Equal(2, CliRun.Of("affinity", "set", "1", "3-1").Code);
        Assert.Equal(2, CliRun.Of("affinity", "set", "1").Code);
    }

    private static CpuList Online() => CpuStates.Read(HostRoot.Live).Online!.Value;

    private static string Taskset(string pid)
    {
        using var p = Process.Start(new ProcessStartInfo(DebianOracle.Require("taskset", "util-linux"), $"-p {pid}") { RedirectStandardOutput = true })!;
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return output;
    }
}

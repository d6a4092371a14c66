using System.Diagnostics;
using System.Text.Json;
using HostDoc.Tests.Cli;
using Xunit;

namespace HostDoc.Tests.Storage;

/// <summary>
/// A really slow block device, made by the test (tests/fixtures/scripts/slow-device.sh): a loop device
/// with direct I/O on an image file of a second loop device, which a blkio cgroup of the test's own
/// throttles to 32 KiB/s, and a <c>dd oflag=direct</c> writing to an ext4 on the first. The script
/// removes its cgroup, loop devices, mounts and files on exit. hostdoc must see the latency the way
/// iostat does, and place the stuck writer on that device and mount.
/// </summary>
public sealed class SlowDeviceTests
{
    [Fact]
    public void Iostat_shows_the_latency_and_stuck_names_the_device_and_the_mount()
    {
        DebianOracle.Require("mkfs.ext4", "e2fsprogs");
        DebianOracle.Require("losetup", "mount");
        var start = new ProcessStartInfo("bash", [Path.Combine(Fixtures.RepoRoot, "tests", "fixtures", "scripts", "slow-device.sh"), "20"])
        {
            RedirectStandardOutput = true,
        };
        using var script = Process.Start(start)!;
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            while (script.StandardOutput.ReadLine() is { } line)
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    facts[line[..eq]] = line[(eq + 1)..];
                }

                if (line.StartsWith("holding=", StringComparison.Ordinal))
                {
                    break;
                }
            }

            Assert.True(facts.ContainsKey("holding"), "slow-device.sh did not set up: " + string.Join(", ", facts));
            var (device, mount, writer) = (facts["device"], facts["mount"], facts["writer_pid"]);
            Assert.StartsWith("writer_state=D", $"writer_state={facts["writer_state"]}", StringComparison.Ordinal);

            var iostat = CliRun.Of("iostat", "--interval", "1.5", "--format", "json");
            Assert.Equal(0, iostat.Code);
            using (var json = JsonDocument.Parse(iostat.Out))
            {
                var row = json.RootElement.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("name").GetString() == device);
                Assert.True(row.GetProperty("w_await").GetDouble() > 200, $"{device}: w_await {row.GetProperty("w_await")} ms\n{iostat.Out}");
                Assert.True(row.GetProperty("inflight").GetInt32() > 0);
            }

            var stuck = CliRun.Of("stuck", "--samples", "3", "--interval", "0.3");
            Assert.Contains($"{writer} dd", stuck.Out, StringComparison.Ordinal);
            Assert.Contains($"waits on {mount} (ext4 on {device}) — found by open file {mount}/f", stuck.Out, StringComparison.Ordinal);

            var check = CliRun.Of("check", "io");
            Assert.Equal(2, check.Code);
            Assert.StartsWith($"IO CRITICAL - {device}: ", check.Out, StringComparison.Ordinal);
            Assert.Contains($"holds {mount}; 1 stuck task waits on it: dd[{writer}]", check.Out, StringComparison.Ordinal);

            // The report tells it as one story: the slow device, and the writer stuck behind it beneath.
            var report = CliRun.Of("report").Out.Split('\n');
            var root = Array.FindIndex(report, l => l.StartsWith($"  disk.slow  {device}: ", StringComparison.Ordinal));
            Assert.True(root > 0, string.Join('\n', report));
            Assert.StartsWith("  One cause, ", report[root - 1], StringComparison.Ordinal);
            Assert.Contains(report.Skip(root), l => l.StartsWith($"    ↳ tasks.stuck-io  dd[{writer}]: ", StringComparison.Ordinal)
                && l.EndsWith($"caused by disk.slow {device}]", StringComparison.Ordinal));
        }
        finally
        {
            using (var kill = Process.Start("kill", ["-TERM", script.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            Assert.True(script.WaitForExit(30_000), "slow-device.sh did not clean up within 30 s");
        }

        Assert.DoesNotContain("hostdoc-slow", File.ReadAllText("/proc/self/mountinfo"), StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using Xunit;

namespace HostDoc.Tests.Checks.CheckDisk;

/// <summary>
/// hostdoc check disk against Debian's /usr/lib/nagios/plugins/check_disk (monitoring-plugins-basic,
/// installed on first use) on this machine: same text, perfdata and exit code. Used space moves while
/// the two run, so each case runs check_disk, hostdoc, check_disk and passes when hostdoc matches
/// either neighbour, retrying a few times.
/// </summary>
public sealed class CheckDiskOracleTests
{
    private const string CheckDisk = "/usr/lib/nagios/plugins/check_disk";

    [Theory]
    [InlineData("-w 20% -c 10% -p /")]
    [InlineData("-w 20% -c 10% -A")]
    [InlineData("-w 20% -c 10% -W 20% -K 10% -p /")]
    [InlineData("-w 20% -c 10% -W 20% -K 10% -A")]
    [InlineData("-e -w 20% -c 10% -A")]
    [InlineData("-u GB -w 20% -c 10% -p /")]
    [InlineData("-u GB -w 20% -c 10% -A")]
    [InlineData("-w 99% -c 1% -A -v")]
    [InlineData("-w 99% -c 1% -e -A")]
    [InlineData("-w 20% -c 10% -P -p /")]
    [InlineData("-w 20% -c 10% -M -p /")]
    [InlineData("-w 20% -c 10% -f -p /")]
    [InlineData("-w 20% -c 10% -g grp -p / -p /dev/shm")]
    [InlineData("-w 20 -c 10 -p /")]
    [InlineData("-w 20% -c 10% -W 99% -K 98% -p /")]
    [InlineData("10 5 /")]
    [InlineData("-w 20% -c 10% -p /etc")]
    [InlineData("-w 20% -c 10% -E -p /etc")]
    [InlineData("-w 20% -c 10% -p /bob")]
    [InlineData("-w 5% -X ext4")]
    [InlineData("-w 20% -c 10% -r ^/dev")]
    [InlineData("-w 20% -c 10% -A -i ^/dev")]
    [InlineData("-w 20% -c 10% -r (")]
    [InlineData("-w 20% -c 10% -A -i .*")]
    [InlineData("-A")]
    [InlineData("-u XB -w 1 -p /")]
    public void Prints_what_check_disk_prints(string arguments)
    {
        DebianOracle.Require(CheckDisk, "monitoring-plugins-basic");
        var args = arguments.Split(' ');
        (string, int) ours = default;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var before = Run(CheckDisk, args);
            ours = Ours(args);
            var after = Run(CheckDisk, args);
            if (ours == before || ours == after)
            {
                return;
            }
        }

        Assert.Equal(Run(CheckDisk, args), ours);
    }

    private static (string, int) Ours(string[] args)
    {
        var run = HostDoc.Tests.Cli.CliRun.Of(["check", "disk", .. args]);
        return (run.Out, run.Code);
    }

    private static (string, int) Run(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (output, p.ExitCode);
    }
}

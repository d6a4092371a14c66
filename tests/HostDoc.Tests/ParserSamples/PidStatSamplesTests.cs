using HostDoc.Proc.Pid;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/proc/PID/stat samples through <see cref="PidStat.Parse"/>.</summary>
public sealed class PidStatSamplesTests
{
    private const string Kind = "pid-stat";

    /// <summary>Fields PidStat does not keep (hostdoc reads stat for state, ticks, threads and block-io delay).</summary>
    private static readonly string[] NotKept =
        ["pgrp", "session", "minflt", "majflt", "rss_pages", "processor", "vsize", "rss", "rsslim", "startcode", "endcode",
         "startstack", "rt_priority", "policy"];

    public static TheoryData<string> Files => Samples.Files(Kind);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_as_its_source_says(string file)
    {
        var text = Samples.Text(Kind, file);
        var result = PidStat.Parse(text);
        Assert.True(result.Success, $"{file}: {string.Join("; ", result.Errors)}");
        var stat = result.Value!;
        foreach (var e in Samples.Expected(Kind, file))
        {
            switch (e.Key)
            {
                case var key when NotKept.Contains(key):
                    break;
                case "fields":
                    // The kernel's field count: pid, comm, then the rest split on spaces.
                    Assert.True(e.Number == (ulong)(2 + text[(text.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length), e.ToString());
                    Assert.Equal(e.Number >= 42 ? stat.BlockIoDelayTicks : null, stat.BlockIoDelayTicks);
                    break;
                case "comm":
                    Assert.Equal(e.Value, stat.Comm);
                    break;
                case "state":
                    Assert.Equal(e.Value, stat.State.ToString());
                    break;
                default:
                    Assert.True(e.Number == e.Key switch
                    {
                        "pid" => (ulong)stat.Pid,
                        "ppid" => (ulong)stat.ParentPid,
                        "utime" => stat.UserTicks,
                        "stime" => stat.SystemTicks,
                        "num_threads" => (ulong)stat.Threads,
                        "starttime" => stat.StartTicks,
                        "delayacct_blkio_ticks" => stat.BlockIoDelayTicks,
                        _ => throw new InvalidOperationException($"no mapping for {e}"),
                    }, e.ToString());
                    break;
            }
        }
    }
}

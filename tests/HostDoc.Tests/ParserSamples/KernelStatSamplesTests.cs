using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/proc/stat samples through <see cref="KernelStat.Parse"/>.</summary>
public sealed class KernelStatSamplesTests
{
    private const string Kind = "stat";

    /// <summary>expected.tsv keys for lines and columns KernelStat does not keep.</summary>
    private static readonly string[] NotKept = ["processes", "softirq.total", "softirq.rcu", "intr.8", "cpu.columns"];

    public static TheoryData<string> Files => Samples.Files(Kind);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_as_its_source_says(string file)
    {
        var result = KernelStat.Parse(Samples.Text(Kind, file));
        Assert.True(result.Success, $"{file}: {string.Join("; ", result.Errors)}");
        var stat = result.Value;
        Assert.NotNull(stat.All);
        foreach (var e in Samples.Expected(Kind, file))
        {
            Assert.True(Matches(stat, e), $"{e}: not what KernelStat read");
        }
    }

    private static bool Matches(KernelStat stat, Expected e)
    {
        var dot = e.Key.IndexOf('.', StringComparison.Ordinal);
        var line = dot < 0 ? e.Key : e.Key[..dot];
        var field = dot < 0 ? "" : e.Key[(dot + 1)..];
        switch (e.Key)
        {
            case var key when NotKept.Contains(key):
                return true;
            case "btime":
                return stat.BootTime == e.Number;
            case "ctxt":
                return stat.ContextSwitches == e.Number;
            case "intr.total":
                return stat.Interrupts == e.Number;
            case "procs_running":
                return stat.Running == e.Number;
            case "procs_blocked":
                return stat.Blocked == e.Number;
            case "cpu_lines":
                // "7 (cpu0-cpu5, cpu7)": the count, and the per-CPU lines keep their own numbers.
                return (ulong)stat.Cpus.Count == e.Number
                    && (e.Value != "7 (cpu0-cpu5, cpu7)" || stat.Cpus.Select(c => c.Cpu).SequenceEqual([0, 1, 2, 3, 4, 5, 7]));
            case "cpu_percentage":
                // insights: 100 - idle share of the all-CPU line, two decimals.
                var all = stat.All!;
                return Math.Round(100.0 * (all.Total - all.Idle) / all.Total, 2).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%"
                    == e.Value.Split(' ')[0];
        }

        var times = line == "cpu" ? stat.All : stat.Cpus.SingleOrDefault(c => $"cpu{c.Cpu}" == line);
        if (field == "present")
        {
            return (times is not null) == (e.Value == "yes");
        }

        return times is not null && field switch
        {
            "user" => times.User,
            "idle" => times.Idle,
            "softirq" => times.SoftIrq,
            "steal" => times.Steal,
            _ => throw new InvalidOperationException($"no mapping for {e}"),
        } == e.Number;
    }
}

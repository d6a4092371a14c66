using System.Globalization;
using HostDoc.Sources;

namespace HostDoc.Proc;

/// <summary>
/// <c>/proc/stat</c> (fs/proc/stat.c): CPU time per CPU since boot, the interrupt and context-switch
/// totals, the number of tasks running and blocked (in D) now, when the host booted (<c>btime</c>,
/// seconds since the epoch) and how many tasks were forked since (<c>processes</c>).
/// </summary>
public sealed record KernelStat(
    IReadOnlyList<CpuTimes> Cpus, CpuTimes? All, ulong? Interrupts, ulong? ContextSwitches, ulong? Running, ulong? Blocked, ulong? BootTime = null, ulong? Forks = null)
{
    /// <summary>The kernel path.</summary>
    public const string KernelPath = "/proc/stat";

    /// <summary>Reads and parses the file.</summary>
    public static Sourced<KernelStat> Read(HostRoot root) => SourceReader.Read<KernelStat>(root, KernelPath, Parse);

    /// <summary>Parses the lines hostdoc uses; others (page, swap, disk_io of 2.4 kernels) are ignored.</summary>
    public static ParseResult<KernelStat> Parse(ReadOnlySpan<char> text)
    {
        var cpus = new List<CpuTimes>();
        CpuTimes? all = null;
        ulong? intr = null, ctxt = null, running = null, blocked = null, btime = null, forks = null;
        var errors = new List<ParseError>();
        var number = 0;
        foreach (var line in text.EnumerateLines())
        {
            number++;
            var space = line.IndexOf(' ');
            if (space <= 0)
            {
                continue;
            }

            var key = line[..space];
            var values = line[space..].Trim().ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            ulong First() => values.Length > 0 && KernelNumber.TryParseUnsigned(values[0], out var v) ? v : 0;
            if (key.StartsWith("cpu", StringComparison.Ordinal))
            {
                var ticks = values.Select(v => KernelNumber.TryParseUnsigned(v, out var t) ? t : (ulong?)null).ToArray();
                var cpu = key.Length == 3 ? -1 : int.TryParse(key[3..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -2;
                if (cpu == -2 || ticks.Length < 4 || ticks.Any(t => t is null))
                {
                    errors.Add(ParseError.At(number, "\"cpuN user nice system idle [iowait irq softirq steal …]\"", line));
                    continue;
                }

                ulong At(int i) => i < ticks.Length ? ticks[i]!.Value : 0;
                var times = new CpuTimes(cpu, At(0), At(1), At(2), At(3), At(4), At(5), At(6), At(7), At(8), At(9));
                if (cpu < 0)
                {
                    all = times;
                }
                else
                {
                    cpus.Add(times);
                }
            }
            else if (key.SequenceEqual("intr"))
            {
                intr = First();
            }
            else if (key.SequenceEqual("ctxt"))
            {
                ctxt = First();
            }
            else if (key.SequenceEqual("procs_running"))
            {
                running = First();
            }
            else if (key.SequenceEqual("procs_blocked"))
            {
                blocked = First();
            }
            else if (key.SequenceEqual("btime"))
            {
                btime = First();
            }
            else if (key.SequenceEqual("processes"))
            {
                forks = First();
            }
        }

        return new ParseResult<KernelStat>(new KernelStat(cpus, all, intr, ctxt, running, blocked, btime, forks), errors);
    }
}

using System.Globalization;
using HostDoc.Sources;

namespace HostDoc.Proc.Net;

/// <summary>
/// <c>/proc/net/softnet_stat</c> (net/core/net-procfs.c softnet_seq_show): a line per online CPU of
/// 8-digit hex columns. Every generation: 9 columns on 2.6 (processed, dropped, time_squeeze, five zeros,
/// cpu_collision), 10 from 2.6.35 (received_rps), 11 from 3.11 (flow_limit_count), 13 from 5.10
/// (backlog length, CPU number), 15 from 6.x (input and process queue lengths). Before 5.10 the CPU is
/// the line's position, which is wrong when CPUs are offline; the kernel's own column is used when present.
/// </summary>
public static class SoftnetStat
{
    /// <summary>The kernel path.</summary>
    public const string KernelPath = "/proc/net/softnet_stat";

    /// <summary>Reads and parses the file.</summary>
    public static Sourced<IReadOnlyList<SoftnetCpu>> Read(HostRoot root) => SourceReader.Read(root, KernelPath, Parse);

    /// <summary>Parses the text; a line with fewer than 3 columns or a column that is not hex is an error.</summary>
    public static ParseResult<IReadOnlyList<SoftnetCpu>> Parse(ReadOnlySpan<char> text)
    {
        var cpus = new List<SoftnetCpu>();
        var errors = new List<ParseError>();
        Span<uint> c = stackalloc uint[16];
        var number = 0;
        var position = 0;
        foreach (var raw in text.EnumerateLines())
        {
            number++;
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            var columns = 0;
            var ok = true;
            foreach (var range in line.SplitAny(' ', '\t'))
            {
                var field = line[range];
                if (field.IsEmpty)
                {
                    continue;
                }

                var value = 0u;
                ok &= field.Length <= 8 && uint.TryParse(field, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
                if (ok && columns < c.Length)
                {
                    c[columns] = value;
                }

                columns++;
            }

            if (!ok || columns < 3)
            {
                errors.Add(ParseError.At(number, "at least 3 hex columns (processed dropped time_squeeze …)", line));
                continue;
            }

            cpus.Add(new SoftnetCpu(columns >= 13 ? (int)Math.Min(c[12], int.MaxValue) : position, c[0], c[1], c[2],
                Column(c, columns, 8), Column(c, columns, 9), Column(c, columns, 10), Column(c, columns, 11), columns));
            position++;
        }

        return new ParseResult<IReadOnlyList<SoftnetCpu>>(cpus, errors);
    }

    private static uint? Column(ReadOnlySpan<uint> values, int columns, int i) => columns > i ? values[i] : null;
}

/// <summary>One CPU's line of <c>/proc/net/softnet_stat</c>; the counters are the kernel's 32-bit ones.</summary>
/// <param name="Cpu">The CPU (the kernel's column on 5.10+, else the line's position).</param>
/// <param name="Processed">Packets taken off the CPU's backlog and handed up the stack.</param>
/// <param name="Dropped">Packets dropped because the backlog held netdev_max_backlog already.</param>
/// <param name="TimeSqueeze">Times net_rx_action stopped with work left (netdev_budget or netdev_budget_usecs spent).</param>
/// <param name="CpuCollision">Transmit lock collisions (zero since 4.x; null before it was printed).</param>
/// <param name="ReceivedRps">IPIs received to process RPS work.</param>
/// <param name="FlowLimitCount">Packets dropped by the flow limit.</param>
/// <param name="BacklogLength">Packets in the backlog when read (5.10+).</param>
/// <param name="Columns">How many columns the line had (tells the kernel generation).</param>
public sealed record SoftnetCpu(int Cpu, uint Processed, uint Dropped, uint TimeSqueeze, uint? CpuCollision, uint? ReceivedRps, uint? FlowLimitCount, uint? BacklogLength, int Columns);

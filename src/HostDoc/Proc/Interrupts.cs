using System.Globalization;
using HostDoc.Sources;

namespace HostDoc.Proc;

/// <summary>
/// <c>/proc/interrupts</c> (kernel/irq/proc.c show_interrupts, arch_show_interrupts): a header of
/// CPU columns — only online CPUs, so it can be sparse (<c>CPU0 CPU2</c>) — then one row per irq in
/// every layout the kernel has printed: <c>IO-APIC-edge timer</c> (2.6), <c>IO-APIC   5-edge ACPI:Ged</c>
/// (3.x+), <c>XT-PIC-XT</c>, <c>PCI-MSIX-0000:00:01.0   0-edge</c>, aarch64's <c>GICv3  27 Level</c>.
/// </summary>
public sealed record Interrupts(IReadOnlyList<int> Cpus, IReadOnlyList<InterruptRow> Rows)
{
    /// <summary>The kernel path.</summary>
    public const string KernelPath = "/proc/interrupts";

    /// <summary>Reads and parses the file.</summary>
    public static Sourced<Interrupts> Read(HostRoot root) => SourceReader.Read<Interrupts>(root, KernelPath, Parse);

    /// <summary>Total interrupts per CPU column over the numbered (device) rows.</summary>
    public IReadOnlyList<ulong> DeviceTotalsPerCpu =>
        Enumerable.Range(0, Cpus.Count).Select(i => Rows.Where(r => r.IsNumbered).Aggregate(0UL, (sum, r) => Saturating.Add(sum, i < r.Counts.Count ? r.Counts[i] : 0))).ToArray();

    /// <summary>Parses the text; malformed rows are reported and skipped.</summary>
    public static ParseResult<Interrupts> Parse(ReadOnlySpan<char> text)
    {
        var cpus = new List<int>();
        var rows = new List<InterruptRow>();
        var errors = new List<ParseError>();
        var number = 0;
        foreach (var line in text.EnumerateLines())
        {
            number++;
            if (line.IsWhiteSpace())
            {
                continue;
            }

            if (number == 1 || (cpus.Count == 0 && line.TrimStart().StartsWith("CPU", StringComparison.Ordinal)))
            {
                if (!TryHeader(line, cpus))
                {
                    errors.Add(ParseError.At(number, "a header of CPU columns (\"CPU0 CPU1 …\")", line));
                }

                continue;
            }

            if (InterruptRowParser.TryParse(line, cpus.Count) is { } row)
            {
                rows.Add(row);
            }
            else
            {
                errors.Add(ParseError.At(number, "\"NAME: count… [chip [hwirq-]trigger] actions\"", line));
            }
        }

        return new ParseResult<Interrupts>(new Interrupts(cpus, rows), errors);
    }

    private static bool TryHeader(ReadOnlySpan<char> line, List<int> cpus)
    {
        foreach (var range in line.Trim().Split(' '))
        {
            var token = line.Trim()[range];
            if (token.IsEmpty)
            {
                continue;
            }

            if (!token.StartsWith("CPU", StringComparison.Ordinal)
                || !int.TryParse(token[3..], NumberStyles.None, CultureInfo.InvariantCulture, out var cpu))
            {
                return false;
            }

            cpus.Add(cpu);
        }

        return cpus.Count > 0;
    }
}

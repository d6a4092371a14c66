using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/proc/interrupts samples through <see cref="Interrupts.Parse"/> (rows split by InterruptRowParser).</summary>
public sealed class InterruptsSamplesTests
{
    private const string Kind = "interrupts";

    public static TheoryData<string> Files => Samples.Files(Kind);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_as_its_source_says(string file)
    {
        var result = Interrupts.Parse(Samples.Text(Kind, file));
        Assert.True(result.Success, $"{file}: {string.Join("; ", result.Errors)}");
        foreach (var expected in Samples.Expected(Kind, file))
        {
            Check(result.Value, expected);
        }
    }

    [Fact]
    public void The_telegraf_sample_with_go_indentation_tabs_is_read()
    {
        // 014 is not kernel output: every row carries leading tabs from Go source. Decision: read it,
        // since a tab before the label changes nothing about the row.
        var irq = Interrupts.Parse(Samples.Text(Kind, "014.txt"));
        Assert.True(irq.Success, string.Join("; ", irq.Errors));
        Assert.Equal(["16", "17", "21"], irq.Value.Rows.Take(3).Select(r => r.Name));
    }

    internal static void Check(Interrupts irq, Expected e)
    {
        var dot = e.Key.LastIndexOf('.');
        var name = dot < 0 ? e.Key : e.Key[..dot];
        var field = dot < 0 ? "" : e.Key[(dot + 1)..];
        switch (e.Key)
        {
            case "cpu_count":
                Assert.True(e.Number == (ulong)irq.Cpus.Count, e.ToString());
                return;
            case "rows":
                Assert.True(e.Number == (ulong)irq.Rows.Count, $"{e}: {irq.Rows.Count}");
                return;
            case "lines":
                // The file's lines: the header and one line per row.
                Assert.True(e.Number == (ulong)irq.Rows.Count + 1, $"{e}: {irq.Rows.Count} rows");
                return;
            case "columns":
                Assert.Equal(e.Value, string.Join(' ', irq.Cpus.Select(c => $"CPU{c}")));
                return;
            case "rows_with_device_i8042":
                Assert.Equal(["1", "12"], irq.Rows.Where(r => r.Actions.Contains("i8042")).Select(r => r.Name));
                return;
            case "rows_with_chip_IR-PCI-MSI":
                Assert.True(e.Number == (ulong)irq.Rows.Count(r => r.Chip == "IR-PCI-MSI"), e.ToString());
                return;
        }

        if (field == "rows")
        {
            // 015: LOC twice; both rows are kept, in file order.
            var rows = irq.Rows.Where(r => r.Name == name).ToArray();
            Assert.True(e.Number == (ulong)rows.Length, e.ToString());
            Assert.Equal([10508UL, 0UL], rows.Select(r => r.Total));
            Assert.EndsWith("for timer event device", rows[0].Description, StringComparison.Ordinal);
            Assert.EndsWith("for others", rows[1].Description, StringComparison.Ordinal);
            return;
        }

        var row = irq.Rows.FirstOrDefault(r => r.Name == name);
        if (field == "in_output")
        {
            // telegraf drops FIQ; hostdoc keeps it as a named row with no counts (arch/arm/kernel/fiq.c prints none).
            Assert.NotNull(row);
            Assert.Empty(row.Counts);
            Assert.Equal("usb_fiq", row.Description);
            return;
        }

        Assert.True(row is not null, $"{e}: no row {name}");
        switch (field)
        {
            case "present":
                return;
            case "counts":
                Assert.Equal(e.Numbers, row.Counts.Count == 0 ? [row.Total] : row.Counts);
                return;
            case "description" or "info" when !row.IsNumbered:
                Assert.Equal(e.Value == "(none)" ? "" : e.Value, row.Description);
                return;
            case "chip" or "info":
                // The chip as printed (2.6's "xen-pirq-ioapic-edge" keeps its trigger); hostdoc splits it.
                Assert.Equal(e.Value, Words(row.Description)[0]);
                Assert.StartsWith(row.Chip!, e.Value, StringComparison.Ordinal);
                return;
            case "device" when e.Source.StartsWith("telegraf", StringComparison.Ordinal):
            case "devices":
                // telegraf and procfs call everything after the chip the device.
                Assert.Equal(e.Value, string.Join(' ', Words(row.Description).Skip(1)));
                return;
            case "device":
                Assert.Equal(e.Value, string.Join(", ", row.Actions));
                return;
        }

        if (field.StartsWith("cpu", StringComparison.OrdinalIgnoreCase))
        {
            // By CPU number, not column: 013's header skips CPU6.
            var column = irq.Cpus.ToList().IndexOf(int.Parse(field[3..], System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(column >= 0, $"{e}: no such CPU column");
            Assert.True(e.Number == row.Counts[column], $"{e}: {row.Counts[column]}");
            return;
        }

        Assert.Fail($"no mapping for {e}");
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

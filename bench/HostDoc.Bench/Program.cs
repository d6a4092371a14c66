using System.Diagnostics;
using System.Globalization;
using System.Text;
using HostDoc.Proc;

// In-process parser timings, for parsers whose cost is far below a process start, and input generators.
// Usage: dotnet run -c Release --project bench/HostDoc.Bench -- interrupts [CPUS] [IRQS]
//        dotnet run -c Release --project bench/HostDoc.Bench -- syslog OUT [MIB] [HOSTS]   (a syslog with 0.1 % kernel error lines; HOSTS > 1: a central log)
//        dotnet run -c Release --project bench/HostDoc.Bench -- anchors             (the prefilter's phrases as a grep -E alternation)
if (args.Length > 0 && args[0] is "syslog" or "anchors")
{
    return SyslogGenerator.Run(args);
}

var cpus = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 256;
var irqs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
var text = Generate(cpus, irqs);
var parsed = Interrupts.Parse(text);
if (!parsed.Success || parsed.Value.Rows.Count != irqs + 3 || parsed.Value.Cpus.Count != cpus)
{
    Console.Error.WriteLine($"generated text did not parse as expected: {parsed.Errors.Count} errors, {parsed.Value.Rows.Count} rows");
    return 1;
}

for (var i = 0; i < 20; i++)
{
    _ = Interrupts.Parse(text);   // warm up the JIT
}

const int rounds = 200;
var clock = Stopwatch.StartNew();
for (var i = 0; i < rounds; i++)
{
    _ = Interrupts.Parse(text);
}

var perSample = clock.Elapsed.TotalMilliseconds / rounds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"/proc/interrupts with {cpus} CPUs and {irqs} irqs ({text.Length / 1024} KiB): {perSample:0.000} ms per parse (mean of {rounds}, after warm-up)"));
return 0;

static string Generate(int cpus, int irqs)
{
    var random = new Random(42);
    var b = new StringBuilder();
    b.Append("           ");
    for (var c = 0; c < cpus; c++)
    {
        b.Append(CultureInfo.InvariantCulture, $"CPU{c,-8}");
    }

    b.Append('\n');
    void Row(string name, string tail)
    {
        b.Append(CultureInfo.InvariantCulture, $"{name,4}:");
        for (var c = 0; c < cpus; c++)
        {
            b.Append(CultureInfo.InvariantCulture, $" {random.Next(0, 5_000_000),10}");
        }

        b.Append(tail).Append('\n');
    }

    for (var i = 0; i < irqs; i++)
    {
        Row(i.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"  IR-PCI-MSIX-0000:{i / 64:x2}:00.0 {i % 64,4}-edge      mlx5_comp{i % 64}@pci:0000:{i / 64:x2}:00.0"));
    }

    Row("NMI", "   Non-maskable interrupts");
    Row("LOC", "   Local timer interrupts");
    b.Append("ERR:          0\n");
    return b.ToString();
}

using System.Globalization;
using HostDoc.Findings;
using HostDoc.Proc;
using HostDoc.Proc.Irq;
using HostDoc.Sources;

namespace HostDoc.Checks;

/// <summary>The wording of the interrupt findings.</summary>
internal static class IrqFindings
{
    public static Finding Spread(HostModel host, Interrupts irq, IReadOnlyList<ulong> totals, Severity severity)
    {
        var all = totals.Aggregate(0UL, Saturating.Add);
        var busiest = totals.Count == 0 ? -1 : totals.ToList().IndexOf(totals.Max());
        var share = all == 0 || busiest < 0 ? 0 : 100.0 * totals[busiest] / all;
        var busiestCpu = busiest >= 0 && busiest < irq.Cpus.Count ? $"CPU{irq.Cpus[busiest]}" : "no CPU";
        var evidence = irq.Cpus.Take(totals.Count).Select((cpu, i) => new Evidence($"CPU{cpu}", $"{Quantity.Count(totals[i])} device interrupts since boot", "/proc/interrupts")).ToList();
        foreach (var row in irq.Rows.Where(r => r.IsNumbered).OrderByDescending(r => r.Total).Take(5))
        {
            var affinity = IrqAffinity.Read(host.Root, row.Name);
            var pinned = affinity.Allowed is { } allowed ? $"; allowed CPUs {allowed}" : "";
            var effective = affinity.Effective is { } e ? $", delivered to {e}" : "";
            evidence.Add(new Evidence($"irq {row.Name} {string.Join(",", row.Actions)}", $"{Quantity.Count(row.Total)} ({row.Chip}{(row.Trigger is null ? "" : " " + row.Trigger)}){pinned}{effective}", $"/proc/irq/{row.Name}"));
        }

        var irqbalance = IrqbalanceRunning(host.Root);
        evidence.Add(new Evidence("irqbalance", irqbalance ? "running" : "not running", "/proc/*/stat"));
        var percent = share.ToString("0", CultureInfo.InvariantCulture);
        return new Finding(
            "irq.single-cpu",
            severity,
            "interrupts",
            severity == Severity.Ok
                ? $"device interrupts spread over {irq.Cpus.Count} CPU{(irq.Cpus.Count == 1 ? "" : "s")} (busiest {busiestCpu}: {percent}%)"
                : $"{percent}% of device interrupts are served by {busiestCpu} although {irq.Cpus.Count} CPUs are online",
            "Each interrupt runs its handler (and often the softirq work after it) on the CPU it is delivered to. When the " +
            "IO-APIC or MSI affinity sends every device to one CPU, that CPU saturates with network and disk work while the " +
            "others idle. The spread comes from irqbalance or from /proc/irq/N/smp_affinity; without either, many " +
            "platforms deliver everything to CPU0.",
            evidence,
            severity == Severity.Ok ? "" :
                irqbalance
                    ? "irqbalance runs but did not spread them: check /proc/irq/N/smp_affinity_list for pinned masks and irqbalance's banned CPUs."
                    : "Start irqbalance, or spread the busy irqs by hand: echo CPU-LIST > /proc/irq/N/smp_affinity_list (multi-queue NICs: one queue per CPU).");
    }

    public static Finding LegacyPic(HostModel host, Interrupts irq)
    {
        var cmdline = host.Root.ReadText("/proc/cmdline", 64 * 1024).Value?.Trim() ?? "";
        var flags = cmdline.Split(' ').Where(f => f is "noapic" or "nosmp" or "nolapic" || f.StartsWith("maxcpus=", StringComparison.Ordinal)).ToArray();
        return new Finding(
            "irq.legacy-pic",
            Severity.Warning,
            "interrupts",
            $"interrupts go through the legacy XT-PIC: the IO-APIC is off, so the kernel runs on one CPU{(flags.Length > 0 ? $" ({string.Join(' ', flags)} on the command line)" : "")}",
            "The 8259 PIC (XT-PIC in /proc/interrupts) can only deliver interrupts to the boot CPU. The kernel uses it when " +
            "there is no IO-APIC — noapic on the command line, or a hypervisor or BIOS that does not provide one — and then " +
            "disables SMP (\"SMP disabled\" in the boot log): however many CPUs the machine has, one is used.",
            [
                new("chips", string.Join(", ", irq.Rows.Where(r => r.Chip is not null).Select(r => r.Chip!).Distinct()), "/proc/interrupts"),
                new("CPU columns", string.Join(" ", irq.Cpus.Select(c => "CPU" + c.ToString(CultureInfo.InvariantCulture))), "/proc/interrupts"),
                new("kernel command line", cmdline.Length == 0 ? "(not readable)" : cmdline, "/proc/cmdline"),
            ],
            "Remove noapic/nosmp from the kernel command line, or enable the IO-APIC in the hypervisor (VirtualBox: " +
            "VBoxManage modifyvm VM --ioapic on) or BIOS.");
    }

    public static Finding Errors(InterruptRow[] rows) => new(
        "irq.errors",
        Severity.Info,
        "interrupts",
        "interrupt errors counted: " + string.Join(", ", rows.Select(r => $"{r.Name} {Quantity.Count(r.Total)}")),
        "ERR counts spurious or erroneous interrupts the APIC reported; MIS counts IO-APIC interrupts that arrived with a " +
        "mismatched trigger (an edge interrupt seen as level). A growing count points at a device or a broken interrupt routing.",
        rows.Select(r => new Evidence(r.Name, Quantity.Count(r.Total), "/proc/interrupts")).ToArray(),
        "Watch whether it grows (hostdoc irq --interval 5); the kernel log names the spurious vectors.");

    private static bool IrqbalanceRunning(HostRoot root) =>
        root.ListDirectory("/proc").Any(name => name.Length > 0 && char.IsAsciiDigit(name[0])
            && root.ReadText($"/proc/{name}/stat", 4096).Value is { } stat && stat.Contains("(irqbalance)", StringComparison.Ordinal));
}

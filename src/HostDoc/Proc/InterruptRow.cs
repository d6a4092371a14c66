namespace HostDoc.Proc;

/// <summary>
/// One row of /proc/interrupts. Numbered rows have a chip, optionally a hardware irq number, a
/// trigger/handler and the actions (drivers) that registered it; named rows (NMI, LOC, RES, …) have
/// a description; ERR and MIS have one total and no per-CPU counts.
/// </summary>
/// <param name="Name">"0", "24", "NMI", "ERR", …</param>
/// <param name="Counts">Interrupts per CPU, aligned with <see cref="Interrupts.Cpus"/>; empty for ERR/MIS.</param>
/// <param name="Total">The single value of ERR/MIS, or the sum of <paramref name="Counts"/>.</param>
/// <param name="Chip">The irq chip (IO-APIC, XT-PIC, PCI-MSI, PCI-MSIX-0000:00:01.0, GICv3), numbered rows only.</param>
/// <param name="HardwareIrq">The chip's own number ("5" in "IO-APIC   5-edge"), when printed.</param>
/// <param name="Trigger">edge, level, fasteoi, XT, Level, Edge… when printed.</param>
/// <param name="Actions">Device names (acpi, vboxguest); the description for named rows.</param>
/// <param name="Description">Everything after the counts, as printed (whitespace runs kept), for tools that split it their own way.</param>
public sealed record InterruptRow(
    string Name, IReadOnlyList<ulong> Counts, ulong Total, string? Chip, string? HardwareIrq, string? Trigger, IReadOnlyList<string> Actions,
    string Description = "")
{
    /// <summary>True for numbered (device) interrupts.</summary>
    public bool IsNumbered => Name.Length > 0 && char.IsAsciiDigit(Name[0]);
}

using HostDoc.Cpus;

namespace HostDoc.Proc.Irq;

/// <summary>
/// <c>/proc/irq/N/smp_affinity_list</c> (CPUs the irq may be delivered to) and
/// <c>effective_affinity_list</c> (4.15+: where the chip actually delivers it).
/// </summary>
/// <param name="Irq">The irq number.</param>
/// <param name="Allowed">smp_affinity_list, when readable.</param>
/// <param name="Effective">effective_affinity_list, when the kernel has it.</param>
public sealed record IrqAffinity(string Irq, CpuList? Allowed, CpuList? Effective)
{
    /// <summary>Reads both files for irq <paramref name="irq"/>.</summary>
    public static IrqAffinity Read(HostRoot root, string irq) =>
        new(irq, CpuList.Read(root, $"/proc/irq/{irq}/smp_affinity_list"), CpuList.Read(root, $"/proc/irq/{irq}/effective_affinity_list"));
}

using HostDoc.Sources;

namespace HostDoc.Proc;

/// <summary>
/// <c>/proc/softirqs</c>: softirq counts per CPU (HI, TIMER, NET_TX, NET_RX, BLOCK, IRQ_POLL,
/// TASKLET, SCHED, HRTIMER, RCU). Same layout as /proc/interrupts' named rows, so it parses into an
/// <see cref="Interrupts"/> table.
/// </summary>
public static class Softirqs
{
    /// <summary>The kernel path.</summary>
    public const string KernelPath = "/proc/softirqs";

    /// <summary>Reads and parses the file.</summary>
    public static Sourced<Interrupts> Read(HostRoot root) => SourceReader.Read<Interrupts>(root, KernelPath, Interrupts.Parse);
}

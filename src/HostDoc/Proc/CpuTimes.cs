namespace HostDoc.Proc;

/// <summary>One <c>cpu</c>/<c>cpuN</c> line of /proc/stat, in USER_HZ ticks; fields a kernel lacks are 0.</summary>
/// <param name="Cpu">The CPU number, or -1 for the all-CPU line.</param>
/// <param name="User">user.</param>
/// <param name="Nice">nice.</param>
/// <param name="System">system.</param>
/// <param name="Idle">idle.</param>
/// <param name="IoWait">iowait (2.5.41+).</param>
/// <param name="Irq">irq (2.6.0+).</param>
/// <param name="SoftIrq">softirq (2.6.0+).</param>
/// <param name="Steal">steal (2.6.11+): time a hypervisor ran something else.</param>
/// <param name="Guest">guest (2.6.24+): time running a virtual CPU, already counted in user.</param>
/// <param name="GuestNice">guest_nice (2.6.33+): the same for niced guests, already counted in nice.</param>
public sealed record CpuTimes(int Cpu, ulong User, ulong Nice, ulong System, ulong Idle, ulong IoWait, ulong Irq, ulong SoftIrq, ulong Steal, ulong Guest = 0, ulong GuestNice = 0)
{
    /// <summary>All ticks.</summary>
    public ulong Total => User + Nice + System + Idle + IoWait + Irq + SoftIrq + Steal;

    /// <summary>Share of time spent in hard and soft interrupt handling, in percent.</summary>
    public double InterruptPercent => Total == 0 ? 0 : 100.0 * (Irq + SoftIrq) / Total;
}

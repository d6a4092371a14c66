using System.Runtime.InteropServices;

namespace HostDoc.Cpus;

/// <summary>
/// sched_setaffinity(2) for every thread of a process, with a mask built from zero (the seed's
/// example set a bit in an uninitialised cpu_set_t). The only code in hostdoc that changes the
/// system; it runs only from <c>hostdoc affinity set</c>, never from report, check or serve.
/// </summary>
public static partial class AffinitySetter
{
    private const int Esrch = 3;
    private const int Eperm = 1;
    private const int Einval = 22;

    /// <summary>
    /// Sets <paramref name="cpus"/> on thread <paramref name="tid"/>; null on success, else a plain
    /// sentence for the error.
    /// </summary>
    public static string? Set(int tid, CpuList cpus, CpuList online)
    {
        var words = new ulong[Math.Max(1, (Math.Max(cpus.Max, online.Max) / 64) + 1)];
        foreach (var cpu in cpus.Cpus)
        {
            words[cpu / 64] |= 1UL << (cpu % 64);
        }

        if (sched_setaffinity(tid, (nuint)(words.Length * sizeof(ulong)), words) == 0)
        {
            return null;
        }

        return Marshal.GetLastPInvokeError() switch
        {
            Esrch => $"thread {tid} no longer exists",
            Eperm => $"not permitted to change thread {tid}: it belongs to another user (needs root or CAP_SYS_NICE)",
            Einval => $"none of CPUs {cpus} is both online ({online}) and allowed by the task's cpuset, so the kernel refused the mask (EINVAL)",
            var errno => $"sched_setaffinity failed: {Marshal.GetPInvokeErrorMessage(errno)}",
        };
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nuint size, ulong[] mask);
}

using HostDoc.Proc;
using HostDoc.Sources;

namespace HostDoc.Storage;

/// <summary>
/// <c>/proc/diskstats</c> and <c>/proc/uptime</c> read together: the counters and the moment they
/// were read, on the clock iostat uses (uptime in hundredths of a second, sysstat's get_interval).
/// </summary>
/// <param name="UptimeCentiseconds">Seconds since boot × 100.</param>
/// <param name="Devices">Every device and partition line.</param>
public sealed record DiskSample(ulong UptimeCentiseconds, IReadOnlyList<DiskCounters> Devices)
{
    /// <summary>Reads both files; no value (with the problems) when either cannot be read.</summary>
    public static Sourced<DiskSample> Read(HostRoot root)
    {
        var diskstats = Diskstats.Read(root);
        if (diskstats.Value is not { } devices)
        {
            return Sourced<DiskSample>.Failed(diskstats.Problems);
        }

        // iostat's clock: without it there is no interval, and counters without an interval are no rates.
        if (Uptime.Read(root) is not { } seconds || seconds is <= 0 or >= 1e15)
        {
            return Sourced<DiskSample>.Failed([.. diskstats.Problems, new SourceProblem(Uptime.KernelPath,
                root.Exists(Uptime.KernelPath) ? ProblemKind.Malformed : ProblemKind.Missing, "no uptime, so no interval: diskstats' counters cannot be turned into rates")]);
        }

        return Sourced<DiskSample>.Partial(new DiskSample((ulong)Math.Round(seconds * 100), devices), diskstats.Problems);
    }
}

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
    /// <summary>Reads both files; null (with the problems) when diskstats cannot be read.</summary>
    public static Sourced<DiskSample> Read(HostRoot root)
    {
        var diskstats = Diskstats.Read(root);
        if (diskstats.Value is not { } devices)
        {
            return Sourced<DiskSample>.Failed(diskstats.Problems);
        }

        var uptime = Uptime.Read(root) is { } seconds and >= 0 and < 1e15 ? (ulong)Math.Round(seconds * 100) : 0;
        var problems = uptime == 0
            ? [.. diskstats.Problems, new SourceProblem(Uptime.KernelPath, ProblemKind.Malformed, "no uptime: rates since boot cannot be computed")]
            : diskstats.Problems;
        return Sourced<DiskSample>.Partial(new DiskSample(uptime, devices), problems);
    }
}

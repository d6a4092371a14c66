using HostDoc.Proc;
using HostDoc.Sources;

namespace HostDoc.Tasks;

/// <summary>The result of sampling the tasks: who stayed in D, the load it causes, and the pressure beside it.</summary>
/// <param name="Samples">How many samples were taken.</param>
/// <param name="SpanSeconds">Seconds from the first sample to the last.</param>
/// <param name="Stuck">Tasks in D in every sample.</param>
/// <param name="InDNow">Tasks in D in the last sample (stuck or passing).</param>
/// <param name="Load">/proc/loadavg.</param>
/// <param name="Io">/proc/pressure/io, when the kernel has PSI.</param>
/// <param name="Memory">/proc/pressure/memory, when the kernel has PSI.</param>
/// <param name="HungTaskTimeoutSeconds">kernel.hung_task_timeout_secs (0 disables the detector), when present.</param>
/// <param name="StacksUnreadable">True when some stuck task's kernel stack could not be read.</param>
/// <param name="Problems">Sources that could not be read.</param>
/// <param name="HungReports">The kernel log's "INFO: task … blocked for more than …" reports of this boot.</param>
public sealed record StuckSurvey(
    int Samples, double SpanSeconds, IReadOnlyList<StuckTask> Stuck, int InDNow, Loadavg? Load, Pressure? Io, Pressure? Memory,
    ulong? HungTaskTimeoutSeconds, bool StacksUnreadable, IReadOnlyList<SourceProblem> Problems,
    IReadOnlyList<KernelLog.HungTaskReport> HungReports)
{
    /// <summary>Hung-task reports for tasks that are not stuck now (they recovered, or are gone).</summary>
    public IReadOnlyList<KernelLog.HungTaskReport> EarlierReports =>
        HungReports.Where(r => !Stuck.Any(t => t.Id.Tid == r.Pid && t.Comm == r.Comm))
            .GroupBy(r => (r.Pid, r.Comm)).Select(g => g.Last()).ToArray();

    /// <summary>The stuck tasks grouped by identical stack (or wait channel) and the mount they wait on, largest group first.</summary>
    public IReadOnlyList<IGrouping<string, StuckTask>> Groups =>
        Stuck.GroupBy(t => t.Signature + "\0" + t.Target?.MountPoint).OrderByDescending(g => g.Count()).ThenBy(g => g.First().Id.Pid).ToArray();
}

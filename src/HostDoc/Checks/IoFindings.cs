using System.Globalization;
using HostDoc.Findings;
using HostDoc.Storage;
using HostDoc.Tasks;

namespace HostDoc.Checks;

/// <summary>The wording of the io check's findings.</summary>
internal static class IoFindings
{
    /// <summary>What a device's findings are made of.</summary>
    public sealed record Context(
        DiskActivity Activity, DeviceClass Class, Sys.Block.BlockDevice? Device, IReadOnlyList<string> Mounts, IReadOnlyList<StuckTask> Waiting,
        DiskActivityReport Report);

    private const string AwaitWhy =
        "await is the time from a request entering the block layer to its completion, averaged over the requests that " +
        "completed in the interval (diskstats' milliseconds divided by requests, as iostat -x computes it). It includes the " +
        "time queued behind other requests, so it grows when the device is slow, retrying, or given more than it can do.";

    public static Finding? Slow(Context c, Thresholds thresholds)
    {
        var a = c.Activity;
        var completed = a.ReadsPerSecond + a.WritesPerSecond + a.DiscardsPerSecond;
        var stalled = !c.Report.SinceBoot && completed == 0 && a.InFlight > 0 && a.UtilizationPercent >= 50;
        var severity = stalled ? Severity.Critical : completed > 0 ? thresholds.Evaluate(a.Await) : Severity.Ok;
        if (severity == Severity.Ok)
        {
            return null;
        }

        var summary = stalled
            ? $"{Name(c)}: no request completed in {Interval(c.Report)} while {a.InFlight} were in flight ({Percent(a.UtilizationPercent)} busy): the device is not answering"
            : $"{Name(c)}: {Ms(a.Await)} per request {Span(c.Report)} ({Detail(a)}), above the {c.Class.Word()} limit of {Ms((thresholds.Critical is { } crit && crit.Alerts(a.Await) ? crit.Boundary : thresholds.Warning?.Boundary) ?? 0)}";
        return new Finding(
            "disk.slow",
            severity,
            c.Activity.Name,
            summary + Consequences(c),
            AwaitWhy + " " + ClassWhy(c.Class),
            Evidence(c),
            "Read the kernel log for errors and resets on this device (hostdoc logs), its SMART data (smartctl -a), and what " +
            "else is using it (iotop -o); a virtual disk's latency is the hypervisor's storage: look there.",
            Data(c, "disk-latency"));
    }

    public static Finding? Saturated(Context c, Thresholds thresholds)
    {
        var a = c.Activity;
        if (a.QueueSize < 1 || thresholds.Evaluate(a.UtilizationPercent) is var severity && severity == Severity.Ok)
        {
            return null;
        }

        return new Finding(
            "disk.saturated",
            severity,
            c.Activity.Name,
            string.Create(CultureInfo.InvariantCulture,
                $"{Name(c)}: busy {Percent(a.UtilizationPercent)} of the time {Span(c.Report)} with {a.QueueSize:0.0} requests queued on average ({Detail(a)})") + Consequences(c),
            "%util is the share of time with at least one request in flight (diskstats io_ticks); with an average queue " +
            "(aqu-sz) of one or more, requests wait behind each other and their await grows with the queue. For a single " +
            "spinning disk this is saturation; SSDs and arrays serve many requests at once, so there a full %util with low " +
            "await is not yet a limit.",
            Evidence(c),
            "Find the heavy user (iotop -o, pidstat -d 1) and spread or throttle it; a device near 100% with a growing await is the bottleneck of everything stored on it.",
            Data(c, "disk-saturation"));
    }

    public static Finding AllWell(IReadOnlyList<(DiskActivity Activity, DeviceClass Class)> devices, DiskActivityReport report)
    {
        var slowest = devices.OrderByDescending(d => d.Activity.Await).FirstOrDefault();
        var summary = devices.Count == 0
            ? $"no device did I/O {Span(report)}"
            : $"{devices.Count} device{(devices.Count == 1 ? "" : "s")} {Span(report)}; highest await {slowest.Activity.Name} {Ms(slowest.Activity.Await)} ({slowest.Class.Word()}), busiest " +
              $"{devices.MaxBy(d => d.Activity.UtilizationPercent).Activity.Name} {Percent(devices.Max(d => d.Activity.UtilizationPercent))}";
        return new Finding("disk.slow", Severity.Ok, "disks", summary, AwaitWhy,
            devices.Select(d => new Evidence(d.Activity.Name, Detail(d.Activity), "/proc/diskstats")).ToArray(), "");
    }

    private static string Name(Context c) =>
        c.Device?.DmName is { } dm ? $"{c.Activity.Name} ({dm})"
        : c.Device?.AtaPort is { } port ? $"{c.Activity.Name} ({port})"
        : c.Activity.Name;

    private static string Consequences(Context c)
    {
        var parts = new List<string>();
        if (c.Mounts.Count > 0)
        {
            parts.Add("holds " + string.Join(", ", c.Mounts.Take(4)) + (c.Mounts.Count > 4 ? $" and {c.Mounts.Count - 4} more" : ""));
        }

        if (c.Waiting.Count > 0)
        {
            parts.Add($"{c.Waiting.Count} stuck task{(c.Waiting.Count == 1 ? "" : "s")} wait{(c.Waiting.Count == 1 ? "s" : "")} on it: " +
                string.Join(", ", c.Waiting.Take(4).Select(t => $"{t.Comm}[{t.Id.Tid}]")));
        }

        return parts.Count == 0 ? "" : "; " + string.Join("; ", parts);
    }

    private static Evidence[] Evidence(Context c)
    {
        var a = c.Activity;
        var evidence = new List<Evidence>
        {
            new("reads", string.Create(CultureInfo.InvariantCulture, $"{a.ReadsPerSecond:0.00}/s, {a.ReadKilobytesPerSecond:0.00} kB/s, r_await {a.ReadAwait:0.00} ms, rareq-sz {a.ReadRequestKilobytes:0.00} kB"), "/proc/diskstats"),
            new("writes", string.Create(CultureInfo.InvariantCulture, $"{a.WritesPerSecond:0.00}/s, {a.WriteKilobytesPerSecond:0.00} kB/s, w_await {a.WriteAwait:0.00} ms, wareq-sz {a.WriteRequestKilobytes:0.00} kB"), "/proc/diskstats"),
            new("queue", string.Create(CultureInfo.InvariantCulture, $"aqu-sz {a.QueueSize:0.00}, %util {a.UtilizationPercent:0.00}, {a.InFlight} in flight now"), "/proc/diskstats"),
            new("interval", c.Report.SinceBoot ? $"since boot ({Interval(c.Report)}): one sample, averages since the device appeared" : Interval(c.Report), "/proc/uptime"),
            new("device class", $"{c.Class.Word()}{(c.Device is { } d ? $" ({d.Transport}{(d.Rotational is { } r ? r ? ", rotational" : ", non-rotational" : "")})" : "")}", c.Device is null ? null : $"/sys/block/{c.Device.Name}/queue/rotational"),
        };
        if (a.FlushesPerSecond > 0)
        {
            evidence.Insert(2, new("flushes", string.Create(CultureInfo.InvariantCulture, $"{a.FlushesPerSecond:0.00}/s, f_await {a.FlushAwait:0.00} ms"), "/proc/diskstats"));
        }

        evidence.AddRange(c.Mounts.Take(8).Select(m => new Evidence("mounted", m, "/proc/self/mountinfo")));
        evidence.AddRange(c.Waiting.Take(8).Select(t => new Evidence($"{t.Id.Tid} {t.Comm}", $"stuck in D, {t.Class.Id} at {t.Site}, on {t.Target}", $"/proc/{t.Id.Pid}/task/{t.Id.Tid}")));
        return evidence.ToArray();
    }

    private static IReadOnlyList<DataField> Data(Context c, string kind)
    {
        var a = c.Activity;
        var data = new FindingData();
        data.Set("kind", kind);
        data.Set("device_class", c.Class.Word());
        if (c.Device is { } device)
        {
            data.Set("ata_port", device.AtaPort);
            data.Set("disk", device.Slaves.Count == 0 ? device.Name : null);
            KernelLog.Incidents.DeviceFields.AddBlock(data, device.Name);
        }
        else
        {
            data.Set("disk", a.Name);
        }

        data.Set("mount", c.Mounts.Count > 0 ? c.Mounts[0] : null);
        data.Set("await_ms", Math.Round(a.Await, 2));
        data.Set("r_await_ms", Math.Round(a.ReadAwait, 2));
        data.Set("w_await_ms", Math.Round(a.WriteAwait, 2));
        data.Set("aqu_sz", Math.Round(a.QueueSize, 2));
        data.Set("util_percent", Math.Round(a.UtilizationPercent, 2));
        data.Set("inflight", (long)a.InFlight);
        data.Set("interval_seconds", c.Report.IntervalSeconds);
        data.Set("since_boot", c.Report.SinceBoot);
        data.Set("stuck_tasks", (long)c.Waiting.Count);
        return data.Fields;
    }

    private static string ClassWhy(DeviceClass deviceClass) => deviceClass switch
    {
        DeviceClass.Rotational => "A healthy spinning disk answers in a few to ~15 ms (a seek and a rotation); hundreds of ms mean deep queues, retries of bad sectors, or a dying drive.",
        DeviceClass.SolidState => "A healthy SSD or NVMe device answers in well under a millisecond; tens of ms mean it is overloaded, throttling, garbage-collecting, or failing.",
        _ => "A virtual disk's latency is the host's storage and its queueing; tens of ms are common under load, hundreds mean the storage behind it is struggling.",
    };

    private static string Detail(DiskActivity a) =>
        string.Create(CultureInfo.InvariantCulture, $"r_await {a.ReadAwait:0.00} ms, w_await {a.WriteAwait:0.00} ms, {a.ReadsPerSecond + a.WritesPerSecond:0.00} IO/s, aqu-sz {a.QueueSize:0.00}, %util {a.UtilizationPercent:0.00}");

    private static string Span(DiskActivityReport r) => r.SinceBoot ? "since boot" : "over " + Interval(r);

    private static string Interval(DiskActivityReport r) => string.Create(CultureInfo.InvariantCulture, $"{r.IntervalSeconds:0.0#} s");

    private static string Ms(double ms) => ms.ToString(ms >= 100 ? "#,0" : "0.0#", CultureInfo.InvariantCulture) + " ms";

    private static string Percent(double p) => p.ToString("0", CultureInfo.InvariantCulture) + "%";
}

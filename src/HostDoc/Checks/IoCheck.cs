using System.Globalization;
using HostDoc.Findings;
using HostDoc.Storage;

namespace HostDoc.Checks;

/// <summary>
/// Disk latency and saturation measured from /proc/diskstats over an interval, as iostat -x does:
/// <c>disk.slow</c> when a device's await is far above what its class of device does (a spinning
/// disk, an SSD, a virtual disk; thresholds settable per class), or when requests were in flight and
/// none completed; <c>disk.saturated</c> when it was busy nearly all the interval with a queue. Each
/// names the mounts on the device and the stuck tasks waiting on it. A captured tree has one sample,
/// so it is judged on the averages since boot.
/// </summary>
public sealed class IoCheck : ICheck
{
    /// <summary>Seconds between the two samples by default.</summary>
    public const double DefaultIntervalSeconds = 1;

    /// <summary>Rotational disks: a seek and a rotation are ~10 ms; 100 ms per request means queueing or retries.</summary>
    public static readonly ThresholdSpec HddAwait = ThresholdSpec.Of("hdd-await", "await of rotational disks, ms per request; alerts above (default warning ~:100, critical ~:500)", "~:100", "~:500");

    /// <summary>SSDs and NVMe: well under a millisecond when healthy.</summary>
    public static readonly ThresholdSpec SsdAwait = ThresholdSpec.Of("ssd-await", "await of solid-state disks and NVMe, ms per request; alerts above (default warning ~:20, critical ~:100)", "~:20", "~:100");

    /// <summary>Virtual disks: the host's storage plus its queueing.</summary>
    public static readonly ThresholdSpec VirtualAwait = ThresholdSpec.Of("virtual-await", "await of virtual disks (virtio, Xen, loop, nbd), ms per request; alerts above (default warning ~:50, critical ~:250)", "~:50", "~:250");

    /// <summary>%util with a queue.</summary>
    public static readonly ThresholdSpec Util = ThresholdSpec.Of("util", "%util of a device with requests queued (aqu-sz at least 1); alerts above (default warning ~:90)", "~:90", null);

    /// <inheritdoc />
    public string Name => "io";

    /// <inheritdoc />
    public string Description => "disk latency and saturation per device (iostat -x's await, aqu-sz, %util over an interval)";

    /// <inheritdoc />
    public IReadOnlyList<ThresholdSpec> Thresholds { get; } = [HddAwait, SsdAwait, VirtualAwait, Util];

    /// <inheritdoc />
    public IReadOnlyList<CheckOption> Options { get; } = [new("interval", true, $"seconds between the two samples (default {DefaultIntervalSeconds})")];

    /// <inheritdoc />
    public bool CanBlock => false;

    /// <inheritdoc />
    public IReadOnlyList<string> FindingIds { get; } = ["disk.slow", "disk.saturated"];

    /// <inheritdoc />
    public CheckResult Run(HostModel host, CheckSettings settings)
    {
        var interval = settings.Values("interval") is [var i, ..] && double.TryParse(i, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x is > 0 and <= 3600
            ? x : DefaultIntervalSeconds;
        var measured = host.Sampling.Disks(TimeSpan.FromSeconds(interval));
        if (measured.Value is not { } report)
        {
            return CheckResult.Undecided(Name, "disks", measured.Problems);
        }

        var topology = host.Topology;
        var stuck = host.Sampling.StuckSoFar().Stuck;
        var findings = new List<Finding>();
        var measurements = new List<Measurement>();
        var judged = new List<(DiskActivity Activity, DeviceClass Class)>();
        foreach (var activity in report.Devices)
        {
            var device = topology.Find(activity.Name);
            if (device is not null ? device.Parent is not null : Sources.PartitionName.Is(activity.Name, null))
            {
                continue;   // a partition's requests are its disk's too (told by its name when there is no sysfs)
            }

            var deviceClass = device is null ? DeviceClass.Virtual : DeviceClasses.Of(topology, device);
            judged.Add((activity, deviceClass));
            var mounts = device is null ? [] : MountsOn(topology, device);
            var waiting = stuck.Where(t => t.Target is { } target && target.Chain.Contains(activity.Name)).ToArray();
            var context = new IoFindings.Context(activity, deviceClass, device, mounts, waiting, report);
            var await = settings.For(AwaitSpec(deviceClass));
            if (IoFindings.Slow(context, await) is { } slow)
            {
                findings.Add(slow);
            }

            if (IoFindings.Saturated(context, settings.For(Util)) is { } saturated)
            {
                findings.Add(saturated);
            }

            measurements.Add(new Measurement($"{activity.Name}_await", Math.Round(activity.Await, 2), "ms", await.Warning?.Boundary, await.Critical?.Boundary, 0));
            measurements.Add(new Measurement($"{activity.Name}_util", Math.Round(activity.UtilizationPercent, 2), "%", Min: 0, Max: 100));
        }

        if (findings.Count == 0)
        {
            findings.Add(IoFindings.AllWell(judged, report));
        }

        return new CheckResult(Name, findings, measurements, measured.Problems);
    }

    private static ThresholdSpec AwaitSpec(DeviceClass deviceClass) => deviceClass switch
    {
        DeviceClass.Rotational => HddAwait,
        DeviceClass.SolidState => SsdAwait,
        _ => VirtualAwait,
    };

    /// <summary>Mount points on the device and on everything built on it (its partitions, dm and md on those).</summary>
    private static string[] MountsOn(BlockTopology topology, Sys.Block.BlockDevice device)
    {
        var mounts = new List<string>();
        var pending = new Stack<Sys.Block.BlockDevice>([device]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var current) && seen.Count < 256)
        {
            if (!seen.Add(current.Name))
            {
                continue;
            }

            mounts.AddRange(topology.MountPoints.GetValueOrDefault(current.Name) ?? []);
            foreach (var child in topology.Children(current))
            {
                pending.Push(child);
            }
        }

        return mounts.Distinct(StringComparer.Ordinal).ToArray();
    }
}

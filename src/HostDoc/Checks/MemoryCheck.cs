using HostDoc.Findings;

namespace HostDoc.Checks;

/// <summary>
/// Memory available without swapping (the kernel's MemAvailable, as free shows it), swap
/// exhaustion, and tmpfs/shared memory that page cache figures hide.
/// </summary>
public sealed class MemoryCheck : ICheck
{
    /// <summary>Available memory, % of MemTotal.</summary>
    public static readonly ThresholdSpec Available = ThresholdSpec.Of(
        "available", "memory available without swapping, % of MemTotal; alerts below (default warning 10:, critical 5:)", "10:", "5:");

    /// <summary>Free swap, % of SwapTotal.</summary>
    public static readonly ThresholdSpec SwapFree = ThresholdSpec.Of(
        "swap-free", "free swap, % of SwapTotal; alerts below, ignored without swap (default warning 20:, critical 10:)", "20:", "10:");

    private const double ShmemInfoPercent = 25;

    /// <inheritdoc />
    public string Name => "memory";

    /// <inheritdoc />
    public string Description => "available memory (MemAvailable), swap use, shared memory and tmpfs";

    /// <inheritdoc />
    public IReadOnlyList<ThresholdSpec> Thresholds { get; } = [Available, SwapFree];

    /// <inheritdoc />
    public IReadOnlyList<CheckOption> Options => [];

    /// <inheritdoc />
    public bool CanBlock => false;

    /// <inheritdoc />
    public IReadOnlyList<string> FindingIds { get; } =
        ["memory.available-low", "memory.swap-exhausted", "memory.available-estimated", "memory.shmem-large"];

    /// <inheritdoc />
    public CheckResult Run(HostModel host, CheckSettings settings)
    {
        var free = host.Free;
        if (free.Value is not { } summary)
        {
            return CheckResult.Undecided(Name, "memory", free.Problems);
        }

        var available = settings.For(Available);
        var swap = settings.For(SwapFree);
        var judged = JudgedAvailable(host, summary);
        var judgedPercent = summary.Total == 0 ? 0 : 100.0 * judged / summary.Total;
        var findings = new List<Finding>
        {
            MemoryFindings.AvailableLow(summary, judged, available.Evaluate(judgedPercent)),
            MemoryFindings.Swap(summary, summary.SwapFreePercent is { } pct ? swap.Evaluate(pct) : Severity.Ok),
        };
        if (summary.AvailableIsEstimate)
        {
            findings.Add(MemoryFindings.AvailableEstimated(summary, judged));
        }

        if (host.Meminfo.Value?.Shmem is { } shmem && summary.Total > 0 && 100.0 * shmem / summary.Total >= ShmemInfoPercent)
        {
            findings.Add(MemoryFindings.ShmemLarge(summary, shmem));
        }

        var measurements = new List<Measurement>
        {
            Measurement.BytesWithPercentThresholds("available", judged, summary.Total, available),
            new("used", summary.Used, "B", Min: 0, Max: summary.Total),
            new("buff_cache", summary.BuffCache, "B", Min: 0, Max: summary.Total),
        };
        if (summary.SwapTotal > 0)
        {
            measurements.Add(Measurement.BytesWithPercentThresholds("swap_free", summary.SwapFree, summary.SwapTotal, swap));
        }

        return new CheckResult(Name, findings, measurements, free.Problems);
    }

    /// <summary>
    /// The available memory thresholds are judged on: the kernel's MemAvailable, or on kernels
    /// without it the si_mem_available estimate (MemFree alone would alarm on every cache-heavy host).
    /// </summary>
    private static ulong JudgedAvailable(HostModel host, Memory.FreeSummary summary) =>
        summary.AvailableIsEstimate
        && host.Meminfo.Value is { } info
        && host.Zoneinfo.Value is { } zones
        && Memory.AvailableEstimate.Compute(info, zones, host.PageSize.Bytes) is { } estimate
            ? estimate
            : summary.Available;
}

using HostDoc.Findings;
using HostDoc.Memory;

namespace HostDoc.Checks;

/// <summary>
/// Dirty page cache against the kernel's writeback limits (the seed's "where are dirty_ratio and
/// dirty_background_ratio used?"), and writeback settings that make stalls or data loss likely.
/// </summary>
public sealed class WritebackCheck : ICheck
{
    /// <summary>Dirty+Writeback as % of the hard limit.</summary>
    public static readonly ThresholdSpec Dirty = ThresholdSpec.Of(
        "dirty",
        "Dirty+Writeback, % of the hard dirty limit; alerts above (default warning: the freerun ceiling where " +
        "balance_dirty_pages starts throttling writers, 75% with the default ratios; critical @100:)",
        null,
        "@100:");

    /// <summary>Above this, a ratio-based hard limit is large enough for multi-second flushes.</summary>
    public const ulong LargeLimitBytes = 4UL << 30;

    /// <inheritdoc />
    public string Name => "writeback";

    /// <inheritdoc />
    public string Description => "dirty pages against the writeback limits of mm/page-writeback.c, and writeback settings";

    /// <inheritdoc />
    public IReadOnlyList<ThresholdSpec> Thresholds { get; } = [Dirty];

    /// <inheritdoc />
    public IReadOnlyList<CheckOption> Options => [];

    /// <inheritdoc />
    public bool CanBlock => false;

    /// <inheritdoc />
    public IReadOnlyList<string> FindingIds { get; } =
        ["memory.dirty-near-limit", "writeback.background-clamped", "writeback.periodic-disabled", "writeback.large-limit"];

    /// <inheritdoc />
    public CheckResult Run(HostModel host, CheckSettings settings)
    {
        var computed = host.Writeback;
        if (computed.Value is not { } wb)
        {
            return CheckResult.Undecided(Name, "writeback", computed.Problems);
        }

        var thresholds = settings.For(Dirty, derivedWarning: new NagiosRange(wb.FreerunPercentOfHard, double.PositiveInfinity, Inside: true));
        var severity = thresholds.Evaluate(wb.DirtyPercentOfHard);
        if (severity is Severity.Ok && wb.DirtyPages > wb.BackgroundPages)
        {
            severity = Severity.Info;
        }

        var findings = new List<Finding> { WritebackFindings.DirtyNearLimit(wb, severity) };
        if (wb.BackgroundSource is LimitSource.HalfOfHardLimit)
        {
            findings.Add(WritebackFindings.BackgroundClamped(wb));
        }

        if (wb.WritebackCentisecs is 0)
        {
            findings.Add(WritebackFindings.PeriodicDisabled(wb));
        }

        if (wb.HardSource is LimitSource.Ratio && wb.HardBytes >= LargeLimitBytes)
        {
            findings.Add(WritebackFindings.LargeLimit(wb));
        }

        var measurements = new Measurement[]
        {
            Measurement.BytesWithPercentThresholds("dirty", wb.DirtyBytes, wb.HardBytes, thresholds),
            new("dirty_background_limit", wb.BackgroundBytes, "B", Min: 0),
            new("dirty_limit", wb.HardBytes, "B", Min: 0),
        };
        return new CheckResult(Name, findings, measurements, computed.Problems);
    }
}

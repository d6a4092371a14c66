using HostDoc.Findings;
using HostDoc.Proc;
using HostDoc.Sources;

namespace HostDoc.Checks;

/// <summary>
/// Where device interrupts are served: all on one CPU while others are online, the legacy XT-PIC
/// (IO-APIC off, so one CPU), and error counters. Judged on the counts since boot.
/// </summary>
public sealed class IrqCheck : ICheck
{
    /// <summary>Device interrupts below this many since boot are too few to judge a spread.</summary>
    public const ulong MinimumInterrupts = 1_000;

    /// <summary>The share of device interrupts on one CPU above which it is "all on one CPU".</summary>
    public const double SingleCpuShare = 0.95;

    /// <inheritdoc />
    public string Name => "irq";

    /// <inheritdoc />
    public string Description => "device interrupts spread over the online CPUs, legacy XT-PIC, ERR/MIS counters";

    /// <inheritdoc />
    public IReadOnlyList<ThresholdSpec> Thresholds => [];

    /// <inheritdoc />
    public IReadOnlyList<CheckOption> Options => [];

    /// <inheritdoc />
    public bool CanBlock => false;

    /// <inheritdoc />
    public IReadOnlyList<string> FindingIds { get; } = ["irq.single-cpu", "irq.legacy-pic", "irq.errors"];

    /// <summary>
    /// True when several busy device irqs (each at least 1% of all device interrupts) are all served
    /// mostly by the same CPU while other CPUs are online. One dominant irq on one CPU is not enough:
    /// a single-queue device can only be served by one CPU at a time, and spreading cannot change that.
    /// </summary>
    public static bool AllBusyIrqsOnOneCpu(Interrupts irq, IReadOnlyList<ulong> totals)
    {
        var all = totals.Aggregate(0UL, Saturating.Add);
        if (irq.Cpus.Count < 2 || totals.Count == 0 || all < MinimumInterrupts || totals.Max() < SingleCpuShare * all)
        {
            return false;
        }

        var busy = irq.Rows.Where(r => r.IsNumbered && Saturating.Multiply(r.Total, 100) >= all && r.Counts.Count > 0).ToArray();
        var homes = busy.Select(r => r.Counts.ToList().IndexOf(r.Counts.Max())).Distinct().Count();
        return busy.Length >= 2 && homes == 1;
    }

    /// <inheritdoc />
    public CheckResult Run(HostModel host, CheckSettings settings)
    {
        var sourced = host.Interrupts;
        if (sourced.Value is not { } irq)
        {
            return CheckResult.Undecided(Name, "interrupts", sourced.Problems);
        }

        var findings = new List<Finding>();
        var totals = irq.DeviceTotalsPerCpu;
        var oneCpu = AllBusyIrqsOnOneCpu(irq, totals);
        findings.Add(IrqFindings.Spread(host, irq, totals, oneCpu ? Severity.Warning : Severity.Ok));
        if (irq.Rows.Any(r => r.Chip == "XT-PIC"))
        {
            findings.Add(IrqFindings.LegacyPic(host, irq));
        }

        var errors = irq.Rows.Where(r => r.Name is "ERR" or "Err" or "MIS").Where(r => r.Total > 0).ToArray();
        if (errors.Length > 0)
        {
            findings.Add(IrqFindings.Errors(errors));
        }

        var measurements = irq.Cpus.Select((cpu, i) => new Measurement($"cpu{cpu}_device_interrupts", totals[i], "c", Min: 0)).ToList();
        return new CheckResult(Name, findings, measurements, sourced.Problems);
    }
}

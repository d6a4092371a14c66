using HostDoc.Findings;

namespace HostDoc.Checks;

/// <summary>
/// The host's kernel log read into incidents (<c>/dev/kmsg</c>, else <c>/var/log/kern.log</c> or
/// <c>messages</c>): each incident is a finding, joined to the host's device topology so a failing
/// LBA names its partition, volume and mount.
/// </summary>
public sealed class KernelLogCheck : ICheck
{
    /// <inheritdoc />
    public string Name => "kernel-log";

    /// <inheritdoc />
    public string Description => "the kernel log's incidents: failing disks and links, I/O errors, filesystem aborts, lost writes, OOM kills, hung tasks, SYN floods, lockups, clock and hardware errors";

    /// <inheritdoc />
    public IReadOnlyList<ThresholdSpec> Thresholds => [];

    /// <inheritdoc />
    public IReadOnlyList<CheckOption> Options { get; } =
    [
        new("since", true, "judge only incidents whose last occurrence is this recent: 30m, 2h, 7d, today, 2014-03-18 13:00 (default: all the log holds; /dev/kmsg holds this boot)"),
        new("log", true, "read this log file instead of the host's log (repeatable; plain or gzip; under --root too)"),
        new("state", true, $"remember what was consumed in this file and judge only what is new on each run (default as root on a live host: {DefaultStateDirectory}/kernel-log.state)"),
        new("sticky", true, $"with --state: keep an incident in the result this long after a run last saw it (default {DefaultSticky}; 0: only what this run found)"),
        new("first-run", true, "with --state, when there is no state yet: all (judge everything the log holds now; default) or new (start from its end)"),
    ];

    /// <summary>Where the state lives by default (as root on a live host).</summary>
    public const string DefaultStateDirectory = "/var/lib/hostdoc";

    /// <summary>
    /// The default sticky time. A service checked every few minutes with Nagios' usual retries (3 attempts, 1 minute apart)
    /// needs the alert to last past them to reach a HARD state and notify; an hour covers any common retry setting and
    /// leaves the incident on the dashboard for the person who answers, then the service turns OK by itself.
    /// </summary>
    public const string DefaultSticky = "1h";

    /// <inheritdoc />
    public bool CanBlock => false;

    /// <inheritdoc />
    public IReadOnlyList<string> FindingIds { get; } =
    [
        "log.quiet", "log.disk-media-error", "log.ata-link-error", "log.scsi-error", "log.block-io-error", "log.fs-error", "log.lost-write",
        "log.hung-task", "log.oom-kill", "log.syn-flood", "log.rsync-failed", "log.conntrack-full", "log.clock-unstable", "log.smp-disabled", "log.lockup",
        "log.rcu-stall", "log.hardware-error", "log.lines-lost", "log.rebooted", "log.previous-boot",
        "log.kernel-oops", "log.kernel-panic", "log.netdev-leak", "log.nfs-not-responding", "log.raid-degraded", "log.path-failed",
        "log.nvme-controller-error", "log.usb-error", "log.mmc-error", "log.event",
    ];

    /// <inheritdoc />
    public CheckResult Run(HostModel host, CheckSettings settings)
    {
        var since = settings.Values("since") is [var text, ..] ? KernelLog.Reading.LogTimeBound.Parse(text) : null;
        if (settings.Values("since") is [var bad, ..] && since is null)
        {
            return CheckResult.Undecided(Name, "kernel log", [new Sources.SourceProblem("--since", Sources.ProblemKind.Malformed, $"\"{bad}\" is not a time (30m, 2h, 7d, today, yesterday, 2014-03-18[ 13:27[:44]])")]);
        }

        if (settings.Values("state") is [var statePath, ..])
        {
            if (Follow(statePath, settings, since, out var error) is not { } follow)
            {
                return CheckResult.Undecided(Name, "kernel log", [new Sources.SourceProblem("--sticky/--first-run", Sources.ProblemKind.Malformed, error!)]);
            }

            return new KernelLogFollowing(host, follow).Run(Name);
        }

        var analysis = settings.Values("log") is { Count: > 0 } logs ? ReadFiles(host, logs) : host.KernelLog;
        var from = since?.Resolve(host.Clock.GetLocalNow().DateTime);
        var problems = analysis.Problems.Select(Problem).ToArray();
        if (analysis.Sources.Count == 0)
        {
            return CheckResult.Undecided(Name, "kernel log", problems);
        }

        var mounts = host.Mountinfo.Value?.Entries ?? [];
        var findings = analysis.Incidents
            .Where(i => from is not { } f || i.LastSeen.Wall is not { } last || last >= f)
            .Select(i => analysis.ManyHosts ? i : IncidentTopology.Enrich(i, host.Topology, mounts))
            .Select(i => i.ToFinding(analysis.ManyHosts))
            .ToList();
        if (findings.Count == 0)
        {
            findings.Add(new Finding("log.quiet", Severity.Ok, "kernel log",
                $"no incidents{(from is { } f ? $" since {f:yyyy-MM-dd HH:mm}" : "")} in {analysis.Counts.Lines:N0} lines of {string.Join(", ", analysis.Sources)}",
                "Nothing in the log says a disk, link, filesystem, the memory manager, the network stack, a CPU or a clock failed.", [], ""));
        }

        var measurements = new[]
        {
            new Measurement("incidents", findings.Count(f => f.Severity != Severity.Ok), "", Min: 0),
            new Measurement("critical_incidents", findings.Count(f => f.Severity == Severity.Critical), "", Min: 0),
        };
        return new CheckResult(Name, findings, measurements, problems);
    }

    private static KernelLogFollowSettings? Follow(string statePath, CheckSettings settings, KernelLog.Reading.LogTimeBound? since, out string? error)
    {
        error = null;
        var stickyText = settings.Values("sticky") is [var s, ..] ? s : DefaultSticky;
        TimeSpan? sticky = stickyText == "0" ? TimeSpan.Zero : KernelLog.Reading.LogTimeBound.Parse(stickyText)?.Ago;
        var firstRun = settings.Values("first-run") is [var f, ..] ? f : "all";
        if (sticky is null || firstRun is not ("all" or "new"))
        {
            error = sticky is null ? $"--sticky \"{stickyText}\" is not a duration (0, 30s, 10m, 1h, 2d)" : $"--first-run takes all or new, not \"{firstRun}\"";
            return null;
        }

        return new KernelLogFollowSettings(statePath, settings.Values("log"), sticky.Value, firstRun == "all", since, TimeSpan.FromSeconds(8));
    }

    /// <summary>The named log files read whole (plain or gzip), rotated sets oldest first.</summary>
    private static KernelLog.KernelLogAnalysis ReadFiles(HostModel host, IReadOnlyList<string> logs)
    {
        var analyzer = new KernelLog.KernelLogAnalyzer(KernelLog.Decoders.AscAscqTable.Load());
        foreach (var log in KernelLog.Reading.LogFiles.InRotationOrder(logs))
        {
            analyzer.ReadFile(log, host.Root, log);
        }

        return analyzer.Finish();
    }

    /// <summary>"path: why" as a source problem.</summary>
    private static Sources.SourceProblem Problem(string text)
    {
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        var kind = text.Contains(KernelLog.HostKernelLog.NeedsRoot, StringComparison.Ordinal) ? Sources.ProblemKind.PermissionDenied : Sources.ProblemKind.Missing;
        return colon > 0
            ? new Sources.SourceProblem(text[..colon], kind, text[(colon + 2)..])
            : new Sources.SourceProblem("kernel log", kind, text);
    }
}

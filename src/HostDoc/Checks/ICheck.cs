namespace HostDoc.Checks;

/// <summary>
/// One diagnosis: the host model in, findings out. Checks know nothing of output formats; they
/// are registered explicitly in <see cref="CheckCatalog"/>, never discovered by reflection.
/// </summary>
public interface ICheck
{
    /// <summary>The name used by <c>hostdoc check NAME</c> and in the service label.</summary>
    string Name { get; }

    /// <summary>One line saying what the check looks at.</summary>
    string Description { get; }

    /// <summary>The thresholds it accepts; the first is the one <c>-w</c>/<c>-c</c> set.</summary>
    IReadOnlyList<ThresholdSpec> Thresholds { get; }

    /// <summary>Options of its own besides thresholds (<c>--path</c> for disk); empty for most checks.</summary>
    IReadOnlyList<CheckOption> Options { get; }

    /// <summary>
    /// True when the check reads anything that can block on a live host: statvfs of a mount (a hung
    /// NFS server), /proc/PID files of a process stuck holding its mm lock. False for checks that
    /// read only kernel counters (/proc/meminfo, /proc/vmstat, /proc/sys), which answer at once.
    /// The CLI arms its <c>-t</c> watchdog only when this is true or the root is a captured tree.
    /// </summary>
    bool CanBlock { get; }

    /// <summary>Every finding id the check can emit (besides <c>NAME.source-unreadable</c>); a published contract.</summary>
    IReadOnlyList<string> FindingIds { get; }

    /// <summary>Runs the check.</summary>
    CheckResult Run(HostModel host, CheckSettings settings);
}

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
    /// True when the check makes a call that can block on a live host without a timeout of its own
    /// (a /proc/PID file of a process stuck holding its mm lock, say). False for checks that read
    /// only kernel counters (/proc/meminfo, /proc/vmstat, /proc/sys), which answer at once, and for
    /// checks whose blocking calls are each bounded (disk: statvfs of network and FUSE mounts runs
    /// on a thread under a timeout, and paths on them are never stat()ed). The CLI arms its
    /// <c>-t</c> watchdog thread (about 0.9 ms of start-up) only when this is true or the root is a
    /// captured tree, which may itself sit on a network filesystem.
    /// </summary>
    bool CanBlock { get; }

    /// <summary>Every finding id the check can emit (besides <c>NAME.source-unreadable</c>); a published contract.</summary>
    IReadOnlyList<string> FindingIds { get; }

    /// <summary>Runs the check.</summary>
    CheckResult Run(HostModel host, CheckSettings settings);
}

namespace HostDoc.Fuzz.Trees;

/// <summary>
/// Every read-only command, as a user runs it with <c>--root</c> on a captured tree (affinity set and
/// serve are left out: one changes the system and refuses trees, the other is a server), and the exit
/// codes README documents for it.
/// </summary>
public static class TreeCommands
{
    /// <summary>One command line (without <c>--root</c>) and whether it is a Monitoring Plugins check.</summary>
    /// <param name="Args">The arguments after <c>--root DIR</c>.</param>
    /// <param name="IsCheck">True for <c>check …</c>: exit 0–3 and one status line; otherwise exit 0–2.</param>
    public sealed record Command(string[] Args, bool IsCheck);

    /// <summary>The commands each mutated tree is given.</summary>
    public static IReadOnlyList<Command> All { get; } =
    [
        new(["report"], false),
        new(["report", "--format", "json"], false),
        new(["mem"], false),
        new(["mem", "--bytes"], false),
        new(["df", "--all"], false),
        new(["devices"], false),
        new(["devices", "--format", "json"], false),
        new(["devices", "sdf"], false),
        new(["logs"], false),
        new(["logs", "--format", "json"], false),
        new(["irq"], false),
        new(["cpus"], false),
        new(["cpuset"], false),
        new(["affinity", "1"], false),
        new(["stuck", "--samples", "2", "--interval", "0.01"], false),
        new(["iostat"], false),
        new(["iostat", "--partitions", "--format", "json"], false),
        new(["net"], false),
        new(["net", "--format", "json"], false),
        new(["tmpfs-resize", "/dev/shm", "1m"], false),
        new(["check", "memory"], true),
        new(["check", "disk"], true),
        new(["check", "disk", "-w", "10%", "-c", "5%", "-A"], true),
        new(["check", "writeback"], true),
        new(["check", "irq"], true),
        new(["check", "cpus"], true),
        new(["check", "kernel-log"], true),
        new(["check", "stuck", "--samples", "2", "--interval", "0.01"], true),
        new(["check", "io"], true),
        new(["check", "raid"], true),
        new(["check", "net"], true),
    ];
}

namespace HostDoc.Proc.Sys.Kernel;

/// <summary>
/// Which host and kernel a report is about: <c>/proc/sys/kernel/hostname</c> and
/// <c>/proc/sys/kernel/osrelease</c>. Either may be null in a tree that lacks it.
/// </summary>
/// <param name="Hostname">The UTS node name.</param>
/// <param name="KernelRelease">The kernel release, e.g. <c>6.1.0-26-amd64</c>.</param>
public sealed record HostIdentity(string? Hostname, string? KernelRelease)
{
    /// <summary>Reads both files; a missing one is simply null.</summary>
    public static HostIdentity Read(HostRoot root) =>
        new(root.ReadValue("/proc/sys/kernel/hostname"), root.ReadValue("/proc/sys/kernel/osrelease"));
}

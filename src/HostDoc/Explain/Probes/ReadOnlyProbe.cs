using HostDoc.Findings;
using HostDoc.Roots;

namespace HostDoc.Explain.Probes;

/// <summary>EROFS on a path: mounted read-only, a read-only bind, or a filesystem the kernel forced read-only (the disk check's finding and the kernel log's incident).</summary>
public sealed class ReadOnlyProbe : IProbe
{
    /// <inheritdoc />
    public string Name => "readonly";

    /// <inheritdoc />
    public IReadOnlyList<ProbeResult> Run(HostModel host, ExplainRequest request)
    {
        if (ProbePath.Absolute(host.Root, request) is not { } path)
        {
            return [];
        }

        if (ProbePath.Holding(host, path) is not { } mount)
        {
            return [new(Name, ProbeVerdict.Unknown, $"the mount holding {path} is unknown", [])];
        }

        var evidence = new List<Evidence>
        {
            new("mount options", string.Join(',', mount.MountOptions), "/proc/self/mountinfo"),
            new("superblock options", string.Join(',', mount.SuperOptions), "/proc/self/mountinfo"),
        };
        var mountRo = mount.MountOptions.Contains("ro");
        var superRo = mount.SuperOptions.Contains("ro") || mount.SuperOptions.Contains("emergency_ro");   // 6.18: emergency_ro, not ro
        var names = new[] { mount.Source.StartsWith("/dev/", StringComparison.Ordinal) ? mount.Source[5..] : null, KernelPath.Name(host.Root.ReadLink($"/sys/dev/block/{mount.Device}") ?? "") }
            .Where(n => n is { Length: > 0 }).ToArray();
        var incidents = host.KernelLog.Incidents
            .Where(i => i.Subject == mount.MountPoint || names.Any(n => i.Subject.Contains(n!, StringComparison.Ordinal) || i.Chain.Contains(n!)))
            .Take(3).ToArray();
        evidence.AddRange(incidents.Select(i => new Evidence("kernel log", $"{i.Id}: {i.Summary}")));
        if (!mountRo && !superRo)
        {
            return [new(Name, ProbeVerdict.RuledOut, $"{mount.MountPoint} ({mount.FsType} on {mount.Source}) is read-write now; if it was read-only when the call failed, it was remounted since", evidence)];
        }

        // The disk check's disk.forced-readonly condition: the superblock read-only under a read-write mount.
        var text = superRo && !mountRo
            ? $"{mount.MountPoint} ({mount.FsType} on {mount.Source}) is mounted read-write but its filesystem is read-only: the kernel turned it read-only after an error (finding disk.forced-readonly){(incidents.Length > 0 ? "; the kernel log says why" : "")}"
            : superRo
                ? $"{mount.MountPoint} ({mount.FsType} on {mount.Source}) is mounted read-only (mount and filesystem both ro)"
                : $"{mount.MountPoint} is a read-only mount of a filesystem that is writable elsewhere (a read-only bind mount)";
        return [new(Name, ProbeVerdict.Holds, text, evidence)];
    }
}

using HostDoc.Proc.Pid;

namespace HostDoc.Checks.CheckDisk;

/// <summary>One selected path during a check_disk run: its name, thresholds, group and the mount it resolved to.</summary>
internal sealed class CheckDiskParam(string name, CheckDiskThresholds thresholds, string? group)
{
    public string Name { get; } = name;

    public CheckDiskThresholds Thresholds { get; set; } = thresholds;

    public string? Group { get; set; } = group;

    public MountinfoEntry? Mount { get; set; }
}

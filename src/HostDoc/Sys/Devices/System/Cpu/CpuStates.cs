using HostDoc.Cpus;

namespace HostDoc.Sys.Devices.System.Cpu;

/// <summary>
/// <c>/sys/devices/system/cpu/{online,offline,present,possible,isolated}</c>
/// (Documentation/ABI/testing/sysfs-devices-system-cpu): the CPU sets as lists. A file the kernel
/// lacks is null (isolated appeared in 4.x).
/// </summary>
public sealed record CpuStates(CpuList? Online, CpuList? Offline, CpuList? Present, CpuList? Possible, CpuList? Isolated)
{
    private const string Directory = "/sys/devices/system/cpu/";

    /// <summary>Reads the five files.</summary>
    public static CpuStates Read(HostRoot root) =>
        new(List(root, "online"), List(root, "offline"), List(root, "present"), List(root, "possible"), List(root, "isolated"));

    private static CpuList? List(HostRoot root, string name) => CpuList.Read(root, Directory + name);
}

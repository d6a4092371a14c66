using HostDoc.Storage;
using HostDoc.Sys.Block;

namespace HostDoc.Checks;

/// <summary>What kind of device a latency is judged against: a spinning disk, a solid-state one, or a virtual one (virtio, Xen, loop, a network block device).</summary>
public enum DeviceClass
{
    /// <summary>queue/rotational = 1 on real hardware: a seek costs milliseconds.</summary>
    Rotational,
    /// <summary>SATA/SAS SSDs and NVMe: a request takes well under a millisecond.</summary>
    SolidState,
    /// <summary>A device whose latency is another system's: virtio, Xen, loop, nbd, rbd, or unknown.</summary>
    Virtual,
}

/// <summary>Classifies a device by the disk at the bottom of its chain.</summary>
public static class DeviceClasses
{
    /// <summary>The class of <paramref name="device"/> (a dm or md device takes its first member disk's).</summary>
    public static DeviceClass Of(BlockTopology topology, BlockDevice device)
    {
        var disk = topology.Ancestry(device)[0];
        return disk.Transport is "virtio" or "virtual" or "xen" || disk.Name.StartsWith("loop", StringComparison.Ordinal)
            || disk.Name.StartsWith("nbd", StringComparison.Ordinal) || disk.Name.StartsWith("rbd", StringComparison.Ordinal) ? DeviceClass.Virtual
            : disk.Rotational == true ? DeviceClass.Rotational
            : disk.Rotational == false ? DeviceClass.SolidState
            : DeviceClass.Virtual;
    }

    /// <summary>hdd, ssd, virtual: the word in threshold keys and JSON.</summary>
    public static string Word(this DeviceClass deviceClass) => deviceClass switch
    {
        DeviceClass.Rotational => "hdd",
        DeviceClass.SolidState => "ssd",
        _ => "virtual",
    };
}

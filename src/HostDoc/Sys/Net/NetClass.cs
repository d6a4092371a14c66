namespace HostDoc.Sys.Net;

/// <summary>
/// <c>/sys/class/net/*</c>: every interface of the reader's network namespace with its attributes,
/// statistics, the driver and ids of the device it sits on, its queues and the interrupts that serve
/// them. The device's msi_irqs live on the PCI function, which for virtio-net is the parent of the
/// virtio device, so the device and its parent are both asked.
/// </summary>
public static class NetClass
{
    /// <summary>The directory.</summary>
    public const string Directory = "/sys/class/net";

    private static readonly string[] AttributeNames =
    [
        "addr_assign_type", "address", "broadcast", "carrier", "carrier_changes", "carrier_down_count", "carrier_up_count", "dev_id", "dormant",
        "duplex", "flags", "ifalias", "ifindex", "iflink", "link_mode", "mtu", "name_assign_type", "netdev_group", "operstate", "speed",
        "tx_queue_len", "type",
    ];

    /// <summary>What a counters-only read keeps of the attributes: what tells a reset, a flap, and the link's state.</summary>
    private static readonly string[] CounterAttributes = ["carrier_changes", "ifindex", "operstate"];

    /// <summary>
    /// Every interface, by name; an empty list when sysfs is not there (a tree without sys/). With
    /// <paramref name="countersOnly"/>, only statistics/* and <see cref="CounterAttributes"/> are read (no device,
    /// driver or queues): a sysfs file costs about 20 µs to read in a VM, and a check run every minute reads only what it judges.
    /// </summary>
    /// With <paramref name="attributesOnly"/>, only the interface's own attributes (what node_exporter's netclass
    /// collector exports: no statistics, device or queues).
    public static IReadOnlyList<NetInterface> Read(HostRoot root, bool countersOnly = false, bool attributesOnly = false) =>
        root.ListDirectory(Directory).Order(StringComparer.Ordinal).Select(name => Read(root, name, countersOnly, attributesOnly)).OfType<NetInterface>().ToArray();

    /// <summary>One interface, or null when it is not there (it went away while being read).</summary>
    public static NetInterface? Read(HostRoot root, string name, bool countersOnly = false, bool attributesOnly = false)
    {
        if (name.Contains('/') || name is "." or ".." || name.Length > 64)
        {
            return null;
        }

        var dir = $"{Directory}/{name}";
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in countersOnly ? CounterAttributes : AttributeNames)
        {
            if (root.ReadText($"{dir}/{attribute}", 4096).Value is { } text)
            {
                attributes[attribute] = text.TrimEnd('\n');
            }
        }

        if (attributes.Count == 0)
        {   // gone, or not an interface (bonding_masters is a file in the same directory)
            return null;
        }

        var statistics = new Dictionary<string, ulong>(StringComparer.Ordinal);
        if (attributesOnly)
        {
            return new NetInterface(name, attributes, statistics, null, null, null, null, 0, 0, [], null);
        }

        foreach (var counter in root.ListDirectory(dir + "/statistics"))
        {
            if (root.ReadNumber($"{dir}/statistics/{counter}") is { } value)
            {
                statistics[counter] = value;
            }
        }

        if (countersOnly)
        {
            return new NetInterface(name, attributes, statistics, null, null, null, null, 0, 0, [], null);
        }

        var queues = root.ListDirectory(dir + "/queues");
        // The device's place in /sys/devices (paths here are resolved by hand: .NET folds "x/link/.." to "x" before the kernel sees it).
        var device = Follow(root, Follow(root, dir) + "/device");
        var hasDevice = root.Exists(device);
        var parent = device[..Math.Max(1, device.LastIndexOf('/'))];
        var pci = IsPciAddress(device) ? device : IsPciAddress(parent) ? parent : null;
        var irqs = new[] { device + "/msi_irqs", parent + "/msi_irqs" }.Select(d => root.ListDirectory(d)).FirstOrDefault(l => l.Count > 0) ?? [];
        return new NetInterface(
            name, attributes, statistics,
            hasDevice ? LinkName(root, device + "/driver") : null,
            hasDevice ? LinkName(root, device + "/subsystem") : null,
            hasDevice ? root.ReadValue((pci ?? device) + "/vendor") : null,
            hasDevice ? root.ReadValue((pci ?? device) + "/device") : null,
            queues.Count(q => q.StartsWith("rx-", StringComparison.Ordinal)), queues.Count(q => q.StartsWith("tx-", StringComparison.Ordinal)),
            irqs.Select(i => int.TryParse(i, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1)
                .Where(n => n >= 0).Order().ToArray(),
            hasDevice && root.ReadNumber((pci ?? device) + "/irq") is { } irq and > 0 and <= int.MaxValue ? (int)irq : null);
    }

    /// <summary>Where the symbolic link <paramref name="path"/> points, as a kernel path (itself when it is no link).</summary>
    private static string Follow(HostRoot root, string path) =>
        root.ReadLink(path) is { } target
            ? Path.GetFullPath(target.StartsWith('/') ? target : Path.Combine(path[..Math.Max(1, path.LastIndexOf('/'))], target))
            : path;

    /// <summary>A PCI function's directory is named by its address, DDDD:BB:DD.F (0000:00:03.0).</summary>
    private static bool IsPciAddress(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.Length == 12 && name[4] == ':' && name[7] == ':' && name[10] == '.' && name.Where((c, i) => i is not (4 or 7 or 10)).All(char.IsAsciiHexDigit);
    }

    private static string? LinkName(HostRoot root, string link) => root.ReadLink(link) is { } target ? Path.GetFileName(target.TrimEnd('/')) : null;
}

namespace HostDoc.Sys.Net;

/// <summary>
/// One interface of <c>/sys/class/net/NAME/</c> (Documentation/ABI/testing/sysfs-class-net and
/// sysfs-class-net-statistics). An attribute this kernel or driver does not give (speed of a link that is
/// down, carrier_changes before 3.15, carrier_up_count before 4.16) is null.
/// </summary>
/// <param name="Name">The interface.</param>
/// <param name="Attributes">Every one-value attribute file read (address, mtu, operstate, speed, flags, type, …) by name.</param>
/// <param name="Statistics">statistics/* (rx_packets, rx_errors, rx_crc_errors, tx_carrier_errors, …) by name.</param>
/// <param name="Driver">The driver bound to the device it sits on (device/driver's name), null for virtual interfaces.</param>
/// <param name="Bus">The bus of that device (pci, virtio, usb, vmbus, xen), from its subsystem link.</param>
/// <param name="VendorId">The PCI vendor id (0x8086) of the device, or of the PCI function a virtio device sits on.</param>
/// <param name="DeviceId">The PCI device id (0x100e).</param>
/// <param name="ReceiveQueues">queues/rx-N.</param>
/// <param name="TransmitQueues">queues/tx-N.</param>
/// <param name="MsiIrqs">The device's MSI/MSI-X interrupts (msi_irqs/ of the device or its PCI function).</param>
/// <param name="Irq">The legacy interrupt line (device/irq) when it has no MSI.</param>
public sealed record NetInterface(
    string Name, IReadOnlyDictionary<string, string> Attributes, IReadOnlyDictionary<string, ulong> Statistics,
    string? Driver, string? Bus, string? VendorId, string? DeviceId, int ReceiveQueues, int TransmitQueues, IReadOnlyList<int> MsiIrqs, int? Irq)
{
    /// <summary>An attribute's text, or null.</summary>
    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);

    /// <summary>An attribute holding a number (decimal, or hex with 0x), or null; speed's -1 (unknown) is null.</summary>
    public long? Number(string name) => RawNumber(name) is { } v && !(name == "speed" && v < 0) ? v : null;

    /// <summary>An attribute holding a number as the file says it, -1 included (node_exporter exports speed -1 as it is).</summary>
    public long? RawNumber(string name) =>
        Attribute(name) is not { } text ? null
        : text.StartsWith("0x", StringComparison.Ordinal)
            ? long.TryParse(text.AsSpan(2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var hex) ? hex : null
            : long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var dec) ? dec : null;

    /// <summary>statistics/NAME, or null.</summary>
    public ulong? Counter(string name) => Statistics.TryGetValue(name, out var v) ? v : null;

    /// <summary>operstate (up, down, dormant, lowerlayerdown, notpresent, testing, unknown).</summary>
    public string? OperState => Attribute("operstate");

    /// <summary>Link speed in Mb/s (null when unknown or the link is down).</summary>
    public long? SpeedMbps => Number("speed");

    /// <summary>How often the link went down or came up since the interface was created (3.15+).</summary>
    public long? CarrierChanges => Number("carrier_changes");
}

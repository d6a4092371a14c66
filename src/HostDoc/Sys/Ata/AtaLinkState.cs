using HostDoc.Sources;

namespace HostDoc.Sys.Ata;

/// <summary>
/// What libata's transport class says of one port's link and device (Documentation/ABI/testing/sysfs-ata):
/// <c>/sys/class/ata_link/linkN/{sata_spd,sata_spd_limit,hw_sata_spd_limit}</c> and
/// <c>/sys/class/ata_device/devN.0/{class,xfer_mode,spdn_cnt}</c>. A link running below the speed
/// both ends support, or a device libata has slowed down (speed-down count above 0), has had errors.
/// </summary>
/// <param name="Port">The port, <c>ata6</c>.</param>
/// <param name="Speed">The negotiated speed, <c>3.0 Gbps</c>; null when unknown or down.</param>
/// <param name="SpeedLimit">The limit libata set, <c>&lt;unknown&gt;</c> when none.</param>
/// <param name="HardwareLimit">What the controller can do.</param>
/// <param name="DeviceClass">ata, atapi, pmp …</param>
/// <param name="TransferMode">The transfer mode, <c>UDMA/133</c>.</param>
/// <param name="SpeedDowns">How many times libata lowered the device's transfer mode after errors.</param>
public sealed record AtaLinkState(string Port, string? Speed, string? SpeedLimit, string? HardwareLimit, string? DeviceClass, string? TransferMode, int? SpeedDowns)
{
    /// <summary>Reads the state of <paramref name="port"/> (<c>ata6</c>); null when the transport class is not there.</summary>
    public static AtaLinkState? Read(HostRoot root, string port)
    {
        if (!port.StartsWith("ata", StringComparison.Ordinal) || port.Length < 4)
        {
            return null;
        }

        var id = port[3..];
        var link = $"/sys/class/ata_link/link{id}";
        var device = $"/sys/class/ata_device/dev{id}.0";
        if (!root.Exists(link) && !root.Exists(device))
        {
            return null;
        }

        return new AtaLinkState(port, Known(root.ReadValue(link + "/sata_spd")), root.ReadValue(link + "/sata_spd_limit"),
            root.ReadValue(link + "/hw_sata_spd_limit"), root.ReadValue(device + "/class"), root.ReadValue(device + "/xfer_mode"),
            KernelNumber.AsInt32(root.ReadNumber(device + "/spdn_cnt")));
    }

    /// <summary>True when the link runs slower than the controller allows: usually libata limited it after link errors, or a cable/backplane problem.</summary>
    public bool SlowerThanHardware =>
        Gbps(Speed) is { } now && Gbps(HardwareLimit) is { } max && now < max;

    private static string? Known(string? value) => value is null or "<unknown>" ? null : value;

    private static double? Gbps(string? value) =>
        value is not null && value.EndsWith(" Gbps", StringComparison.Ordinal)
        && double.TryParse(value[..^5], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var g) ? g : null;
}

namespace HostDoc.Sys.Hwmon;

/// <summary>
/// One <c>/sys/class/hwmon/hwmonN</c> chip (Documentation/hwmon/sysfs-interface.rst), named as node_exporter
/// 1.5 names it, with the raw text of every sensor file it and its <c>device/</c> directory hold.
/// </summary>
/// <param name="Name">
/// The stable name: the device's bus directory and its own, cleaned (<c>platform_coretemp_0</c>,
/// <c>pci0000:00_0000:00:18_3</c>); else the cleaned <c>name</c> file (<c>nct6779</c>); else <c>hwmonN</c>.
/// </param>
/// <param name="ChipName">The cleaned <c>name</c> file of the hwmon directory (<c>coretemp</c>); null when it has none.</param>
/// <param name="Sensors">
/// Sensor (<c>temp1</c>, <c>fan2</c>, <c>beep_enable0</c>) → property (<c>input</c>, <c>crit_alarm</c>,
/// <c>label</c>, empty for the bare <c>pwm1</c>) → the file's first 128 bytes without leading or trailing
/// newlines. Only files that could be read are here.
/// </param>
public sealed record HwmonChip(string Name, string? ChipName, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Sensors);

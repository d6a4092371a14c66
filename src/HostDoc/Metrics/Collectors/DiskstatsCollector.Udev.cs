using System.Collections.Frozen;
using System.Globalization;
using HostDoc.Proc;
using HostDoc.Run;
using HostDoc.Storage;

namespace HostDoc.Metrics.Collectors;

/// <summary>The udev-based series of <see cref="DiskstatsCollector"/>: node_disk_info, filesystem, device-mapper and ATA.</summary>
public static partial class DiskstatsCollector
{
    private static readonly UdevRecord NoRecord = new(FrozenDictionary<string, string>.Empty, [], null);

    /// <summary>The ATA properties node_exporter exports when ID_ATA is set, each when present and a number.</summary>
    private static readonly (string Key, string Name, string Help)[] Ata =
    [
        ("ID_ATA_ROTATION_RATE_RPM", "node_disk_ata_rotation_rate_rpm", "ATA disk rotation rate in RPMs (0 for SSDs)."),
        ("ID_ATA_WRITE_CACHE", "node_disk_ata_write_cache", "ATA disk has a write cache."),
        ("ID_ATA_WRITE_CACHE_ENABLED", "node_disk_ata_write_cache_enabled", "ATA disk has its write cache enabled."),
    ];

    /// <summary>The device's udev record; an empty one when there is none (a missing file is normal, another failure degrades).</summary>
    private static UdevRecord ReadUdev(CollectorContext context, DeviceNumber device)
    {
        var text = context.Root.ReadText(UdevRecord.DatabasePath(device.Major, device.Minor), 256 * 1024);
        if (text.ProblemsUnlessMissing.Count > 0)
        {
            context.Degrade();
        }

        return text.Value is { } db ? UdevRecord.Parse(db) : NoRecord;
    }

    private static IEnumerable<MetricFamily> UdevFamilies(List<DiskCounters> devices, UdevRecord[] udev)
    {
        var info = new List<MetricSample>();
        var filesystems = new List<MetricSample>();
        var mappers = new List<MetricSample>();
        var ata = Ata.Select(_ => new List<MetricSample>()).ToArray();
        for (var i = 0; i < devices.Count; i++)
        {
            var (d, u) = (devices[i], udev[i]);
            string P(string key) => u[key] ?? "";
            info.Add(MetricSample.Of(1, ("device", d.Name), ("major", d.Device.Major.ToString(CultureInfo.InvariantCulture)),
                ("minor", d.Device.Minor.ToString(CultureInfo.InvariantCulture)), ("model", P("ID_MODEL")), ("path", P("ID_PATH")),
                ("revision", P("ID_REVISION")), ("serial", P("ID_SERIAL_SHORT")), ("wwn", P("ID_WWN"))));
            if (P("ID_FS_TYPE") is { Length: > 0 } type)
            {
                filesystems.Add(MetricSample.Of(1, ("device", d.Name), ("type", type), ("usage", P("ID_FS_USAGE")), ("uuid", P("ID_FS_UUID")), ("version", P("ID_FS_VERSION"))));
            }

            if (P("DM_NAME") is { Length: > 0 } name)
            {
                mappers.Add(MetricSample.Of(1, ("device", d.Name), ("lv_layer", P("DM_LV_LAYER")), ("lv_name", P("DM_LV_NAME")), ("name", name),
                    ("uuid", P("DM_UUID")), ("vg_name", P("DM_VG_NAME"))));
            }

            for (var a = 0; a < Ata.Length && P("ID_ATA").Length > 0; a++)
            {
                if (AtaValue(u[Ata[a].Key]) is { } value)
                {
                    ata[a].Add(MetricSample.Of(value, ("device", d.Name)));
                }
            }
        }

        yield return new MetricFamily("node_disk_info", "Info of /sys/block/<block_device>.", MetricType.Gauge, info);
        yield return new MetricFamily("node_disk_filesystem_info", "Info about disk filesystem.", MetricType.Gauge, filesystems);
        yield return new MetricFamily("node_disk_device_mapper_info", "Info about disk device mapper.", MetricType.Gauge, mappers);
        for (var a = 0; a < Ata.Length; a++)
        {
            yield return new MetricFamily(Ata[a].Name, Ata[a].Help, MetricType.Gauge, ata[a]);
        }
    }

    /// <summary>A udev value read as Go's ParseFloat reads it (no surrounding spaces, no thousands separators); null unless finite.</summary>
    private static double? AtaValue(string? text) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) ? value : null;
}

using System.Globalization;
using HostDoc.Etc;

namespace HostDoc.Metrics.Collectors;

/// <summary>
/// node_os_info (the os-release fields node_exporter labels it with) and node_os_version{id,id_like,name}
/// (the leading major.minor of VERSION_ID as a number, 0 when it has none — Debian testing, Arch).
/// </summary>
public static class OsCollector
{
    /// <summary>The two series from the host's (or the tree's) os-release.</summary>
    public static IEnumerable<MetricFamily> Collect(CollectorContext context)
    {
        var os = OsRelease.Read(context.Root) ?? throw new SourceUnavailableException("/etc/os-release and /usr/lib/os-release: missing");
        string F(string key) => os.GetValueOrDefault(key, "");
        var version = double.TryParse(MajorMinor(F("VERSION_ID")), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : 0;
        return
        [
            new("node_os_info", "A metric with a constant '1' value labeled by build_id, id, id_like, image_id, image_version, name, pretty_name, variant, variant_id, version, version_codename, version_id.",
                MetricType.Gauge,
                [
                    MetricSample.Of(1, ("build_id", F("BUILD_ID")), ("id", F("ID")), ("id_like", F("ID_LIKE")), ("image_id", F("IMAGE_ID")), ("image_version", F("IMAGE_VERSION")),
                        ("name", F("NAME")), ("pretty_name", F("PRETTY_NAME")), ("variant", F("VARIANT")), ("variant_id", F("VARIANT_ID")), ("version", F("VERSION")),
                        ("version_codename", F("VERSION_CODENAME")), ("version_id", F("VERSION_ID"))),
                ]),
            new("node_os_version", "Metric containing the major.minor part of the OS version.", MetricType.Gauge,
                [MetricSample.Of(version, ("id", F("ID")), ("id_like", F("ID_LIKE")), ("name", F("NAME")))]),
        ];
    }

    /// <summary>The leading digits, a dot and the digits after it (node_exporter's <c>^[0-9]+\.?[0-9]*</c>): "12" of "12", "22.04" of "22.04.3"; empty when it starts otherwise.</summary>
    private static string MajorMinor(string versionId)
    {
        var end = 0;
        while (end < versionId.Length && char.IsAsciiDigit(versionId[end]))
        {
            end++;
        }

        if (end > 0 && end < versionId.Length && versionId[end] == '.')
        {
            end++;
            while (end < versionId.Length && char.IsAsciiDigit(versionId[end]))
            {
                end++;
            }
        }

        return versionId[..end];
    }
}

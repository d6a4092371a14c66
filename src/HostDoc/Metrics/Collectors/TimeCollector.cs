using System.Globalization;

namespace HostDoc.Metrics.Collectors;

/// <summary>
/// node_time_seconds and node_time_zone_offset_seconds{time_zone} from the host's clock (the model's
/// clock, so a test can fix it), and node_time_clocksource_{available,current}_info{device,clocksource}
/// from every /sys/devices/system/clocksource/clocksourceN.
/// </summary>
public static class TimeCollector
{
    /// <summary>The time families; the clocksource ones only where sysfs has them.</summary>
    public static IEnumerable<MetricFamily> Collect(CollectorContext context)
    {
        var now = context.Host.Clock.GetUtcNow();
        var zone = context.Host.Clock.LocalTimeZone;
        var offset = zone.GetUtcOffset(now);
        var families = new List<MetricFamily>
        {
            new("node_time_seconds", "System time in seconds since epoch (1970).", MetricType.Gauge, [MetricSample.Of(now.ToUnixTimeMilliseconds() / 1e3)]),
            new("node_time_zone_offset_seconds", "System time zone offset in seconds.", MetricType.Gauge, [MetricSample.Of(offset.TotalSeconds, ("time_zone", Abbreviation(zone, now)))]),
        };
        var available = new List<MetricSample>();
        var current = new List<MetricSample>();
        const string Dir = "/sys/devices/system/clocksource/";
        var devices = context.Root.ListDirectory(Dir)
            .Where(d => d.StartsWith("clocksource", StringComparison.Ordinal) && d.Length > 11 && !d.AsSpan(11).ContainsAnyExceptInRange('0', '9'))
            .Order(StringComparer.Ordinal).ToArray();   // in the order a glob lists them, as procfs numbers them
        for (var i = 0; i < devices.Length; i++)
        {
            var device = i.ToString(CultureInfo.InvariantCulture);
            foreach (var source in (context.Root.ReadValue(Dir + devices[i] + "/available_clocksource") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                available.Add(MetricSample.Of(1, ("clocksource", source), ("device", device)));
            }

            if (context.Root.ReadValue(Dir + devices[i] + "/current_clocksource") is { Length: > 0 } c)
            {
                current.Add(MetricSample.Of(1, ("clocksource", c), ("device", device)));
            }
        }

        families.Add(new("node_time_clocksource_available_info", "Available clocksources read from '/sys/devices/system/clocksource'.", MetricType.Gauge, available));
        families.Add(new("node_time_clocksource_current_info", "Current clocksource read from '/sys/devices/system/clocksource'.", MetricType.Gauge, current));
        return families;
    }

    /// <summary>The zone's abbreviation as the C library prints it (UTC, CET, CEST); .NET without ICU gives the tz database's abbreviations as its names.</summary>
    private static string Abbreviation(TimeZoneInfo zone, DateTimeOffset now) =>
        zone.Id is "UTC" or "Etc/UTC" or "Universal" or "Etc/Universal" or "Zulu" ? "UTC"
        : zone.IsDaylightSavingTime(now) ? zone.DaylightName : zone.StandardName;
}

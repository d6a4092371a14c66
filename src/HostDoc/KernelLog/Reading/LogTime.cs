using System.Globalization;

namespace HostDoc.KernelLog.Reading;

/// <summary>
/// When a log line was written, as far as its envelope says: a wall-clock time (a syslog
/// timestamp has no year, so the year may be inferred), the kernel's uptime stamp, and which boot of
/// the log it belongs to (each boot its own timeline: uptime restarts at 0).
/// </summary>
/// <param name="Wall">The wall-clock time as printed (local to the host that wrote it).</param>
/// <param name="YearKnown">False when the year was inferred (BSD syslog prints none).</param>
/// <param name="Uptime">Seconds since boot from a <c>[  222.909534]</c> stamp or a kmsg record.</param>
/// <param name="Boot">0 for the first boot seen in the input, then 1, 2 … at each reboot.</param>
/// <param name="Offset">The UTC offset of <paramref name="Wall"/> when the envelope said it (RFC 3339, ISO with a zone, the journal's UTC stamps, kmsg on a known clock); null for BSD syslog and dmesg -T, which print local time without a zone.</param>
public readonly record struct LogTime(DateTime? Wall, bool YearKnown, double? Uptime, int Boot, TimeSpan? Offset = null)
{
    /// <summary>A time to order and compare lines of one input by: wall clock when known, else boot and uptime.</summary>
    public double SortKey => Wall is { } w ? w.Ticks / (double)TimeSpan.TicksPerSecond : (Boot * 1e9) + (Uptime ?? 0);

    /// <summary>Seconds from <paramref name="earlier"/> to this time; null when the two cannot be compared.</summary>
    public double? SecondsSince(LogTime earlier) =>
        Wall is { } w && earlier.Wall is { } e ? (w - e).TotalSeconds
        : Uptime is { } u && earlier.Uptime is { } eu && Boot == earlier.Boot ? u - eu
        : null;

    /// <summary>As a person reads it: <c>2014-03-18 13:27:44</c>, <c>Mar 18 13:27:44</c> without a known year, or <c>boot 0 +222.909534s</c>.</summary>
    public override string ToString() =>
        Wall is { } w
            ? w.ToString(YearKnown ? "yyyy-MM-dd HH:mm:ss" : "MMM dd HH:mm:ss", CultureInfo.InvariantCulture)
            : Uptime is { } u ? string.Create(CultureInfo.InvariantCulture, $"boot {Boot} +{u:0.000000}s") : "unknown time";

    /// <summary>The wall time in ISO 8601 for machine output, or null.</summary>
    public string? IsoWall => Wall?.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFF", CultureInfo.InvariantCulture);

    /// <summary>The time in RFC 3339 (with its UTC offset), or null when the zone or the year is not known.</summary>
    public string? Rfc3339 => Wall is { } w && Offset is { } o && YearKnown
        ? new DateTimeOffset(DateTime.SpecifyKind(w, DateTimeKind.Unspecified), o).ToString(o == TimeSpan.Zero ? "yyyy-MM-ddTHH:mm:ss.FFFFFFZ" : "yyyy-MM-ddTHH:mm:ss.FFFFFFzzz", CultureInfo.InvariantCulture)
        : null;
}

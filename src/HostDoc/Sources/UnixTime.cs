namespace HostDoc.Sources;

/// <summary>Seconds since the epoch as kernel files give them, checked against what a date can hold.</summary>
public static class UnixTime
{
    private static readonly long MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>The instant <paramref name="seconds"/> after the epoch; null past year 9999 (a damaged value, not a time).</summary>
    public static DateTimeOffset? FromSeconds(ulong seconds) =>
        seconds <= (ulong)MaxSeconds ? DateTimeOffset.FromUnixTimeSeconds((long)seconds) : null;

    /// <summary><paramref name="start"/> plus <paramref name="seconds"/> (either sign); null when that leaves the calendar.</summary>
    public static DateTime? Add(DateTime start, double seconds)
    {
        var ticks = seconds * TimeSpan.TicksPerSecond;
        return double.IsFinite(ticks) && ticks > DateTime.MinValue.Ticks - start.Ticks && ticks < DateTime.MaxValue.Ticks - start.Ticks
            ? start.AddTicks((long)ticks)
            : null;
    }
}

using HostDoc.Findings;

namespace HostDoc.Network;

/// <summary>
/// What the counters did over a span of time: between two samples (an interval, or the last run's
/// state and now), or since boot when there is no earlier sample. A counter that went down was reset
/// (an interface re-created, the module reloaded) and counts from zero; softnet_stat's 32-bit counters
/// wrap, and a smaller value there is a wrap.
/// </summary>
/// <param name="Before">The earlier sample, or null for "since boot".</param>
/// <param name="After">The later sample.</param>
public sealed record NetworkWindow(NetworkSample? Before, NetworkSample After)
{
    /// <summary>True when the window starts at boot.</summary>
    public bool SinceBoot => Before is null;

    /// <summary>The window's length in seconds (uptime's difference, or the uptime), null when a sample has no clock.</summary>
    public double? Seconds => Before is null ? After.UptimeSeconds
        : After.UptimeSeconds - Before.UptimeSeconds is { } d && d > 0 ? d : null;

    /// <summary>"since boot" or "in the last 5 min", for the findings' text.</summary>
    public string Span => SinceBoot ? "since boot" : Seconds is { } s ? $"in the last {Durations.Say(s)}" : "since the last run";

    /// <summary>How much the counter rose in the window; null when the later sample lacks it.</summary>
    public double? Delta(string key)
    {
        if (After[key] is not { } after)
        {
            return null;
        }

        if (Before?[key] is not { } before || before == after)
        {
            return Before is null || Before[key] is null ? after : 0;
        }

        var ifindex = key.StartsWith("dev/", StringComparison.Ordinal) ? key[..(key.LastIndexOf('/') + 1)] + "ifindex" : null;
        if (ifindex is not null && Before[ifindex] != After[ifindex])
        {
            return after;   // another interface by the same name: its counters started at zero
        }

        if (after > before)
        {
            return after - before;
        }

        return key.StartsWith("softnet/", StringComparison.Ordinal) && before <= uint.MaxValue ? after + 4294967296.0 - before : after;
    }

    /// <summary>The sum of <see cref="Delta"/> over <paramref name="keys"/> (missing keys count zero).</summary>
    public double Sum(params string[] keys) => keys.Sum(k => Delta(k) ?? 0);

    /// <summary>Per second over the window, or null without a clock.</summary>
    public double? Rate(double delta) => Seconds is { } s ? delta / s : null;
}

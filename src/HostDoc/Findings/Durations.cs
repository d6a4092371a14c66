using System.Globalization;

namespace HostDoc.Findings;

/// <summary>Spans of time as the findings' text says them: "45 s", "12 min", "3.5 h", "4.2 d".</summary>
public static class Durations
{
    /// <summary>The span in its largest whole unit.</summary>
    public static string Say(TimeSpan span) => Say(span.TotalSeconds);

    /// <summary>The span of <paramref name="seconds"/> in its largest whole unit.</summary>
    public static string Say(double seconds) =>
        seconds >= 86400 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400:0.#} d")
        : seconds >= 3600 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h")
        : seconds >= 60 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0} min")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds:0.#} s");
}

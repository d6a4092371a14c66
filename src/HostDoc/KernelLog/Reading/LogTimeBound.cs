using System.Globalization;

namespace HostDoc.KernelLog.Reading;

/// <summary>
/// A <c>--since</c>/<c>--until</c> value: <c>2014-03-18</c>, <c>2014-03-18 13:27</c>,
/// <c>2014-03-18T13:27:44</c>, <c>today</c>, <c>yesterday</c>, or a span back from now
/// (<c>90s</c>, <c>30m</c>, <c>2h</c>, <c>7d</c>, with or without a leading <c>-</c>). Validated when
/// the command line is read, resolved against the clock when the command runs (<c>hostdoc logs</c>,
/// <c>check kernel-log --since</c>).
/// </summary>
public sealed record LogTimeBound(DateTime? Absolute, TimeSpan? Ago, int DaysBack)
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];

    private const double MaxSpanSeconds = 1000 * 365.25 * 86400;

    /// <summary>Parses <paramref name="text"/>; null when it is none of the forms.</summary>
    public static LogTimeBound? Parse(string text)
    {
        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var absolute))
        {
            return new LogTimeBound(absolute, null, 0);
        }

        switch (text)
        {
            case "today": return new LogTimeBound(null, null, 0);
            case "yesterday": return new LogTimeBound(null, null, 1);
            default: break;
        }

        var span = text.TrimStart('-');
        if (span.Length < 2 || !double.TryParse(span[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        double? seconds = span[^1] switch
        {
            's' => amount,
            'm' => amount * 60,
            'h' => amount * 3600,
            'd' => amount * 86400,
            _ => null,
        };

        // A span of more than 1,000 years is not a time anyone means (and soon more than TimeSpan holds): refused like a typo.
        TimeSpan? ago = seconds is { } s && s <= MaxSpanSeconds ? TimeSpan.FromSeconds(s) : null;
        return ago is null ? null : new LogTimeBound(null, ago, 0);
    }

    /// <summary>The local time this stands for, <paramref name="now"/> being the local time now.</summary>
    public DateTime Resolve(DateTime now) =>
        Absolute ?? (Ago is { } ago ? (now.Ticks > ago.Ticks ? now - ago : DateTime.MinValue) : now.Date.AddDays(-DaysBack));
}

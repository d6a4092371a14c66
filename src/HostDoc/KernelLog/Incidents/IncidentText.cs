using System.Globalization;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Incidents;

/// <summary>Number and time formatting shared by the incident texts.</summary>
internal static class IncidentText
{
    /// <summary><c>291,766,746</c>.</summary>
    public static string Number(ulong value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary><c>once</c>, <c>twice</c>, <c>3 times</c>.</summary>
    public static string Times(int count) => count switch
    {
        1 => "once",
        2 => "twice",
        _ => $"{count} times",
    };

    /// <summary>The times, the date printed once when they share it: <c>Mar 18 13:27:44, 14:01:31, 14:34:59</c>.</summary>
    public static string TimeList(IReadOnlyList<LogTime> times, int total)
    {
        var parts = new List<string>();
        DateTime? day = null;
        foreach (var t in times)
        {
            parts.Add(t.Wall is { } w && day is { } d && w.Date == d.Date
                ? w.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
                : t.ToString());
            day = t.Wall;
        }

        return string.Join(", ", parts) + (total > times.Count ? $" and {total - times.Count} more" : "");
    }
}

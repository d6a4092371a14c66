using System.Globalization;

namespace HostDoc.Proc;

/// <summary><c>/proc/uptime</c>: seconds since boot (and idle seconds, unused).</summary>
public static class Uptime
{
    /// <summary>The kernel path.</summary>
    public const string KernelPath = "/proc/uptime";

    /// <summary>Seconds since boot, or null when unreadable or malformed.</summary>
    public static double? Read(HostRoot root)
    {
        var text = root.ReadText(KernelPath, 256).Value;
        if (text is null)
        {
            return null;
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? text.AsSpan().Trim() : text.AsSpan(0, space);
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
    }
}

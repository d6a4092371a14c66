namespace HostDoc.Metrics;

/// <summary>
/// <see cref="MetricsOptions.DefaultDiskExclude"/> without a regular-expression engine (which would cost
/// every hostdoc start a millisecond): a name that is <c>ram</c>, <c>loop</c>, <c>fd</c>, <c>hd</c>/<c>sd</c>/<c>vd</c>/<c>xvd</c>
/// plus one letter, or <c>nvme</c>N<c>n</c>N<c>p</c>, followed by digits and nothing else.
/// </summary>
public static class DefaultDiskExclusion
{
    /// <summary>True for the devices node_exporter's default pattern excludes (sda1, nvme0n1p2, loop3, ram0); false for whole disks (sda, nvme0n1, dm-0, md0).</summary>
    public static bool Matches(string name)
    {
        var s = name.AsSpan();
        var digits = s.Length;
        while (digits > 0 && char.IsAsciiDigit(s[digits - 1]))
        {
            digits--;
        }

        if (digits == s.Length)
        {
            return false;
        }

        var stem = s[..digits];
        if (stem is "ram" or "loop" or "fd")
        {
            return true;
        }

        if (stem.Length >= 3 && char.IsAsciiLetterLower(stem[^1]) && stem[^2] == 'd' && stem[..^2] is "h" or "s" or "v" or "xv")
        {
            return true;
        }

        // nvme<digits>n<digits>p
        if (!stem.StartsWith("nvme") || stem[^1] != 'p')
        {
            return false;
        }

        var middle = stem[4..^1];
        var n = middle.IndexOf('n');
        return n > 0 && n < middle.Length - 1 && !middle[..n].ContainsAnyExceptInRange('0', '9') && !middle[(n + 1)..].ContainsAnyExceptInRange('0', '9');
    }
}

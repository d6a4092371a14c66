using System.Globalization;

namespace HostDoc.Etc.Nss;

/// <summary>nscd.conf(5)'s settings for the group cache: <c>enable-cache group yes</c>, <c>persistent</c>, <c>shared</c> and the times to live.</summary>
/// <param name="Enabled">enable-cache group yes.</param>
/// <param name="Persistent">persistent group yes: the cache survives a restart (kept in /var/cache/nscd/group).</param>
/// <param name="Shared">shared group yes: clients read the cache's memory directly.</param>
/// <param name="PositiveTtl">positive-time-to-live group, seconds (nscd's default 3600).</param>
/// <param name="NegativeTtl">negative-time-to-live group, seconds (nscd's default 60).</param>
/// <param name="At">The file and line of enable-cache group.</param>
public sealed record NscdConfig(bool Enabled, bool Persistent, bool Shared, long PositiveTtl, long NegativeTtl, string At)
{
    /// <summary>The configuration file.</summary>
    public const string Path = "/etc/nscd.conf";

    /// <summary>The group cache's settings from <paramref name="text"/>.</summary>
    public static NscdConfig Parse(string text)
    {
        bool enabled = false, persistent = false, shared = false;
        long positive = 3600, negative = 60;
        var at = Path;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var hash = raw.IndexOf('#');
            var words = (hash >= 0 ? raw[..hash] : raw).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length != 3 || words[1] != "group")
            {
                continue;
            }

            var yes = words[2] == "yes";
            switch (words[0])
            {
                case "enable-cache": enabled = yes; at = $"{Path}:{number}"; break;
                case "persistent": persistent = yes; break;
                case "shared": shared = yes; break;
                case "positive-time-to-live" when long.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out var p): positive = p; break;
                case "negative-time-to-live" when long.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n): negative = n; break;
            }
        }

        return new NscdConfig(enabled, persistent, shared, positive, negative, at);
    }
}

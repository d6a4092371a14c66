using System.Globalization;
using System.Text;

namespace HostDoc.Network;

/// <summary>
/// <c>check net --state FILE</c>'s memory: the last run's <see cref="NetworkSample"/>, so this run judges
/// what the counters did since then rather than since boot. Plain text, a line each: the schema
/// (<c>hostdoc.net-state/1</c>), <c>uptime SECONDS</c>, <c>boot_id ID</c>, then <c>KEY VALUE</c>; replaced
/// atomically. A state from another boot (its boot id differs, or its uptime is ahead of now) is no
/// earlier sample: the counters restarted.
/// </summary>
public static class NetworkStateFile
{
    /// <summary>The first line.</summary>
    public const string Schema = "hostdoc.net-state/1";

    /// <summary>The earlier sample at <paramref name="path"/> if it is of this boot; null when there is none, with <paramref name="error"/> when the file is not a state file.</summary>
    public static NetworkSample? Load(string path, NetworkSample now, out string? error)
    {
        error = null;
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = new List<string>();
        try
        {
            using var reader = new StreamReader(path);   // hostdoc's own file, not the host's: no HostRoot
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: cannot read the state ({ex.Message})";
            return null;
        }

        return Parse(path, lines, now, out error);
    }

    /// <summary>The state in <paramref name="lines"/> if it is of <paramref name="now"/>'s boot; lines that are not "KEY NUMBER" are skipped.</summary>
    public static NetworkSample? Parse(string path, IReadOnlyList<string> lines, NetworkSample now, out string? error)
    {
        error = null;
        if (lines.Count == 0 || lines[0] != Schema)
        {
            error = $"{path}: not a {Schema} state file; move it away to start over";
            return null;
        }

        double? uptime = null;
        string? bootId = null;
        var counters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var space = line.IndexOf(' ');
            if (space <= 0)
            {
                continue;
            }

            var (key, value) = (line[..space], line[(space + 1)..]);
            if (key == "boot_id")
            {
                bootId = value;
            }
            else if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                if (key == "uptime")
                {
                    uptime = number;
                }
                else
                {
                    counters[key] = number;
                }
            }
        }

        var sameBoot = (bootId is null || now.BootId is null || bootId == now.BootId) && !(uptime > now.UptimeSeconds);
        return sameBoot ? new NetworkSample(uptime, bootId, counters) : null;
    }

    /// <summary>Replaces the state with <paramref name="sample"/> (call it holding the state's lock).</summary>
    public static void Save(string path, NetworkSample sample) =>
        StateFiles.AtomicFile.Replace(path, stream =>
        {
            var text = new StringBuilder().Append(Schema).Append('\n');
            if (sample.UptimeSeconds is { } uptime)
            {
                text.Append(CultureInfo.InvariantCulture, $"uptime {uptime:R}\n");
            }

            if (sample.BootId is { } boot)
            {
                text.Append(CultureInfo.InvariantCulture, $"boot_id {boot}\n");
            }

            foreach (var (key, value) in sample.Counters.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                text.Append(CultureInfo.InvariantCulture, $"{key} {value:R}\n");
            }

            stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
        });
}

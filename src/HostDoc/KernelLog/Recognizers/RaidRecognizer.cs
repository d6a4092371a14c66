using System.Globalization;
using HostDoc.Findings;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>
/// Redundancy lost: md RAID dropping a member (<c>md/raid1:md0: Disk failure on sdb1, disabling device.</c>
/// then <c>Operation continuing on 1 devices.</c> or raid4/5/6's <c>Cannot continue operation (2/4 failed).</c>),
/// its rebuild finishing (<c>md: md0: recovery done.</c>, 6.11+ <c>recover done</c>), and device-mapper multipath
/// failing and reinstating paths (<c>device-mapper: multipath: [dm-3: ]Failing path 8:32.</c>) with multipathd's
/// count of what is left (<c>mpatha: remaining active paths: 0</c>).
/// </summary>
public sealed class RaidRecognizer : ILineRecognizer
{
    private string? lastArray;

    /// <inheritdoc/>
    public IEnumerable<LogAnchor> Anchors =>
        ["raid", "md: md", "ing path ", "active paths", "path is down"];

    /// <inheritdoc/>
    public bool Recognize(LogLine line, LogLine? previous, IEventSink sink)
    {
        var m = line.Message;
        if (m.Contains("Failing path ", StringComparison.Ordinal) || m.Contains("Reinstating path ", StringComparison.Ordinal))
        {
            return Path(line, m, sink);
        }

        if (m.Contains(" checker reports path is down", StringComparison.Ordinal) && m.IndexOf(": ", StringComparison.Ordinal) is var mapEnd and > 0)
        {
            // multipathd: "mpathaq: sdak - tur checker reports path is down"
            var map = m[..mapEnd];
            var path = m[(mapEnd + 2)..].Split(' ', 2)[0];
            var data = new FindingData().Set("map", map).Set("path", path);
            sink.Emit(new SystemEvent(line, SystemEventKind.PathFailed, map, $"path {path} is down (path checker)", data.Fields));
            return true;
        }

        if (m.Contains(": remaining active paths: ", StringComparison.Ordinal))
        {
            var map = m[..m.IndexOf(':', StringComparison.Ordinal)].Trim();
            var left = MessageText.WholeNumberAfter(m, "remaining active paths: ");
            if (left is null)
            {
                return false;
            }

            var data = new FindingData().Set("map", map).Set("remaining_paths", left);
            sink.Emit(new SystemEvent(line, SystemEventKind.PathFailed, "multipath", $"{map}: {left} active path{(left == 1 ? "" : "s")} left", data.Fields,
                Continues: left > 0));
            return true;
        }

        if (m.StartsWith("md: md", StringComparison.Ordinal) && (m.EndsWith(" done.", StringComparison.Ordinal) || m.EndsWith(" done", StringComparison.Ordinal)))
        {
            // "md: md0: recovery done." (6.11+: "recover done."); a resync or check finishing is not a rebuild.
            var nameEnd = m.IndexOf(':', 4);
            if (nameEnd <= 4 || !m.Contains(": recover", StringComparison.Ordinal))
            {
                return false;
            }

            var array = m[4..nameEnd];
            sink.Emit(new SystemEvent(line, SystemEventKind.RaidDegraded, array, "the rebuild finished", new FindingData().Set("md", array).Fields, Ends: true));
            return true;
        }

        var (level, body) = MdPrefix(m);
        if (level is null)
        {
            return false;
        }

        // 2.6's "raid1: Disk failure on sdb1, disabling device." names no array: the last one named stands in.
        var colon = body.IndexOf(": ", StringComparison.Ordinal);
        var named = colon > 0 && body.StartsWith("md", StringComparison.Ordinal);
        var md = named ? body[..colon] : lastArray ?? "md";
        var text = named ? body[(colon + 2)..] : body.TrimStart();
        lastArray = md;
        var fields = new FindingData().Set("md", md).Set("raid_level", level);
        if (text.StartsWith("Disk failure on ", StringComparison.Ordinal))
        {
            var member = text[16..].Split(',', 2)[0].Trim();
            fields.Set("member", member);
            sink.Emit(new SystemEvent(line, SystemEventKind.RaidDegraded, md, $"{member} failed and was disabled", fields.Fields));
            return true;
        }

        if (text.StartsWith("Operation continuing on ", StringComparison.Ordinal))
        {
            fields.Set("remaining_devices", MessageText.WholeNumberAfter(text, "continuing on "));
            sink.Emit(new SystemEvent(line, SystemEventKind.RaidDegraded, md, text.TrimEnd('.'), fields.Fields, Continues: true));
            return true;
        }

        if (text.StartsWith("Cannot continue operation", StringComparison.Ordinal))
        {
            fields.Set("array_failed", true);
            sink.Emit(new SystemEvent(line, SystemEventKind.RaidDegraded, md, text.TrimEnd('.'), fields.Fields, Continues: true));
            return true;
        }

        return false;
    }

    /// <summary>The RAID level and the rest of <c>md/raid1:md0: …</c> (<c>md/raid:</c> is raid4/5/6; 2.6: <c>raid1: …</c>), or no level.</summary>
    private static (string? Level, string Body) MdPrefix(string m)
    {
        var start = m.StartsWith("md/raid", StringComparison.Ordinal) ? 7 : m.StartsWith("raid", StringComparison.Ordinal) ? 4 : -1;
        var colon = start < 0 ? -1 : m.IndexOf(':', start);
        if (colon < 0)
        {
            return (null, m);
        }

        var digits = m[start..colon];
        var level = digits.Length == 0 ? "raid4/5/6" : int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"raid{digits}" : null;
        return (level, m[(colon + 1)..]);
    }

    private static bool Path(LogLine line, string m, IEventSink sink)
    {
        // "device-mapper: multipath: Failing path 8:32." / 5.8+ "device-mapper: multipath: 253:3: Failing path 65:16."
        var failing = m.Contains("Failing path ", StringComparison.Ordinal);
        var key = failing ? "Failing path " : "Reinstating path ";
        var at = m.IndexOf(key, StringComparison.Ordinal);
        var path = m[(at + key.Length)..].TrimEnd('.', ' ');
        var prefix = m[..at].TrimEnd(' ', ':');
        var dm = prefix.LastIndexOf(": ", StringComparison.Ordinal) is var c and >= 0 ? prefix[(c + 2)..] : null;
        dm = dm is null || dm.Contains("multipath", StringComparison.Ordinal) ? null : dm;
        if (path.Length == 0)
        {
            return false;
        }

        var data = new FindingData().Set("path", path).Set("dm", dm);
        sink.Emit(new SystemEvent(line, SystemEventKind.PathFailed, "multipath", failing ? $"path {path} failed" : $"path {path} reinstated", data.Fields,
            Ends: !failing));
        return true;
    }
}

using System.Globalization;

namespace HostDoc.KernelLog.Reading;

/// <summary>
/// Takes one log line apart, detecting its envelope per line (a file may mix them, a paste more so):
/// kmsg records, <c>&lt;N&gt;</c> priorities, <c>[uptime]</c>, <c>dmesg -T</c>, BSD syslog with or
/// without host, year-first syslog with a level word, journalctl short / short-iso / short-precise /
/// short-monotonic and their <c>--</c> markers, RFC 3339, <c>-o json</c>, logread facility prefixes,
/// and quoted or indented pastes. Anything it cannot place is a bare message, never an error.
/// </summary>
public static class LogEnvelopeParser
{
    private static readonly string[] LevelWords = ["emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"];

    /// <summary>Parses <paramref name="line"/>.</summary>
    public static LogEnvelope Parse(string line)
    {
        var s = line.AsSpan().TrimEnd();
        s = StripPasteQuoting(s);
        if (s.StartsWith("-- ", StringComparison.Ordinal) && s.EndsWith("--", StringComparison.Ordinal))
        {
            return Marker(s);
        }

        if (s.Length > 0 && s[0] == '{')
        {
            return JournalJsonLine.Parse(s) ?? Bare(s, -1);
        }

        if (KmsgRecord.TryParse(s) is { } record)
        {
            return new LogEnvelope(null, false, record.Microseconds / 1e6, record.Level, null, true, LogMarker.None, SplitTorn(record.Message));
        }

        var level = TakePriority(ref s);
        if (s.StartsWith("kernel:", StringComparison.Ordinal))
        {
            s = s[7..].TrimStart();   // the syslog tag without its header: a wall broadcast (" kernel:unregister_netdevice: …") or a paste
        }

        DateTime? wall = null;
        var yearKnown = false;
        double? uptime = null;
        if (s.Length > 2 && s[0] == '[' && s.IndexOf(']') is var relative and > 2 && s[1..relative].Trim().StartsWith('+'))
        {
            s = s[(relative + 1)..].TrimStart();   // dmesg -H's "[  +0.000041]": time since the line before, no time of its own
        }

        if (s.Length > 0 && s[0] == '[' && s.IndexOf(']') is var close and > 0)
        {
            if (ClockText.TryUptime(s[1..close], out var up))
            {
                uptime = up;
                s = s[(close + 1)..].TrimStart();
                s = StripKernelTag(s, out _, allowHost: true);
            }
            else if (ClockText.TryCtime(s[1..close], out var t))
            {
                wall = t;
                yearKnown = true;
                s = s[(close + 1)..].TrimStart();
            }
        }
        else if (TryWallClock(s, out var t, out yearKnown, out var used, out var offset))
        {
            wall = t;
            s = s[used..].TrimStart();
            var header = ReadSyslogHeader(ref s, ref level);
            if (header.Tagged && !header.IsKernel)
            {
                return new LogEnvelope(wall, yearKnown, null, level, header.Host, false, LogMarker.None, [s.Trim().ToString()], Offset: offset, Program: header.Tag);
            }

            return Inner(s, wall, yearKnown, level, header.Host, offset: offset);
        }
        else if (TryFacilityPrefix(s, out var facilityLevel, out var afterFacility))
        {
            level = facilityLevel;
            s = afterFacility;
        }

        return Inner(s, wall, yearKnown, level, null, uptime);
    }

    private static LogEnvelope Inner(ReadOnlySpan<char> s, DateTime? wall, bool yearKnown, int level, string? host, double? uptime = null, TimeSpan? offset = null)
    {
        if (s.Length > 0 && s[0] == '[' && s.IndexOf(']') is var close and > 0 && ClockText.TryUptime(s[1..close], out var up))
        {
            uptime ??= up;
            s = s[(close + 1)..];
        }

        s = s.TrimStart();
        var inner = TakePriority(ref s);
        return new LogEnvelope(wall, yearKnown, uptime, level >= 0 ? level : inner, host, true, LogMarker.None, SplitTorn(s.ToString()), Offset: offset);
    }

    private static LogEnvelope Bare(ReadOnlySpan<char> s, int level) =>
        new(null, false, null, level, null, true, LogMarker.None, SplitTorn(s.ToString()));

    private static LogEnvelope Marker(ReadOnlySpan<char> s)
    {
        var body = s[3..^2].Trim();
        if (body.StartsWith("Reboot", StringComparison.Ordinal) || body.StartsWith("Boot ", StringComparison.Ordinal))
        {
            return new LogEnvelope(null, false, null, -1, null, true, LogMarker.Reboot, []);
        }

        if (body.StartsWith("Logs begin at", StringComparison.Ordinal) || body.StartsWith("Journal begins at", StringComparison.Ordinal))
        {
            var dash = body.IndexOf('-');
            DateTime? when = dash >= 4 && ClockText.TryIso(body[(dash - 4)..], out var t, out _) ? t : null;
            return new LogEnvelope(when, when is not null, null, -1, null, true, LogMarker.LogsBegin, []);
        }

        return new LogEnvelope(null, false, null, -1, null, true, LogMarker.Other, []);
    }

    private static ReadOnlySpan<char> StripPasteQuoting(ReadOnlySpan<char> s)
    {
        var trimmed = s.TrimStart();
        while (trimmed.Length > 0 && trimmed[0] == '>')
        {
            trimmed = trimmed[1..].TrimStart();
        }

        if (trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"')
        {
            trimmed = trimmed[1..^1];
        }

        return trimmed;
    }

    private static int TakePriority(ref ReadOnlySpan<char> s)
    {
        if (s.Length >= 3 && s[0] == '<' && s.IndexOf('>') is var close and > 1 and < 5
            && int.TryParse(s[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var priority))
        {
            s = s[(close + 1)..];
            return priority & 7;
        }

        return -1;
    }

    private static bool TryWallClock(ReadOnlySpan<char> s, out DateTime time, out bool yearKnown, out int used, out TimeSpan? offset)
    {
        yearKnown = true;
        offset = null;
        if (s.Length > 5 && char.IsAsciiDigit(s[0]))
        {
            if (ClockText.TryIso(s, out time, out used, out offset))
            {
                return true;
            }

            // Year first, then BSD (SONiC): "2025 Jul  2 06:56:57.749624 host ERR kernel: …"
            if (s[4] == ' ' && int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && ClockText.TryBsd(s[5..], out var t, out var bsdLength) && year is >= 1 and <= 9999
                && !(t.Month == 2 && t.Day == 29 && !DateTime.IsLeapYear(year)))
            {
                time = new DateTime(year, t.Month, t.Day, 0, 0, 0, DateTimeKind.Unspecified) + t.TimeOfDay;
                used = 5 + bsdLength;
                return true;
            }
        }

        if (ClockText.TryBsd(s, out time, out used))
        {
            yearKnown = false;
            return true;
        }

        // logread: "Mon Jul  2 06:56:57 2025 kern.info kernel: …" (ctime without brackets: the first five words).
        var end = 0;
        for (var words = 0; words < 5 && end < s.Length; words++)
        {
            while (end < s.Length && s[end] == ' ')
            {
                end++;
            }

            while (end < s.Length && s[end] != ' ')
            {
                end++;
            }
        }

        used = end;
        return end > 0 && ClockText.TryCtime(s[..end], out time);
    }

    private readonly record struct SyslogHeader(string? Host, bool Tagged, bool IsKernel, string? Tag = null);

    private static SyslogHeader ReadSyslogHeader(ref ReadOnlySpan<char> s, ref int level)
    {
        string? host = null;
        for (var token = 0; token < 3; token++)
        {
            var space = s.IndexOf(' ');
            var word = space < 0 ? s : s[..space];
            if (word.Length == 0)
            {
                break;
            }

            if (word[^1] == ':')
            {
                var tag = word[..^1];
                var bracket = tag.IndexOf('[');
                var name = bracket > 0 ? tag[..bracket] : tag;
                s = space < 0 ? [] : s[(space + 1)..];
                // multipathd's path verdicts ("mpatha: remaining active paths: 0") are the other half of dm-multipath's kernel lines.
                return new SyslogHeader(host, true, name.SequenceEqual("kernel") || name.SequenceEqual("multipathd"), tag.ToString());
            }

            if (TryLevelWord(word, out var wordLevel))
            {
                level = wordLevel;
            }
            else if (host is null && token == 0)
            {
                host = word.ToString();
            }
            else
            {
                break;
            }

            s = space < 0 ? [] : s[(space + 1)..].TrimStart();
        }

        return new SyslogHeader(host, false, true);
    }

    private static ReadOnlySpan<char> StripKernelTag(ReadOnlySpan<char> s, out string? host, bool allowHost)
    {
        host = null;
        if (s.StartsWith("kernel: ", StringComparison.Ordinal))
        {
            return s[8..];
        }

        var space = s.IndexOf(' ');
        if (allowHost && space > 0 && s[(space + 1)..].StartsWith("kernel: ", StringComparison.Ordinal))
        {
            host = s[..space].ToString();
            return s[(space + 9)..];
        }

        return s;
    }

    private static bool TryFacilityPrefix(ReadOnlySpan<char> s, out int level, out ReadOnlySpan<char> rest)
    {
        level = -1;
        rest = s;
        var space = s.IndexOf(' ');
        if (space > 0 && s[..space].Contains('.') && TryLevelWord(s[..space], out level)
            && s[(space + 1)..].StartsWith("kernel: ", StringComparison.Ordinal))
        {
            rest = s[(space + 9)..];
            return true;
        }

        return false;
    }

    /// <summary>A syslog level word (<c>ERR</c>, <c>warning</c>) or a facility.level pair (<c>kern.info</c>).</summary>
    private static bool TryLevelWord(ReadOnlySpan<char> word, out int level)
    {
        var dot = word.IndexOf('.');
        var name = dot >= 0 ? word[(dot + 1)..] : word;
        for (var i = 0; i < LevelWords.Length; i++)
        {
            if (name.StartsWith(LevelWords[i], StringComparison.OrdinalIgnoreCase) && name.Length <= LevelWords[i].Length + 3)
            {
                level = i;
                return true;
            }
        }

        level = -1;
        return false;
    }

    /// <summary>Splits a message at newlines and at <c>&lt;N&gt;</c> level markers run into it mid-line (torn <c>KERN_CONT</c> output).</summary>
    public static IReadOnlyList<string> SplitTorn(string message)
    {
        if (message.Contains('\n'))
        {
            // A multi-line record (journal MESSAGE, kmsg's \x0a): each line is read as a line of its own.
            return message.Split('\n').SelectMany(SplitTorn).ToArray();
        }

        var at = FindMarker(message, 1);
        if (at < 0)
        {
            return [message.Trim()];
        }

        var pieces = new List<string>();
        var start = 0;
        while (at >= 0)
        {
            pieces.Add(message[start..at].Trim());
            start = at + 3;
            at = FindMarker(message, start);
        }

        pieces.Add(message[start..].Trim());
        pieces.RemoveAll(p => p.Length == 0);
        return pieces;
    }

    private static int FindMarker(string message, int from)
    {
        if (from >= message.Length)
        {
            return -1;
        }

        for (var i = message.IndexOf('<', from); i >= 0 && i + 2 < message.Length; i = message.IndexOf('<', i + 1))
        {
            if (message[i + 1] is >= '0' and <= '7' && message[i + 2] == '>')
            {
                return i;
            }
        }

        return -1;
    }
}

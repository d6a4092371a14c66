using System.Globalization;

namespace HostDoc.KernelLog.Reading;

/// <summary>
/// The time stamps log envelopes print, parsed from spans without regular expressions: uptime
/// <c>222.909534</c>, BSD syslog <c>Mar  7 09:17:14[.123456]</c>, ISO 8601 / RFC 3339
/// <c>2016-09-12T14:15:22.100770+01:00</c>, and ctime as <c>dmesg -T</c> prints it in any locale
/// (<c>Tue Mar 18 13:27:44 2014</c>, <c>wo jan 13 10:00:00 2021</c>, <c>火  3月 18 13:27:44 2014</c>).
/// A time without a year is placed in the leap year 2000 so Feb 29 survives until the year is known.
/// </summary>
public static class ClockText
{
    /// <summary>The year given to times whose year is not printed.</summary>
    public const int NoYear = 2000;

    /// <summary><c>[  222.909534]</c>'s inside: digits, optionally a point and more digits.</summary>
    public static bool TryUptime(ReadOnlySpan<char> text, out double seconds)
    {
        text = text.Trim();
        seconds = 0;
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c != '.')
            {
                return false;
            }
        }

        return double.TryParse(text.TrimEnd('.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds);
    }

    /// <summary><c>Mmm dd hh:mm:ss[.frac]</c> at the start of <paramref name="text"/>; <paramref name="length"/> is how much was read.</summary>
    public static bool TryBsd(ReadOnlySpan<char> text, out DateTime time, out int length)
    {
        time = default;
        length = 0;
        var space = text.IndexOf(' ');
        if (space is < 3 or > 8)
        {
            return false;
        }

        var month = MonthNames.Parse(text[..space]);
        var at = space;
        while (at < text.Length && text[at] == ' ')
        {
            at++;
        }

        var dayStart = at;
        while (at < text.Length && char.IsAsciiDigit(text[at]))
        {
            at++;
        }

        if (month == 0 || at - dayStart is < 1 or > 2 || at >= text.Length || text[at] != ' '
            || !int.TryParse(text[dayStart..at], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !TryClock(text[(at + 1)..], out var clock, out var clockLength)
            || !TryDate(NoYear, month, day, clock, out time))
        {
            return false;
        }

        length = at + 1 + clockLength;
        return true;
    }

    /// <summary><c>yyyy-MM-dd[T ]HH:mm:ss[.frac][Z|±hh[:]mm]</c> at the start; the offset is read past and not applied (times stay as the host printed them).</summary>
    public static bool TryIso(ReadOnlySpan<char> text, out DateTime time, out int length) => TryIso(text, out time, out length, out _);

    /// <summary>As <see cref="TryIso(ReadOnlySpan{char}, out DateTime, out int)"/>, also giving the UTC offset the text named (null when it named none or an impossible one).</summary>
    public static bool TryIso(ReadOnlySpan<char> text, out DateTime time, out int length, out TimeSpan? offset)
    {
        time = default;
        length = 0;
        offset = null;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ')
            || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text[8..10], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !TryClock(text[11..], out var clock, out var clockLength)
            || !TryDate(year, month, day, clock, out time))
        {
            return false;
        }

        var at = 11 + clockLength;
        if (at < text.Length && text[at] == 'Z')
        {
            at++;
            offset = TimeSpan.Zero;
        }
        else if (at < text.Length && text[at] is '+' or '-')
        {
            var sign = text[at] == '-' ? -1 : 1;
            var start = ++at;
            while (at < text.Length && (char.IsAsciiDigit(text[at]) || text[at] == ':'))
            {
                at++;
            }

            offset = Offset(text[start..at], sign);
        }

        length = at;
        return true;
    }

    /// <summary><c>hh:mm</c> or <c>hhmm</c> after the sign; null when it is neither or beyond ±14 h.</summary>
    private static TimeSpan? Offset(ReadOnlySpan<char> digits, int sign)
    {
        Span<char> packed = stackalloc char[4];
        var n = 0;
        foreach (var c in digits)
        {
            if (c == ':')
            {
                continue;
            }

            if (n == 4)
            {
                return null;
            }

            packed[n++] = c;
        }

        if (n != 4 || !int.TryParse(packed[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(packed[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes > 59 || hours * 60 + minutes > 14 * 60)
        {
            return null;
        }

        return TimeSpan.FromMinutes(sign * ((hours * 60) + minutes));
    }

    /// <summary>ctime in any locale and word order: a time token, a 4-digit year, a 1–2 digit day, and the last word that names a month.</summary>
    public static bool TryCtime(ReadOnlySpan<char> text, out DateTime time)
    {
        time = default;
        int month = 0, day = 0, year = 0;
        TimeSpan clock = default;
        var haveClock = false;
        foreach (var range in text.Split(' '))
        {
            var token = text[range].TrimEnd('.').TrimEnd(',');
            if (token.Length == 0)
            {
                continue;
            }

            if (token.Contains(':'))
            {
                haveClock = TryClock(token, out clock, out var used) && used == token.Length;
            }
            else if (token.Length == 4 && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                year = y;
            }
            else if (token.Length <= 2 && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
            {
                day = d;
            }
            else if (MonthNames.Parse(token) is var m and > 0)
            {
                month = m;
            }
        }

        return haveClock && year > 0 && TryDate(year, month, day, clock, out time);
    }

    private static bool TryClock(ReadOnlySpan<char> text, out TimeSpan clock, out int length)
    {
        clock = default;
        length = 0;
        if (text.Length < 8 || text[2] != ':' || text[5] != ':'
            || !int.TryParse(text[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(text[3..5], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(text[6..8], NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            || h > 23 || m > 59 || s > 60)
        {
            return false;
        }

        var at = 8;
        long ticks = 0;
        if (at < text.Length && text[at] is '.' or ',')
        {
            at++;
            var scale = TimeSpan.TicksPerSecond / 10;
            while (at < text.Length && char.IsAsciiDigit(text[at]))
            {
                ticks += (text[at] - '0') * scale;
                scale /= 10;
                at++;
            }
        }

        clock = new TimeSpan(0, h, m, Math.Min(s, 59)) + TimeSpan.FromTicks(ticks);
        length = at;
        return true;
    }

    private static bool TryDate(int year, int month, int day, TimeSpan clock, out DateTime time)
    {
        time = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        time = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified) + clock;
        return true;
    }
}

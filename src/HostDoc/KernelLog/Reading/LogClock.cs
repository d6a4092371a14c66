namespace HostDoc.KernelLog.Reading;

/// <summary>
/// Turns envelope times into a timeline, per input: gives BSD syslog times a year (from a journal
/// header if there is one, else the reference year — the file's modification year — stepping back a
/// year when the first month is after the reference month and forward at each December→January),
/// and counts boots (a <c>-- Reboot --</c> marker, a new journal boot id, uptime running backwards, or
/// a <c>Linux version</c> banner after other lines of the same boot). A line without any stamp takes the time of the line before.
/// </summary>
public sealed class LogClock(int referenceYear, int referenceMonth)
{
    private int year = referenceYear;
    private bool yearKnown;
    private int lastMonth;
    private int boot;
    private double? lastUptime;
    private bool seenInBoot;
    private string? bootId;
    private LogTime previous;

    /// <summary>The boot the last line belongs to.</summary>
    public int Boot => boot;

    /// <summary>Takes in a marker line.</summary>
    public void Mark(LogEnvelope marker)
    {
        if (marker.Marker == LogMarker.Reboot && seenInBoot)
        {
            NewBoot();
        }
        else if (marker.Marker == LogMarker.LogsBegin && marker.Wall is { } begin)
        {
            year = begin.Year;
            yearKnown = true;
            lastMonth = begin.Month;
        }
    }

    /// <summary>Places a message line on the timeline.</summary>
    public LogTime Place(LogEnvelope envelope, bool isBootBanner)
    {
        if (envelope.Wall is null && envelope.Uptime is null)
        {
            return previous;   // a continuation printed without a stamp of its own (dmesg's res line) belongs to the line before
        }

        if (envelope.BootId is { } id && bootId is not null && id != bootId)
        {
            NewBoot();
        }

        bootId = envelope.BootId ?? bootId;
        if ((envelope.Uptime is { } up && lastUptime is { } last && up + 1 < last) || (isBootBanner && seenInBoot))
        {
            NewBoot();
        }

        lastUptime = envelope.Uptime ?? lastUptime;
        seenInBoot = true;
        var wall = envelope.Wall;
        var known = envelope.YearKnown;
        if (wall is { } w && !known)
        {
            if (lastMonth == 0 && !yearKnown && w.Month > referenceMonth)
            {
                year--;
            }
            else if (lastMonth > 0 && w.Month + 6 < lastMonth)
            {
                year++;
            }

            wall = new DateTime(year, w.Month, Math.Min(w.Day, DateTime.DaysInMonth(year, w.Month)), 0, 0, 0, DateTimeKind.Unspecified) + w.TimeOfDay;
            known = yearKnown;
        }

        if (wall is { } placed)
        {
            lastMonth = placed.Month;
        }

        previous = new LogTime(wall, known, envelope.Uptime, boot, envelope.Offset);
        return previous;
    }

    private void NewBoot()
    {
        boot++;
        lastUptime = null;
        seenInBoot = false;
    }
}

namespace HostDoc.KernelLog.Reading;

/// <summary>A line that is not a message but says something about the log itself.</summary>
public enum LogMarker
{
    /// <summary>An ordinary message.</summary>
    None,

    /// <summary><c>-- Reboot --</c> or <c>-- Boot ID --</c> (journalctl): a new boot starts.</summary>
    Reboot,

    /// <summary><c>-- Logs begin at Tue 2014-03-18 … --</c>: carries the year the short format leaves out.</summary>
    LogsBegin,

    /// <summary>Other journalctl chatter (<c>-- No entries --</c>).</summary>
    Other,
}

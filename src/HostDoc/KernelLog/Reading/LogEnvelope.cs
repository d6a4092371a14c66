namespace HostDoc.KernelLog.Reading;

/// <summary>
/// What surrounds a kernel message on one line, taken apart: time, level, host, whether the line is
/// the kernel's at all (a syslog file holds every daemon's lines) and the message text itself. A
/// torn line (a <c>KERN_CONT</c> piece run into the next message, with its <c>&lt;N&gt;</c> level
/// marker mid-line) has more than one message.
/// </summary>
/// <param name="Wall">Wall-clock time printed on the line, if any.</param>
/// <param name="YearKnown">False when <see cref="Wall"/>'s year was not on the line.</param>
/// <param name="Uptime">Uptime stamp in seconds, if any.</param>
/// <param name="Level">Log level 0–7, or -1 when the line does not say.</param>
/// <param name="Host">The host name in a syslog line, or null.</param>
/// <param name="IsKernel">False for a line another program wrote (its syslog tag is not <c>kernel</c>).</param>
/// <param name="Marker">A journal marker line, or <see cref="LogMarker.None"/>.</param>
/// <param name="Messages">The message text(s); more than one when the line was torn.</param>
/// <param name="BootId">The journal's boot id (<c>-o json</c>), or null.</param>
/// <param name="Offset">The UTC offset of <paramref name="Wall"/> when the line gave one, or null.</param>
/// <param name="Program">The syslog tag of a line another program wrote (<c>rsyncd[4242]</c>), or null.</param>
public sealed record LogEnvelope(
    DateTime? Wall, bool YearKnown, double? Uptime, int Level, string? Host, bool IsKernel,
    LogMarker Marker, IReadOnlyList<string> Messages, string? BootId = null, TimeSpan? Offset = null, string? Program = null);

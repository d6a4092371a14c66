using HostDoc.Explain;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Events;

/// <summary>One of rsync's error lines (an exit, an io timeout, a closed connection, a file that failed).</summary>
/// <param name="Line">The line.</param>
/// <param name="Parsed">What it says.</param>
public sealed record RsyncEvent(LogLine Line, RsyncLine Parsed) : LogEvent(Line);

using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Events;

/// <summary>Something a recognizer understood in one log line (or a short run of lines).</summary>
/// <param name="Line">The line it was read from (the first, for a multi-line record).</param>
public abstract record LogEvent(LogLine Line);

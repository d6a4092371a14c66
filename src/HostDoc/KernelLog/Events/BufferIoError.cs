using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Events;

/// <summary><c>Buffer I/O error on dev X, logical block N[, lost async page write]</c> (fs/buffer.c).</summary>
/// <param name="Line">The line.</param>
/// <param name="Device">The device (a partition or dm device).</param>
/// <param name="Block">The filesystem block.</param>
/// <param name="LostWrite">True when a write was lost: data the application believed written is not on disk.</param>
public sealed record BufferIoError(LogLine Line, string Device, ulong Block, bool LostWrite) : LogEvent(Line);

using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Events;

/// <summary>
/// The block layer's failed-request line in any generation (<c>end_request:</c>,
/// <c>blk_update_request:</c>, <c>print_req_error:</c>, the unprefixed 5.16+ form): the disk, the
/// 512-byte sector from the start of the disk, the error type, and the operation when printed.
/// </summary>
/// <param name="Line">The line.</param>
/// <param name="Disk">The whole disk (<c>sdf</c>).</param>
/// <param name="Sector">The first sector of the failed request, in 512-byte units.</param>
/// <param name="ErrorType">The error type words: <c>I/O</c>, <c>critical medium</c>, <c>timeout</c> ….</param>
/// <param name="Operation">The operation (<c>READ</c>, <c>WRITE</c>, <c>FLUSH</c>), when printed.</param>
public sealed record BlockIoError(LogLine Line, string Disk, ulong Sector, string ErrorType, string? Operation) : LogEvent(Line);

/// <summary>
/// The kernel's printk ratelimit at work for the block layer: <c>blk_update_request: 24 callbacks
/// suppressed</c> (also <c>print_req_error:</c>, <c>buffer_io_error:</c>): that many more error lines were not logged.
/// </summary>
/// <param name="Line">The line.</param>
/// <param name="Function">The function whose messages were dropped.</param>
/// <param name="Count">How many.</param>
public sealed record BlockErrorsSuppressed(LogLine Line, string Function, int Count) : LogEvent(Line);

/// <summary>
/// <c>loop: Write error at byte offset N, length M.</c>: a loop device could not write its backing file. The
/// line names no device; the block-layer error beside it (<c>I/O error, dev loop2, …</c>) does.
/// </summary>
/// <param name="Line">The line.</param>
/// <param name="Offset">Byte offset in the backing file (= the loop device's byte offset).</param>
/// <param name="Length">Bytes of the failed write, when printed.</param>
public sealed record LoopWriteError(LogLine Line, ulong Offset, ulong? Length) : LogEvent(Line);

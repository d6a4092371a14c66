using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>
/// The block layer's failed request in every generation — <c>end_request: I/O error, dev sdb, sector N</c>,
/// <c>blk_update_request: critical medium error, dev sde, sector N op 0x0:(READ) flags …</c>,
/// <c>print_req_error: I/O error, dev sda, sector N flags 80700</c>, and the 5.16+ line without a
/// prefix — fs/buffer.c's <c>Buffer I/O error on dev X, logical block N, lost async page write</c>, and the
/// ratelimit's <c>blk_update_request: N callbacks suppressed</c>.
/// </summary>
public sealed class BlockRecognizer : ILineRecognizer
{
    private const string ErrorDev = " error, dev ";

    /// <inheritdoc/>
    public IEnumerable<LogAnchor> Anchors => ["rror, dev ", "Buffer I/O", "callbacks suppressed", "Write error at byte offset"];

    /// <inheritdoc/>
    public bool Recognize(LogLine line, LogLine? previous, IEventSink sink)
    {
        var message = line.Message;
        if (message.StartsWith("loop: Write error at byte offset ", StringComparison.Ordinal))
        {
            // drivers/block/loop.c: the write to the backing file failed; the line names no loop device, the block-layer line beside it does.
            var offset = MessageText.NumberAfter(message, "byte offset ");
            var length = MessageText.NumberAfter(message, "length ");
            if (offset is null)
            {
                return false;
            }

            sink.Emit(new LoopWriteError(line, offset.Value, length));
            return true;
        }

        if (message.StartsWith("Buffer I/O error on dev", StringComparison.Ordinal))
        {
            var device = MessageText.WordAfter(message, message.Contains("on device ", StringComparison.Ordinal) ? "on device " : "on dev ");
            var block = MessageText.NumberAfter(message, "logical block ");
            if (device is null || block is null)
            {
                return false;
            }

            sink.Emit(new BufferIoError(line, device, block.Value, message.Contains("lost", StringComparison.Ordinal) && message.Contains("write", StringComparison.Ordinal)));
            return true;
        }

        if (message.EndsWith(" callbacks suppressed", StringComparison.Ordinal) && message.IndexOf(": ", StringComparison.Ordinal) is var split and > 0
            && message[..split] is "blk_update_request" or "print_req_error" or "blk_print_req_error" or "buffer_io_error"
            && message.Length - split - 2 - 21 > 0
            && int.TryParse(message.AsSpan(split + 2, message.Length - split - 2 - 21), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            sink.Emit(new BlockErrorsSuppressed(line, message[..split], count));
            return true;
        }

        var at = message.IndexOf(ErrorDev, StringComparison.Ordinal);
        if (at <= 0)
        {
            return false;
        }

        // The prefix before the error type ("blk_update_request: "); a ": " that overlaps " error, dev " itself is not one.
        var typeStart = message.LastIndexOf(": ", at, StringComparison.Ordinal) is var colon and >= 0 ? Math.Min(colon + 2, at) : 0;
        var disk = MessageText.WordAfter(message, ErrorDev);
        var sector = MessageText.NumberAfter(message, ", sector ");
        if (disk is null || sector is null)
        {
            return false;
        }

        var operation = MessageText.Between(message, ":(", ')') ?? MessageText.WordAfter(message, " op ");
        sink.Emit(new BlockIoError(line, disk, sector.Value, message[typeStart..at], operation));
        return true;
    }
}

using Microsoft.Win32.SafeHandles;

namespace HostDoc.KernelLog.Following;

/// <summary>
/// A read-only stream over a file handle opened once, read with pread(2) at its own position and not
/// closing the handle: every look at a log file in one run (its head, its last newline, its bytes) is of
/// the file that was opened, even if logrotate renames or replaces the name meanwhile.
/// </summary>
internal sealed class HandleStream(SafeFileHandle handle) : Stream
{
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => RandomAccess.GetLength(handle);

    public override long Position { get => position; set => position = value; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = RandomAccess.Read(handle, buffer, position);
        position += n;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin) => position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        _ => Length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

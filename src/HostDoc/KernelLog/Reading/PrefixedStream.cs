namespace HostDoc.KernelLog.Reading;

/// <summary>A read-only stream that yields a few bytes already taken from <paramref name="rest"/> before the rest of it (so a pipe can be peeked at).</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
{
    private int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - position);
            prefix.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        return rest.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}

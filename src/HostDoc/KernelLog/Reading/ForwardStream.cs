namespace HostDoc.KernelLog.Reading;

/// <summary>
/// A read-only, forward-only stream over <see cref="Inner"/>: what a log reader wraps around a file or a
/// pipe (a prefix put back, a byte limit, a count). Derived types implement <see cref="Read(Span{byte})"/>;
/// disposing disposes the inner stream.
/// </summary>
/// <param name="inner">The stream read from.</param>
public abstract class ForwardStream(Stream inner) : Stream
{
    /// <summary>The stream read from.</summary>
    protected Stream Inner { get; } = inner;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public abstract override int Read(Span<byte> buffer);

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Following;

/// <summary>The first <c>length</c> bytes of a stream: a log read up to its last complete line, not into a line still being written.</summary>
internal sealed class BoundedStream(Stream inner, long length) : ForwardStream(inner)
{
    private long left = length;

    public override int Read(Span<byte> buffer)
    {
        if (left <= 0)
        {
            return 0;
        }

        var n = Inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
        left -= n;
        return n;
    }
}

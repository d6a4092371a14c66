namespace HostDoc.KernelLog.Reading;

/// <summary>A read-only stream that yields a few bytes already taken from <paramref name="rest"/> before the rest of it (so a pipe can be peeked at).</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream rest) : ForwardStream(rest)
{
    private int position;

    public override int Read(Span<byte> buffer)
    {
        if (position < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - position);
            prefix.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        return Inner.Read(buffer);
    }
}

using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace HostDoc.KernelLog.Reading;

/// <summary>
/// Streams a log through a fixed 1 MiB buffer and hands on only the lines that contain one of the
/// recognizers' anchor phrases. The buffer's complete lines are checked for NUL and UTF-8 validity in
/// one vectorised pass, widened to UTF-16 as Latin-1 (ASCII anchors match the same either way) and
/// searched with a vectorised multi-string search (<see cref="LogAnchors"/>); only a matching line is
/// decoded. Memory stays flat whatever the input: a line longer than the buffer is skipped and counted,
/// as is a line with NUL bytes or invalid UTF-8 (those buffers take a slower line-by-line path).
/// </summary>
public sealed class LogLineScanner(LogAnchors anchors)
{
    /// <summary>Lines longer than this are skipped.</summary>
    public const int MaxLineBytes = 1 << 20;

    private const int PreviousLineCap = 4096;

    /// <summary>Scans <paramref name="stream"/> to its end.</summary>
    public void Scan(Stream stream, ILogLineSink sink, ScanCounts counts)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxLineBytes);
        var chars = ArrayPool<char>.Shared.Rent(MaxLineBytes);
        try
        {
            Scan(stream, new ScanState(sink, counts), buffer.AsSpan(0, MaxLineBytes), chars);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The scan over one pair of 1 MiB buffers (pooled: a run that reads many small inputs does not allocate 3 MiB for each).</summary>
    private void Scan(Stream stream, ScanState state, Span<byte> buffer, char[] chars)
    {
        var counts = state.Counts;
        var filled = 0;
        var discarding = false;
        while (true)
        {
            var read = stream.Read(buffer[filled..]);
            filled += read;
            var eof = read == 0;
            var data = buffer[..filled];
            var end = eof ? filled : data.LastIndexOf((byte)'\n') + 1;
            if (end == 0 && !eof)
            {
                if (filled == buffer.Length)
                {
                    // One line fills the whole buffer: skip it to its end.
                    counts.LongLines += discarding ? 0 : 1;
                    discarding = true;
                    filled = 0;
                }

                continue;
            }

            var region = data[..end];
            if (discarding)
            {
                var newline = region.IndexOf((byte)'\n');
                region = newline < 0 ? [] : region[(newline + 1)..];
                state.LineNumber++;
                discarding = newline < 0;
            }

            Process(region, chars, state);
            data[end..].CopyTo(buffer);
            filled -= end;
            if (eof)
            {
                break;
            }
        }

        counts.Lines += state.LineNumber;
    }

    private void Process(ReadOnlySpan<byte> region, char[] chars, ScanState state)
    {
        if (region.IsEmpty)
        {
            return;
        }

        state.Counts.Bytes += region.Length;
        if (Utf8.IsValid(region) && !region.Contains((byte)0))
        {
            Fast(region, chars.AsSpan(0, Encoding.Latin1.GetChars(region, chars)), state);
        }
        else
        {
            Slow(region, state);
        }

        var last = region[..^1].LastIndexOf((byte)'\n') + 1;
        var tail = region[last..].TrimEnd((byte)'\n');
        state.Previous = tail.Length <= PreviousLineCap && Utf8.IsValid(tail) ? tail.ToArray() : [];
    }

    private void Fast(ReadOnlySpan<byte> region, ReadOnlySpan<char> text, ScanState state)
    {
        var position = 0;
        var counted = 0;
        Span<int> next = stackalloc int[anchors.Groups];
        next.Fill(-1);
        while (position < text.Length)
        {
            int start;
            if (state.WantsNext)
            {
                start = position;
            }
            else
            {
                var hit = anchors.IndexIn(text, position, next);
                if (hit < 0)
                {
                    break;
                }

                start = position + text[position..hit].LastIndexOf('\n') + 1;
            }

            var newline = text[start..].IndexOf('\n');
            var end = newline < 0 ? text.Length : start + newline;
            state.LineNumber += region[counted..start].Count((byte)'\n');
            counted = start;
            var previous = start == 0 ? state.Previous : PreviousLine(region, start);
            state.Deliver(Encoding.UTF8.GetString(region[start..end].TrimEnd((byte)'\r')), state.LineNumber + 1, previous);
            position = end + 1;
        }

        var lines = region[counted..].Count((byte)'\n') + (region[^1] == (byte)'\n' ? 0 : 1);
        state.LineNumber += lines;
    }

    private void Slow(ReadOnlySpan<byte> region, ScanState state)
    {
        ReadOnlySpan<byte> previous = state.Previous;
        foreach (var range in region.TrimEnd((byte)'\n').Split((byte)'\n'))
        {
            state.LineNumber++;
            var bytes = region[range].TrimEnd((byte)'\r');
            if (bytes.Contains((byte)0) || !Utf8.IsValid(bytes))
            {
                state.Counts.BinaryLines++;
                state.WantsNext = false;
                previous = [];
                continue;
            }

            var line = Encoding.UTF8.GetString(bytes);
            if (state.WantsNext || anchors.IndexIn(line) >= 0)
            {
                state.Deliver(line, state.LineNumber, previous);
            }

            previous = bytes;
        }
    }

    private static ReadOnlySpan<byte> PreviousLine(ReadOnlySpan<byte> region, int start)
    {
        var before = region[..(start - 1)];
        var line = before[(before.LastIndexOf((byte)'\n') + 1)..].TrimEnd((byte)'\r');
        return line.Length <= PreviousLineCap ? line : [];
    }

    private sealed class ScanState(ILogLineSink sink, ScanCounts counts)
    {
        public ScanCounts Counts { get; } = counts;

        public long LineNumber { get; set; }

        public bool WantsNext { get; set; }

        /// <summary>The last line of the previous buffer, for a match on the first line of the next.</summary>
        public byte[] Previous { get; set; } = [];

        public void Deliver(string line, long lineNumber, ReadOnlySpan<byte> previous)
        {
            Counts.Candidates++;
            WantsNext = sink.Take(line, lineNumber, previous);
        }
    }
}

using System.Text;
using HostDoc.KernelLog.Reading;
using Xunit;

namespace HostDoc.Tests.KernelLog;

/// <summary>The streaming prefilter: bad input is skipped with a count, never fatal; line numbers stay true across buffers.</summary>
public sealed class ScannerTests
{
    private sealed class Collect : ILogLineSink
    {
        public List<(long Number, string Line, string? Previous)> Lines { get; } = [];

        public bool Take(string line, long lineNumber, ReadOnlySpan<byte> previous)
        {
            Lines.Add((lineNumber, line, previous.IsEmpty ? null : Encoding.UTF8.GetString(previous)));
            return false;
        }
    }

    private static (Collect Sink, ScanCounts Counts) Scan(byte[] input)
    {
        var sink = new Collect();
        var counts = new ScanCounts();
        new LogLineScanner(new LogAnchors(["Emask", "I/O error"])).Scan(new MemoryStream(input), sink, counts);
        return (sink, counts);
    }

    [Fact]
    public void Only_lines_with_an_anchor_pass_with_their_numbers_and_the_line_above()
    {
        var (sink, counts) = Scan(Encoding.UTF8.GetBytes("a\nb cmd\nc Emask 0x9\r\nd\ne I/O error"));
        Assert.Equal([(3L, "c Emask 0x9", (string?)"b cmd"), (5L, "e I/O error", "d")], sink.Lines);
        Assert.Equal(5, counts.Lines);
    }

    [Fact]
    public void A_10_mb_line_nul_bytes_and_invalid_utf8_are_skipped_and_counted()
    {
        var input = new MemoryStream();
        void Write(string s) => input.Write(Encoding.UTF8.GetBytes(s));
        Write("first I/O error\n");
        input.Write(Encoding.ASCII.GetBytes(new string('x', 10 * 1024 * 1024) + " Emask\n"));
        Write("bin\0ary Emask\n");
        input.Write([0x45, 0x6d, 0x61, 0x73, 0x6b, 0xff, 0xfe, 0x0a]);   // "Emask" + invalid UTF-8
        Write("last I/O error\n");
        var (sink, counts) = Scan(input.ToArray());
        Assert.Equal(["first I/O error", "last I/O error"], sink.Lines.Select(l => l.Line));
        Assert.Equal(5, sink.Lines[1].Number);
        Assert.Equal(1, counts.LongLines);
        Assert.Equal(2, counts.BinaryLines);
    }

    [Fact]
    public void Line_numbers_stay_true_across_many_buffers()
    {
        var text = new StringBuilder();
        for (var i = 1; i <= 60_000; i++)
        {
            text.Append(i % 10_000 == 0 ? $"line {i} I/O error\n" : $"line {i} is an ordinary line of some length to fill buffers\n");
        }

        var (sink, counts) = Scan(Encoding.UTF8.GetBytes(text.ToString()));
        Assert.Equal([10_000L, 20_000, 30_000, 40_000, 50_000, 60_000], sink.Lines.Select(l => l.Number));
        Assert.All(sink.Lines, l => Assert.StartsWith($"line {l.Number} ", l.Line, StringComparison.Ordinal));
        Assert.Equal(60_000, counts.Lines);
    }

    [Fact]
    public void Binary_garbage_never_throws()
    {
        var random = new Random(4);
        var bytes = new byte[3 * 1024 * 1024];
        random.NextBytes(bytes);
        var (_, counts) = Scan(bytes);
        Assert.True(counts.BinaryLines > 0);
    }

    [Fact]
    public void Garbage_around_the_seeds_incident_leaves_the_incident_whole()
    {
        var seed = File.ReadAllBytes(LogAnalysis.Path("seed-ata6-ext3.log"));
        var noise = new byte[200_000];
        new Random(9).NextBytes(noise);
        var analyzer = new HostDoc.KernelLog.KernelLogAnalyzer(LogAnalysis.Table);
        analyzer.Read("noisy", new MemoryStream([.. noise, (byte)'\n', .. seed, .. noise]), LogAnalysis.Written);
        var analysis = analyzer.Finish();
        Assert.Equal(3, LogAnalysis.Single(analysis).Occurrences);
        Assert.True(analysis.Counts.BinaryLines > 0);
    }
}

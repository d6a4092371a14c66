using System.Runtime.InteropServices;
using HostDoc.Explain;
using HostDoc.Explain.Probes;
using Xunit;

namespace HostDoc.Tests.Explain;

/// <summary>The knowledge files are data with sources: every file parses, every entry says where it is decided, every probe it names exists, and the facts agree with glibc and with Debian's rsync.</summary>
public sealed class KnowledgeTests
{
    [Fact]
    public void Every_topic_file_parses_and_every_entry_names_a_source_and_known_probes()
    {
        var knowledge = new KnowledgeBase();
        var entries = knowledge.All().ToArray();
        Assert.Empty(knowledge.Errors);
        Assert.True(entries.Length >= 40, $"{entries.Length} entries");
        foreach (var entry in entries)
        {
            Assert.False(entry.Summary.Length == 0, $"{entry.Topic} {entry.Key} {entry.Call}: no summary");
            Assert.False(entry.Sources.Count == 0, $"{entry.Topic} {entry.Key} {entry.Call}: no source");
            Assert.All(entry.Probes, p => Assert.NotNull(ProbeCatalog.Find(p)));
        }

        var embedded = typeof(KnowledgeBase).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".topic", StringComparison.Ordinal)).Select(n => n[..^6]).Order(StringComparer.Ordinal);
        Assert.Equal(embedded, KnowledgeBase.Topics.Order(StringComparer.Ordinal));
        var errnos = ErrnoTable.Embedded();
        Assert.All(entries.Where(e => e.Topic.StartsWith("errno-", StringComparison.Ordinal)), e => Assert.NotNull(errnos.Find(e.Key)));
        Assert.All(ProbeCatalog.All, p => Assert.Contains(entries, e => e.Probes.Contains(p.Name)));
    }

    [Fact]
    public void The_parser_reports_what_it_leaves_out()
    {
        var errors = new List<string>();
        var entries = KnowledgeParser.Parse("t.topic", "stray: line\n[ONE]\n[EX mkdir]\nsummary: s\n  more\nbogus line\ncause: a\ncause: b\n  b2\n", errors);
        Assert.Equal(["t.topic:1: a line outside any entry", "t.topic:2: an entry starts with [KEY CALL]", "t.topic:6: expected one of summary, why, source, cause, probe, advice followed by \": \""], errors);
        var entry = Assert.Single(entries);
        Assert.Equal("s more", entry.Summary);
        Assert.Equal(["a", "b b2"], entry.Causes);
    }

    /// <summary>The errno table against the C library of this machine: every number's message is glibc's strerror().</summary>
    [Fact]
    public void Errno_names_numbers_and_messages_are_glibcs()
    {
        var table = ErrnoTable.Embedded();
        var codes = table.All.ToArray();
        Assert.True(codes.Length >= 130);
        foreach (var code in codes)
        {
            Assert.Equal(Marshal.PtrToStringUTF8(StrError(code.Number)), code.Message);
        }

        Assert.Equal(17, table.Find("eexist")!.Number);
        Assert.Equal("EEXIST", table.Find("-17")!.Name);
        Assert.Equal("ENOSPC", table.Find("No space left on device")!.Name);
        Assert.Equal("EAGAIN", table.Find("EWOULDBLOCK")!.Name);
        Assert.Null(table.Find("EFOO"));
    }

    /// <summary>Each exit code's summary is rsync's own text for it (log.c rerr_names), as compiled into Debian's rsync.</summary>
    [Fact]
    public void Rsync_code_texts_are_the_ones_rsync_prints()
    {
        var binary = File.ReadAllText(DebianOracle.Require("rsync", "rsync"), System.Text.Encoding.Latin1);
        var codes = new KnowledgeBase().Topic(RsyncExplanation.Topic).Where(e => e.Key != "rsync-0").ToArray();
        Assert.Equal(
            [1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 16, 19, 20, 21, 22, 23, 24, 25, 30, 35, 124, 125, 126, 127],
            codes.Select(c => int.Parse(c.Key[6..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(codes, c => Assert.True(binary.Contains(c.Summary + "\0", StringComparison.Ordinal), $"{c.Key}: \"{c.Summary}\" is not in {binary.Length} bytes of rsync"));
    }

#pragma warning disable SYSLIB1054 // a test: DllImport keeps the test project free of unsafe code
    [DllImport("libc", EntryPoint = "strerror")]
    private static extern IntPtr StrError(int number);
#pragma warning restore SYSLIB1054
}

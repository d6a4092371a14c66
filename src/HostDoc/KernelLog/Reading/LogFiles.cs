using System.Globalization;
using System.IO.Compression;

namespace HostDoc.KernelLog.Reading;

/// <summary>
/// Log files as logrotate leaves them: plain or gzip (detected by its magic bytes, whatever the
/// name), and rotated sets put in time order — <c>kern.log.3.gz</c>, <c>kern.log.2.gz</c>,
/// <c>kern.log.1</c>, <c>kern.log</c>; <c>messages-20140309</c> before <c>messages-20140316</c>
/// before <c>messages</c> — however the shell listed them.
/// </summary>
public static class LogFiles
{
    /// <summary>Opens <paramref name="path"/> for streaming, decompressing gzip.</summary>
    public static Stream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        return Decompressed(file);
    }

    /// <summary>Wraps <paramref name="stream"/> in a gzip decoder when it starts with the gzip magic; a pipe is peeked at, a file rewound.</summary>
    public static Stream Decompressed(Stream stream)
    {
        var magic = new byte[2];
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        Stream whole;
        if (stream.CanSeek)
        {
            stream.Position = 0;
            whole = stream;
        }
        else
        {
            whole = new PrefixedStream(magic[..read], stream);
        }

        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(whole, CompressionMode.Decompress) : whole;
    }

    /// <summary>Puts rotated sets in time order, oldest first; sets keep the order they were first named in.</summary>
    public static IReadOnlyList<string> InRotationOrder(IEnumerable<string> paths)
    {
        var list = paths.ToList();
        var groups = list.Select((p, i) => (Path: p, Index: i, Key: RotationKey(p)))
            .GroupBy(x => x.Key.Base)
            .OrderBy(g => g.Min(x => x.Index));
        return groups.SelectMany(g => g.OrderBy(x => x.Key.Age, Comparer<long>.Create((a, b) => b.CompareTo(a))).ThenBy(x => x.Index).Select(x => x.Path)).ToArray();
    }

    /// <summary>The set a file belongs to and how old it is within the set (larger is older).</summary>
    private static (string Base, long Age) RotationKey(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.Ordinal) ? path[..^3] : path;
        var dot = name.LastIndexOf('.');
        if (dot > 0 && long.TryParse(name.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number < 10_000)
        {
            return (name[..dot], number);
        }

        var dash = name.LastIndexOf('-');
        if (dash > 0 && name.Length - dash - 1 is 8 or 10 && long.TryParse(name.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var date))
        {
            return (name[..dash], long.MaxValue / 2 - date);
        }

        return (name, 0);
    }
}

using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace HostDoc.Tests.Collect;

/// <summary>Every entry of a snapshot as the test sees it: names, texts of files, link targets (read with System.Formats.Tar, not with hostdoc's reader).</summary>
internal sealed record SnapshotArchiveReader(IReadOnlyDictionary<string, string> Files, IReadOnlyDictionary<string, string> Links)
{
    public static SnapshotArchiveReader Read(string file)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = File.OpenRead(file);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType == TarEntryType.RegularFile)
            {
                using var data = new MemoryStream();
                entry.DataStream?.CopyTo(data);
                files[entry.Name] = Encoding.UTF8.GetString(data.ToArray());
            }
            else if (entry.EntryType == TarEntryType.SymbolicLink)
            {
                links[entry.Name] = entry.LinkName;
            }
        }

        return new SnapshotArchiveReader(files, links);
    }

    /// <summary>Everything a reader of the archive could see: names, contents, link targets.</summary>
    public IEnumerable<(string Where, string Text)> Everything() =>
        Files.Select(f => (f.Key, f.Key + "\n" + f.Value)).Concat(Links.Select(l => (l.Key, l.Key + " -> " + l.Value)));
}

using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using HostDoc.Roots;

namespace HostDoc.Collect;

/// <summary>What the manifest says beside the files: whose host, when, by what, and what redaction did.</summary>
/// <param name="Host">The host name (already a pseudonym when redacted).</param>
/// <param name="Kernel">The kernel release.</param>
/// <param name="BootId">The boot id.</param>
/// <param name="Version">The hostdoc that collected.</param>
/// <param name="CommandLine">collect's arguments.</param>
/// <param name="Redaction">Per class of value, how many distinct values were replaced; null when not redacted.</param>
public sealed record SnapshotFacts(string? Host, string? Kernel, string? BootId, string Version, IReadOnlyList<string> CommandLine, IReadOnlyDictionary<string, int>? Redaction);

/// <summary>
/// Writes a <see cref="CapturedTree"/> as a snapshot: a gzip'd tar in the <c>--root</c> layout, <c>manifest.json</c>
/// first, <c>hostdoc/listings</c> (what each listed directory held, in the host's order), then every entry. Names are relative (<c>proc/meminfo</c>), as a tar of a tree has them.
/// </summary>
public static class SnapshotWriter
{
    private const UnixFileMode FileMode0644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Writes the archive to <paramref name="output"/>; returns the manifest's bytes.</summary>
    public static byte[] Write(Stream output, CapturedTree tree, SnapshotFacts facts, CollectOptions options, DateTimeOffset collected)
    {
        var manifest = Manifest(tree, facts, options, collected);
        using var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, SnapshotManifest.EntryName)
        {
            DataStream = new MemoryStream(manifest), ModificationTime = collected, Mode = FileMode0644,
        });
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, SnapshotArchive.ListingsEntry.TrimStart('/'))
        {
            DataStream = new MemoryStream(Listings(tree)), ModificationTime = collected, Mode = FileMode0644,
        });
        // Entry order carries nothing: the listing order a snapshot reproduces is in hostdoc/listings.
        foreach (var (path, entry) in tree.Entries.Where(e => e.Value is not CapturedEntry.Listed).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            tar.WriteEntry(entry switch
            {
                CapturedEntry.File file => new PaxTarEntry(TarEntryType.RegularFile, path)
                {
                    DataStream = new MemoryStream(file.Bytes), ModificationTime = file.Modified, Mode = FileMode0644,
                },
                CapturedEntry.Link link => new PaxTarEntry(TarEntryType.SymbolicLink, path) { LinkName = link.Target, ModificationTime = collected },
                _ => new PaxTarEntry(TarEntryType.Directory, path + "/") { ModificationTime = collected, Mode = (UnixFileMode)0x1ed },   // 0755
            });
        }

        return manifest;
    }

    /// <summary>
    /// <c>hostdoc/listings</c>: each directory a command listed, with its names in the host's order, one a line
    /// (<c>DIR NAME NAME…</c>, escaped as mountinfo escapes), so a snapshot lists as the host did — names no command read included.
    /// </summary>
    private static byte[] Listings(CapturedTree tree)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (directory, names) in tree.Listings.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            text.Append(Proc.Pid.Mountinfo.Escape("/" + directory));
            foreach (var name in names)
            {
                text.Append(' ').Append(Proc.Pid.Mountinfo.Escape(name));
            }

            text.Append('\n');
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Manifest(CapturedTree tree, SnapshotFacts facts, CollectOptions options, DateTimeOffset collected)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", SnapshotManifest.Format);
            json.WriteString("host", facts.Host);
            json.WriteString("kernel", facts.Kernel);
            json.WriteString("boot_id", facts.BootId);
            json.WriteString("collected", collected.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            json.WriteString("hostdoc", facts.Version);
            json.WriteStartArray("command_line");
            foreach (var arg in facts.CommandLine)
            {
                json.WriteStringValue(arg);
            }

            json.WriteEndArray();
            json.WriteBoolean("redacted", facts.Redaction is not null);
            json.WriteNumber("max_size_bytes", options.MaxBytes);
            json.WriteNumber("include_logs_seconds", (long)options.IncludeLogs.TotalSeconds);
            json.WriteNumber("read_timeout_seconds", options.Timeout.TotalSeconds);
            json.WriteNumber("files", tree.Entries.Values.Count(e => e is CapturedEntry.File));
            json.WriteNumber("links", tree.Entries.Values.Count(e => e is CapturedEntry.Link));
            json.WriteNumber("bytes", tree.Bytes);
            json.WriteStartObject("bytes_by_top");
            foreach (var top in tree.Entries.Where(e => e.Value is CapturedEntry.File).GroupBy(e => e.Key.Split('/')[0], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(top.Key, top.Sum(e => (long)((CapturedEntry.File)e.Value).Bytes.Length));
            }

            json.WriteEndObject();
            if (facts.Redaction is { } redaction)
            {
                json.WriteStartObject("redaction");
                foreach (var (kind, count) in redaction.OrderBy(r => r.Key, StringComparer.Ordinal))
                {
                    json.WriteNumber(kind, count);
                }

                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("redaction");
            }

            json.WriteStartArray("unreadable");
            foreach (var problem in tree.Unreadable.Values.OrderBy(p => p.Path, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("path", problem.Path);
                json.WriteString("kind", problem.Kind.ToString());
                json.WriteString("why", problem.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

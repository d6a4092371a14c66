using System.Text.Json;
using HostDoc.Sources;

namespace HostDoc.Roots;

/// <summary>
/// What <c>manifest.json</c> at the top of a snapshot says (format <c>hostdoc.snapshot/1</c>): whose host, when, by which
/// hostdoc and command line, what could not be read and why, and what redaction did. An archive without one (any tar
/// of a tree) gives a manifest with only <see cref="File"/>.
/// </summary>
/// <param name="File">The archive it was read from.</param>
/// <param name="Host">The host name (a pseudonym when redacted).</param>
/// <param name="Kernel">The kernel release.</param>
/// <param name="BootId">/proc/sys/kernel/random/boot_id at collection.</param>
/// <param name="Collected">When it was collected.</param>
/// <param name="Version">The hostdoc that collected it.</param>
/// <param name="Redacted">True when <c>--redact</c> replaced identifying values.</param>
/// <param name="Unreadable">The paths collect could not read, with the problem it met (a snapshot answers them with the same problem).</param>
public sealed record SnapshotManifest(
    string File, string? Host, string? Kernel, string? BootId, DateTimeOffset? Collected, string? Version, bool Redacted,
    IReadOnlyDictionary<string, SourceProblem> Unreadable)
{
    /// <summary>The format name a manifest carries.</summary>
    public const string Format = "hostdoc.snapshot/1";

    /// <summary>The manifest's name inside the archive.</summary>
    public const string EntryName = "manifest.json";

    /// <summary>A manifest that says nothing but the file's name.</summary>
    public static SnapshotManifest Bare(string file) => new(file, null, null, null, null, null, false, new Dictionary<string, SourceProblem>());

    /// <summary>One line for report headers: "snapshot FILE of HOST collected at TIME by hostdoc V".</summary>
    public string Describe()
    {
        var text = "snapshot " + File;
        if (Host is { } host)
        {
            text += " of " + host;
        }

        if (Collected is { } at)
        {
            text += " collected " + at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }

        return Redacted ? text + " (redacted)" : text;
    }

    /// <summary>Reads a manifest; a damaged one gives <see cref="Bare"/> with <paramref name="problem"/> set.</summary>
    public static SnapshotManifest Parse(string file, ReadOnlySpan<byte> json, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var top = document.RootElement;
            if (top.ValueKind != JsonValueKind.Object || Text(top, "format") != Format)
            {
                problem = $"{EntryName}: not a {Format} manifest";
                return Bare(file);
            }

            var unreadable = new Dictionary<string, SourceProblem>(StringComparer.Ordinal);
            if (top.TryGetProperty("unreadable", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && Text(item, "path") is { } path && Text(item, "why") is { } why)
                    {
                        var kind = Enum.TryParse<ProblemKind>(Text(item, "kind"), ignoreCase: false, out var k) ? k : ProblemKind.IoError;
                        unreadable[path] = new SourceProblem(path, kind, why);
                    }
                }
            }

            DateTimeOffset? collected = Text(top, "collected") is { } t && DateTimeOffset.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at : null;
            return new SnapshotManifest(file, Text(top, "host"), Text(top, "kernel"), Text(top, "boot_id"), collected, Text(top, "hostdoc"),
                top.TryGetProperty("redacted", out var r) && r.ValueKind == JsonValueKind.True, unreadable);
        }
        catch (JsonException e)
        {
            problem = $"{EntryName}: not JSON ({e.Message})";
            return Bare(file);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

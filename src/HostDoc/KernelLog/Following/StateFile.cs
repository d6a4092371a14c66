using System.Globalization;
using System.Text.Json;
using HostDoc.Findings;

namespace HostDoc.KernelLog.Following;

/// <summary>
/// The state file of <c>check kernel-log</c>: JSON (<see cref="LogState.Schema"/>), written
/// atomically — a temporary file in the same directory, fsync, rename over the old one, fsync of the
/// directory — so a run killed at any point leaves the old state or the new one, never half of one.
/// </summary>
public static class StateFile
{
    /// <summary>Reads the state at <paramref name="path"/>: <see cref="LogState.Empty"/> when there is none yet; an error when it is not a state file.</summary>
    public static LogState Load(string path, out string? error)
    {
        error = null;
        if (!File.Exists(path))
        {
            return LogState.Empty;
        }

        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);   // hostdoc's own file, not the host's: no HostRoot
            using var document = JsonDocument.Parse(file);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out var schema) || schema.GetString() != LogState.Schema)
            {
                error = $"{path}: not a {LogState.Schema} state file; move it away to start over";
                return LogState.Empty;
            }

            KmsgPosition? kmsg = root.TryGetProperty("kmsg", out var k) && k.ValueKind == JsonValueKind.Object
                ? new KmsgPosition(k.GetProperty("boot_id").GetString() ?? "", k.GetProperty("next_sequence").GetUInt64(),
                    k.TryGetProperty("last_usec", out var usec) ? usec.GetUInt64() : 0,
                    k.TryGetProperty("at_last_usec", out var at) ? at.GetInt32() : 0)
                : null;
            var files = root.TryGetProperty("files", out var f) ? f.EnumerateArray().Select(ReadFile).ToArray() : [];
            var reported = root.TryGetProperty("reported", out var r) ? r.EnumerateArray().Select(ReadIncident).ToArray() : [];
            return new LogState(kmsg, files, reported);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or IOException or UnauthorizedAccessException)
        {
            error = $"{path}: unreadable state ({e.Message}); move it away to start over";
            return LogState.Empty;
        }
    }

    /// <summary>Writes <paramref name="state"/> to <paramref name="path"/> atomically, creating its directory; call it holding the <see cref="StateFiles.StateLock"/>.</summary>
    public static void Save(string path, LogState state, DateTimeOffset now) =>
        StateFiles.AtomicFile.Replace(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            Write(json, state, now);
        });

    private static void Write(Utf8JsonWriter json, LogState state, DateTimeOffset now)
    {
        json.WriteStartObject();
        json.WriteString("schema", LogState.Schema);
        json.WriteString("written", now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        if (state.Kmsg is { } kmsg)
        {
            json.WriteStartObject("kmsg");
            json.WriteString("boot_id", kmsg.BootId);
            json.WriteNumber("next_sequence", kmsg.NextSequence);
            json.WriteNumber("last_usec", kmsg.LastMicroseconds);
            json.WriteNumber("at_last_usec", kmsg.AtLastMicroseconds);
            json.WriteEndObject();
        }

        json.WriteStartArray("files");
        foreach (var file in state.Files)
        {
            json.WriteStartObject();
            json.WriteString("path", file.Path);
            WriteMark(json, "current", file.Current);
            if (file.Previous is { } previous)
            {
                WriteMark(json, "previous", previous);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("reported");
        foreach (var incident in state.Reported)
        {
            json.WriteStartObject();
            json.WriteString("id", incident.Id);
            json.WriteString("subject", incident.Subject);
            json.WriteString("severity", incident.Severity.Name());
            json.WriteString("summary", incident.Summary);
            json.WriteString("last_seen", incident.LastSeen.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteMark(Utf8JsonWriter json, string name, FileMark mark)
    {
        json.WriteStartObject(name);
        json.WriteNumber("device", mark.Device);
        json.WriteNumber("inode", mark.Inode);
        json.WriteNumber("head_length", mark.Head.Length);
        json.WriteString("head_sha256", mark.Head.Sha256);
        json.WriteNumber("offset", mark.Offset);
        json.WriteEndObject();
    }

    private static FilePosition ReadFile(JsonElement e) => new(
        e.GetProperty("path").GetString() ?? "",
        ReadMark(e.GetProperty("current")),
        e.TryGetProperty("previous", out var previous) ? ReadMark(previous) : null);

    private static FileMark ReadMark(JsonElement e)
    {
        var length = e.GetProperty("head_length").GetInt32();
        var offset = e.GetProperty("offset").GetInt64();
        if (length is < 0 or > FileHead.MaxLength || offset < length)
        {
            throw new FormatException($"a head of {length} bytes at offset {offset} is not one hostdoc writes");
        }

        return new FileMark(e.GetProperty("device").GetUInt64(), e.GetProperty("inode").GetUInt64(), new FileHead(length, e.GetProperty("head_sha256").GetString() ?? ""), offset);
    }

    private static ReportedIncident ReadIncident(JsonElement e) => new(
        e.GetProperty("id").GetString() ?? "",
        e.GetProperty("subject").GetString() ?? "",
        SeverityExtensions.Parse(e.GetProperty("severity").GetString() ?? ""),
        e.GetProperty("summary").GetString() ?? "",
        DateTimeOffset.Parse(e.GetProperty("last_seen").GetString() ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
}

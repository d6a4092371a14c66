using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HostDoc.Checks;
using HostDoc.Findings;

namespace HostDoc.Output;

/// <summary>
/// Writes a report as JSON, schema <see cref="Schema"/>: <c>{schema, generated, host{name, kernel,
/// root}, worst, checks[{name, state, findings[{id, severity, subject, summary, explanation,
/// evidence[{label, value, source}], advice, data{…typed}}], measurements[{label, value, unit, warning, critical,
/// min, max}], problems[{path, kind, message, line}]}]}</c>. Adding a member is compatible;
/// renaming or removing one needs a new schema version.
/// </summary>
/// <remarks>
/// Written with <see cref="Utf8JsonWriter"/>, not the serializer: no reflection either way, but the
/// serializer's source-generated metadata made every command of the native binary start 0.6 ms
/// slower (its type data is rehydrated at each start), measured with bench/startup-vs-free.sh.
/// </remarks>
public static class JsonReportWriter
{
    /// <summary>The schema id carried in every document; bumped on an incompatible change.</summary>
    public const string Schema = "hostdoc.report/1";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Keeps ' and + readable; the output is a file or a pipe, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="report"/> to <paramref name="writer"/>, followed by a newline.</summary>
    public static void Write(TextWriter writer, Report report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteString("generated", report.Generated);
            json.WriteStartObject("host");
            json.WriteString("name", report.Identity.Hostname);
            json.WriteString("kernel", report.Identity.KernelRelease);
            json.WriteString("root", report.Root);
            if (report.Snapshot is { } snapshot)
            {
                WriteSnapshot(json, snapshot);
            }

            json.WriteEndObject();
            json.WriteString("worst", report.Worst.Name());
            json.WriteStartArray("checks");
            foreach (var result in report.Results)
            {
                WriteCheck(json, result);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.Write('\n');
    }

    private static void WriteCheck(Utf8JsonWriter json, CheckResult result)
    {
        json.WriteStartObject();
        json.WriteString("name", result.Check);
        json.WriteString("state", result.Worst.Name());
        json.WriteStartArray("findings");
        foreach (var f in result.Findings)
        {
            json.WriteStartObject();
            json.WriteString("id", f.Id);
            json.WriteString("severity", f.Severity.Name());
            json.WriteString("subject", f.Subject);
            json.WriteString("summary", f.Summary);
            json.WriteString("explanation", f.Explanation);
            JsonParts.WriteEvidence(json, "evidence", f.Evidence);
            json.WriteString("advice", f.Advice);
            JsonParts.WriteData(json, f.Data);
            if (f.CausedBy is { } cause)
            {
                json.WriteStartObject("caused_by");
                json.WriteString("id", cause.Id);
                json.WriteString("subject", cause.Subject);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("caused_by");
            }

            json.WriteStartArray("causes");
            foreach (var effect in f.Causes ?? [])
            {
                json.WriteStartObject();
                json.WriteString("id", effect.Id);
                json.WriteString("subject", effect.Subject);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("measurements");
        foreach (var m in result.Measurements)
        {
            json.WriteStartObject();
            json.WriteString("label", m.Label);
            json.WriteNumber("value", m.Value);
            json.WriteString("unit", m.Unit);
            WriteNumberOrNull(json, "warning", m.Warning);
            WriteNumberOrNull(json, "critical", m.Critical);
            WriteNumberOrNull(json, "min", m.Min);
            WriteNumberOrNull(json, "max", m.Max);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("problems");
        foreach (var p in result.Problems)
        {
            json.WriteStartObject();
            json.WriteString("path", p.Path);
            json.WriteString("kind", p.Kind.ToString());
            json.WriteString("message", p.Message);
            WriteNumberOrNull(json, "line", p.Line);

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>The snapshot a report was read from: whose, when, by which hostdoc (members the manifest lacks are null).</summary>
    private static void WriteSnapshot(Utf8JsonWriter json, Roots.SnapshotManifest snapshot)
    {
        json.WriteStartObject("snapshot");
        json.WriteString("file", snapshot.File);
        json.WriteString("host", snapshot.Host);
        json.WriteString("kernel", snapshot.Kernel);
        json.WriteString("boot_id", snapshot.BootId);
        if (snapshot.Collected is { } at)
        {
            json.WriteString("collected", at);
        }
        else
        {
            json.WriteNull("collected");
        }

        json.WriteString("hostdoc", snapshot.Version);
        json.WriteBoolean("redacted", snapshot.Redacted);
        json.WriteEndObject();
    }
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HostDoc.Findings;
using HostDoc.KernelLog;
using HostDoc.KernelLog.Reading;

namespace HostDoc.Output;

/// <summary>
/// <c>hostdoc logs --format json</c>: schema <c>hostdoc.logs/2</c> (<c>schemas/hostdoc.logs-2.schema.json</c>), one object per
/// incident with its sentences, its typed members (<c>data</c>: kind, the device chain by name, LBAs and counts as numbers),
/// its times as objects (as printed, RFC 3339 where the zone is known, uptime, boot), its decoded facts and its lines.
/// Version 2 made <c>times</c> objects (they were strings) and added <c>data</c>.
/// </summary>
public static class IncidentJsonWriter
{
    /// <summary>The schema id.</summary>
    public const string Schema = "hostdoc.logs/2";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="analysis"/> (and, for <c>logs --boot</c>, how that boot ended), followed by a newline.</summary>
    public static void Write(TextWriter writer, KernelLogAnalysis analysis, KernelLog.Journal.BootEnding? ending = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            JsonParts.WriteStrings(json, "sources", analysis.Sources);
            json.WriteStartObject("read");
            json.WriteNumber("bytes", analysis.Counts.Bytes);
            json.WriteNumber("lines", analysis.Counts.Lines);
            json.WriteNumber("candidate_lines", analysis.Counts.Candidates);
            json.WriteNumber("skipped_long_lines", analysis.Counts.LongLines);
            json.WriteNumber("skipped_binary_lines", analysis.Counts.BinaryLines);
            json.WriteNumber("boots", analysis.Boots);
            json.WriteEndObject();
            json.WriteStartArray("incidents");
            foreach (var i in analysis.Incidents)
            {
                json.WriteStartObject();
                json.WriteString("id", i.Id);
                json.WriteString("severity", i.Severity.Name());
                json.WriteString("subject", i.Subject);
                if (i.Host is { } host)
                {
                    json.WriteString("host", host);
                }

                json.WriteString("kind", FindingData.TextOf(i.Fields, "kind") ?? "event");
                json.WriteString("summary", i.Summary);
                json.WriteString("explanation", i.Explanation);
                json.WriteString("advice", i.Advice);
                WriteTime(json, "first_seen", i.FirstSeen);
                WriteTime(json, "last_seen", i.LastSeen);
                json.WriteNumber("occurrences", i.Occurrences);
                json.WriteStartArray("times");
                foreach (var t in i.Times)
                {
                    WriteTime(json, null, t);
                }

                json.WriteEndArray();
                JsonParts.WriteStrings(json, "chain", i.Chain);
                JsonParts.WriteEvidence(json, "facts", i.Facts);
                JsonParts.WriteStrings(json, "consequences", i.Consequences);
                JsonParts.WriteStrings(json, "cross_checks", i.CrossChecks);
                JsonParts.WriteData(json, i.Fields);
                json.WriteStartArray("lines");
                foreach (var l in i.Lines)
                {
                    json.WriteStartObject();
                    json.WriteString("source", l.Source);
                    json.WriteNumber("line", l.LineNumber);
                    json.WriteString("text", l.Raw);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteNumber("more_lines", i.MoreLines);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (ending is not null)
            {
                json.WriteStartObject("boot_ending");
                json.WriteString("boot", ending.Boot);
                json.WriteString("severity", ending.Severity.Name());
                if (ending.Last is { } last)
                {
                    json.WriteString("last_message", last.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
                }

                json.WriteString("summary", ending.Sentence);
                json.WriteEndObject();
            }

            JsonParts.WriteStrings(json, "problems", analysis.Problems);
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.Write('\n');
    }

    private static void WriteTime(Utf8JsonWriter json, string? name, LogTime time)
    {
        if (name is null)
        {
            json.WriteStartObject();
        }
        else
        {
            json.WriteStartObject(name);
        }

        json.WriteString("text", time.ToString());
        json.WriteString("wall", time.IsoWall);
        json.WriteString("rfc3339", time.Rfc3339);
        json.WriteBoolean("year_known", time.YearKnown);
        if (time.Uptime is { } u)
        {
            json.WriteNumber("uptime", u);
        }
        else
        {
            json.WriteNull("uptime");
        }

        json.WriteNumber("boot", time.Boot);
        json.WriteEndObject();
    }
}

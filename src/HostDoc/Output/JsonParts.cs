using System.Text.Json;
using HostDoc.Findings;

namespace HostDoc.Output;

/// <summary>Members the JSON documents share: evidence lists and string arrays.</summary>
internal static class JsonParts
{
    /// <summary><c>"name": [{"label": …, "value": …, "source": …}, …]</c>.</summary>
    public static void WriteEvidence(Utf8JsonWriter json, string name, IEnumerable<Evidence> evidence)
    {
        json.WriteStartArray(name);
        foreach (var e in evidence)
        {
            json.WriteStartObject();
            json.WriteString("label", e.Label);
            json.WriteString("value", e.Value);
            json.WriteString("source", e.Source);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary><c>"name": ["…", …]</c>.</summary>
    public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }
}

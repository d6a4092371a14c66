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

    /// <summary><c>"data": {"kind": "disk", "lba": 291766746, …}</c>: each field as its JSON type.</summary>
    public static void WriteData(Utf8JsonWriter json, IReadOnlyList<DataField>? fields)
    {
        json.WriteStartObject("data");
        foreach (var field in fields ?? [])
        {
            switch (field.Value)
            {
                case DataText t:
                    json.WriteString(field.Name, t.Value);
                    break;
                case DataInteger i:
                    json.WriteNumber(field.Name, i.Value);
                    break;
                case DataUnsigned u:
                    json.WriteNumber(field.Name, u.Value);
                    break;
                case DataReal r:
                    json.WriteNumber(field.Name, r.Value);
                    break;
                case DataFlag f:
                    json.WriteBoolean(field.Name, f.Value);
                    break;
                case DataCounts c:
                    json.WriteStartObject(field.Name);
                    foreach (var (name, count) in c.Values)
                    {
                        json.WriteNumber(name, count);
                    }

                    json.WriteEndObject();
                    break;
                default:
                    json.WriteString(field.Name, field.Value.Text);
                    break;
            }
        }

        json.WriteEndObject();
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

    /// <summary>Writes <paramref name="name"/> only when there is a value.</summary>
    public static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>Writes <paramref name="name"/> only when there is a value.</summary>
    public static void WriteOptional(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }
}

using System.Globalization;
using System.Text;

namespace HostDoc.Metrics;

/// <summary>
/// Reads the Prometheus text exposition format (0.0.4), as an operator writes it into a textfile
/// collector's <c>*.prom</c> file: <c># HELP</c>, <c># TYPE</c>, other comments, and samples
/// <c>name{label="value",…} value [timestamp]</c> with the format's escapes. Strict where the format
/// is (expfmt's rules): a malformed line, a second HELP or TYPE for a name, a TYPE after the name's
/// samples, a repeated label or a repeated series rejects the whole file with one line that says
/// where and why. Summaries and histograms keep their <c>_sum</c>, <c>_count</c> and <c>_bucket</c> samples.
/// </summary>
public static class TextExposition
{
    /// <summary>The families of <paramref name="text"/>, whether any sample carried a timestamp, or the error.</summary>
    public static (IReadOnlyList<MetricFamily> Families, bool HasTimestamps, string? Error) Parse(string text)
    {
        var help = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = new Dictionary<string, MetricType>(StringComparer.Ordinal);
        var samples = new Dictionary<string, List<MetricSample>>(StringComparer.Ordinal);
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var timestamps = false;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r').TrimStart(' ', '\t');
            if (line.Length == 0)
            {
                continue;
            }

            string? error;
            if (line[0] == '#')
            {
                error = Comment(line, help, types, samples);
            }
            else
            {
                error = Sample(line, out var name, out var sample, out var stamped);
                if (error is null)
                {
                    timestamps |= stamped;
                    var (family, suffix) = FamilyOf(name, types);
                    var key = family + suffix + "{" + string.Join(",", sample.Labels.Select(l => l.Key + "=" + l.Value)) + "}";
                    if (!seen.Add(key))
                    {
                        error = $"second sample of {name} with the same labels";
                    }
                    else
                    {
                        if (!samples.TryGetValue(family, out var list))
                        {
                            samples[family] = list = [];
                            order.Add(family);
                        }

                        list.Add(sample with { Suffix = suffix });
                    }
                }
            }

            if (error is not null)
            {
                return ([], timestamps, $"line {number}: {error}");
            }
        }

        var families = order.Select(name => new MetricFamily(name, help.GetValueOrDefault(name, ""), types.GetValueOrDefault(name, MetricType.Untyped), samples[name])).ToArray();
        return (families, timestamps, null);
    }

    private static string? Comment(string line, Dictionary<string, string> help, Dictionary<string, MetricType> types, Dictionary<string, List<MetricSample>> samples)
    {
        var words = line[1..].TrimStart(' ', '\t');
        var isHelp = words.StartsWith("HELP ", StringComparison.Ordinal) || words.StartsWith("HELP\t", StringComparison.Ordinal);
        var isType = words.StartsWith("TYPE ", StringComparison.Ordinal) || words.StartsWith("TYPE\t", StringComparison.Ordinal);
        if (!isHelp && !isType)
        {
            return null;
        }

        var rest = words[5..].TrimStart(' ', '\t');
        var end = 0;
        while (end < rest.Length && IsNameChar(rest[end], end == 0, colon: true))
        {
            end++;
        }

        var name = rest[..end];
        if (name.Length == 0 || (end < rest.Length && rest[end] is not (' ' or '\t')))
        {
            return $"invalid metric name in {(isHelp ? "HELP" : "TYPE")} line";
        }

        var value = rest[end..].Trim(' ', '\t');
        if (isHelp)
        {
            return help.TryAdd(name, Unescape(value)) ? null : $"second HELP line for metric name \"{name}\"";
        }

        if (types.ContainsKey(name))
        {
            return $"second TYPE line for metric name \"{name}\", or TYPE reported after samples";
        }

        if (samples.ContainsKey(name))
        {
            return $"TYPE line for \"{name}\" after its samples";
        }

        MetricType? type = value switch
        {
            "counter" => MetricType.Counter,
            "gauge" => MetricType.Gauge,
            "untyped" => MetricType.Untyped,
            "summary" => MetricType.Summary,
            "histogram" => MetricType.Histogram,
            _ => null,
        };
        if (type is null)
        {
            return $"unknown metric type \"{value}\"";
        }

        types[name] = type.Value;
        return null;
    }

    private static (string Family, string Suffix) FamilyOf(string name, Dictionary<string, MetricType> types)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length
                && types.TryGetValue(name[..^suffix.Length], out var type)
                && (type == MetricType.Histogram || (type == MetricType.Summary && suffix != "_bucket")))
            {
                return (name[..^suffix.Length], suffix);
            }
        }

        return (name, "");
    }

    private static string? Sample(string line, out string name, out MetricSample sample, out bool stamped)
    {
        sample = MetricSample.Of(0);
        stamped = false;
        var i = 0;
        while (i < line.Length && IsNameChar(line[i], i == 0, colon: true))
        {
            i++;
        }

        name = line[..i];
        if (name.Length == 0)
        {
            return "invalid metric name";
        }

        var labels = new List<KeyValuePair<string, string>>();
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (true)
            {
                while (i < line.Length && line[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i < line.Length && line[i] == '}')
                {
                    i++;
                    break;
                }

                var start = i;
                while (i < line.Length && IsNameChar(line[i], i == start, colon: false))
                {
                    i++;
                }

                var label = line[start..i];
                while (i < line.Length && line[i] is ' ' or '\t')
                {
                    i++;
                }

                if (label.Length == 0 || i + 1 >= line.Length || line[i] != '=' || line[i + 1] != '"')
                {
                    return $"invalid label in {name}: expected name=\"value\"";
                }

                i += 2;
                var value = new StringBuilder();
                while (i < line.Length && line[i] != '"')
                {
                    if (line[i] == '\\' && i + 1 < line.Length)
                    {
                        i++;
                        var escaped = line[i] switch { 'n' => '\n', '\\' => '\\', '"' => '"', _ => '\0' };
                        if (escaped == '\0')
                        {
                            return $"invalid escape \\{line[i]} in a label value of {name}";
                        }

                        value.Append(escaped);
                    }
                    else
                    {
                        value.Append(line[i]);
                    }

                    i++;
                }

                if (i >= line.Length)
                {
                    return $"unterminated label value in {name}";
                }

                i++;
                if (labels.Exists(l => l.Key == label))
                {
                    return $"label {label} given twice in {name}";
                }

                labels.Add(new(label, value.ToString()));
                while (i < line.Length && line[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i < line.Length && line[i] == ',')
                {
                    i++;
                }
                else if (i >= line.Length || line[i] != '}')
                {
                    return $"expected , or }} after a label of {name}";
                }
            }
        }

        var fields = line[i..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is 0 or > 2 || (i < line.Length && line[i] is not (' ' or '\t')))
        {
            return $"expected a value (and an optional timestamp) after {name}";
        }

        if (!TryValue(fields[0], out var v))
        {
            return $"\"{fields[0]}\" is not a number (the value of {name})";
        }

        if (fields.Length == 2)
        {
            if (!long.TryParse(fields[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                return $"\"{fields[1]}\" is not a timestamp in milliseconds (of {name})";
            }

            stamped = true;
        }

        sample = new MetricSample(labels, v);
        return null;
    }

    private static bool TryValue(string text, out double value)
    {
        switch (text)
        {
            case "NaN":
                value = double.NaN;
                return true;
            case "+Inf" or "Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
        }
    }

    private static bool IsNameChar(char c, bool first, bool colon) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || (colon && c == ':') || (!first && c is >= '0' and <= '9');

    /// <summary>HELP text's escapes: backslash and newline.</summary>
    private static string Unescape(string text) =>
        text.Replace("\\\\", "\u0001", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal).Replace("\u0001", "\\", StringComparison.Ordinal);
}

using System.Globalization;
using System.Text;
using HostDoc.Metrics;

namespace HostDoc.Output;

/// <summary>
/// The Prometheus text exposition format 0.0.4, or OpenMetrics 1.0 when the scraper asks for it
/// (counter families named without <c>_total</c> in HELP/TYPE, <c>unknown</c> for untyped, <c># EOF</c>).
/// Label values escape backslash, double quote and newline; HELP escapes backslash and newline.
/// </summary>
public static class PrometheusWriter
{
    /// <summary>The Content-Type of the text format.</summary>
    public const string TextContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The Content-Type of OpenMetrics.</summary>
    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /// <summary>Writes <paramref name="families"/>; families without samples are left out.</summary>
    public static string Write(IEnumerable<MetricFamily> families, bool openMetrics) => Build(families, openMetrics).ToString();

    /// <summary>
    /// The same text as UTF-8 bytes, encoded chunk by chunk: a scrape of a few hundred kilobytes then
    /// allocates no string of its size (which would land on the large-object heap every scrape).
    /// </summary>
    public static byte[] WriteUtf8(IEnumerable<MetricFamily> families, bool openMetrics)
    {
        var text = Build(families, openMetrics);
        var length = 0;
        foreach (var chunk in text.GetChunks())
        {
            length = checked(length + Encoding.UTF8.GetByteCount(chunk.Span));
        }

        var bytes = new byte[length];
        var at = 0;
        foreach (var chunk in text.GetChunks())
        {
            at += Encoding.UTF8.GetBytes(chunk.Span, bytes.AsSpan(at));
        }

        return bytes;
    }

    /// <summary>The exposition in a builder that grows by chunks (never one large buffer).</summary>
    private static StringBuilder Build(IEnumerable<MetricFamily> families, bool openMetrics)
    {
        var b = new StringBuilder();
        foreach (var family in families.Where(f => f.Samples.Count > 0))
        {
            var name = openMetrics && family.Type == MetricType.Counter && family.Name.EndsWith("_total", StringComparison.Ordinal) ? family.Name[..^6] : family.Name;
            var type = family.Type switch
            {
                MetricType.Counter => "counter",
                MetricType.Gauge => "gauge",
                MetricType.Summary => "summary",
                MetricType.Histogram => "histogram",
                _ => openMetrics ? "unknown" : "untyped",
            };
            b.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            b.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
            foreach (var sample in family.Samples)
            {
                b.Append(family.Name).Append(sample.Suffix);
                if (sample.Labels.Count > 0)
                {
                    b.Append('{');
                    for (var i = 0; i < sample.Labels.Count; i++)
                    {
                        b.Append(i == 0 ? "" : ",").Append(sample.Labels[i].Key).Append("=\"").Append(EscapeLabel(sample.Labels[i].Value)).Append('"');
                    }

                    b.Append('}');
                }

                b.Append(' ').Append(Number(sample.Value)).Append('\n');
            }
        }

        if (openMetrics)
        {
            b.Append("# EOF\n");
        }

        return b;
    }

    private static string Number(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

namespace HostDoc.Metrics;

/// <summary>How Prometheus should treat a metric.</summary>
public enum MetricType
{
    /// <summary>A value that goes up and down.</summary>
    Gauge,

    /// <summary>A value that only goes up (resets at reboot).</summary>
    Counter,

    /// <summary>Untyped (node_exporter exports /proc/vmstat and netstat fields so).</summary>
    Untyped,

    /// <summary>A summary (quantile samples, <c>_sum</c> and <c>_count</c>); only a textfile brings one.</summary>
    Summary,

    /// <summary>A histogram (<c>_bucket</c> samples with <c>le</c>, <c>_sum</c>, <c>_count</c>); only a textfile brings one.</summary>
    Histogram,
}

/// <summary>One sample: its labels, in order, and its value.</summary>
/// <param name="Labels">Label names and values.</param>
/// <param name="Value">The value.</param>
/// <param name="Suffix">What follows the family's name on the sample's line: <c>_bucket</c>, <c>_sum</c>, <c>_count</c> of a histogram or summary; empty otherwise.</param>
public sealed record MetricSample(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, string Suffix = "")
{
    /// <summary>A sample without labels.</summary>
    public static MetricSample Of(double value) => new([], value);

    /// <summary>A sample with labels given as name, value pairs.</summary>
    public static MetricSample Of(double value, params (string Name, string Value)[] labels) =>
        new(labels.Select(l => KeyValuePair.Create(l.Name, l.Value)).ToArray(), value);
}

/// <summary>A metric family: one name, help text, type, and its samples.</summary>
/// <param name="Name">The metric name (node_exporter's where it exports the same quantity).</param>
/// <param name="Help">The HELP text.</param>
/// <param name="Type">The TYPE.</param>
/// <param name="Samples">The samples.</param>
public sealed record MetricFamily(string Name, string Help, MetricType Type, IReadOnlyList<MetricSample> Samples);

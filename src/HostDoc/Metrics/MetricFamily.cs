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
}

/// <summary>One sample: its labels, in order, and its value.</summary>
/// <param name="Labels">Label names and values.</param>
/// <param name="Value">The value.</param>
public sealed record MetricSample(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value)
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

using System.Globalization;

namespace HostDoc.Metrics.Collectors;

/// <summary>/proc/sys/fs/file-nr (allocated, free — always 0 since 2.6 —, maximum): node_filefd_allocated and node_filefd_maximum.</summary>
public static class FilefdCollector
{
    /// <summary>The two gauges; a file that is not three numbers is a source that could not be read.</summary>
    public static IEnumerable<MetricFamily> Collect(CollectorContext context)
    {
        var text = context.Require(context.Root.ReadText("/proc/sys/fs/file-nr", 4096));
        var fields = text.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 3 || !double.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var allocated)
            || !double.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var maximum))
        {
            throw new SourceUnavailableException($"/proc/sys/fs/file-nr: expected \"allocated free maximum\", got \"{text.Trim()}\"");
        }

        return
        [
            new("node_filefd_allocated", "File descriptor statistics: allocated.", MetricType.Gauge, [MetricSample.Of(allocated)]),
            new("node_filefd_maximum", "File descriptor statistics: maximum.", MetricType.Gauge, [MetricSample.Of(maximum)]),
        ];
    }
}

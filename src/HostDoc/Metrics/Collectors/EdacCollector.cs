using HostDoc.Sys.Devices.System.Edac;

namespace HostDoc.Metrics.Collectors;

/// <summary>
/// node_exporter 1.5's edac collector from <see cref="EdacController"/>: per memory controller
/// node_edac_correctable_errors_total and node_edac_uncorrectable_errors_total{controller}, and per
/// csrow node_edac_csrow_correctable_errors_total and node_edac_csrow_uncorrectable_errors_total
/// {controller,csrow}, where csrow="unknown" carries the controller's noinfo counts. A host without
/// EDAC gives no series and is not an error, as node_exporter's glob then matches nothing. Where
/// node_exporter stops at the first count it cannot read, the other counts are kept and the read is
/// degraded; two directories that give the same label (mc0 and mc0x) keep the first.
/// </summary>
public static class EdacCollector
{
    /// <summary>The node_edac_* families; none when there is no memory controller.</summary>
    public static IEnumerable<MetricFamily> Collect(CollectorContext context)
    {
        var controllers = EdacController.ReadAll(context.Root);
        if (controllers.Count == 0)
        {
            return [];
        }

        var ce = new List<MetricSample>();
        var ue = new List<MetricSample>();
        var rowCe = new List<MetricSample>();
        var rowUe = new List<MetricSample>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mc in controllers)
        {
            if (!seen.Add(mc.Number))
            {
                context.Degrade();
                continue;
            }

            var controller = ("controller", mc.Number);
            Add(context, ce, mc.Correctable, controller);
            Add(context, ue, mc.Uncorrectable, controller);
            Add(context, rowCe, mc.CorrectableNoInfo, controller, ("csrow", "unknown"));
            Add(context, rowUe, mc.UncorrectableNoInfo, controller, ("csrow", "unknown"));
            var rows = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in mc.Csrows)
            {
                if (!rows.Add(row.Number))
                {
                    context.Degrade();
                    continue;
                }

                Add(context, rowCe, row.Correctable, controller, ("csrow", row.Number));
                Add(context, rowUe, row.Uncorrectable, controller, ("csrow", row.Number));
            }
        }

        return
        [
            new("node_edac_correctable_errors_total", "Total correctable memory errors.", MetricType.Counter, ce),
            new("node_edac_uncorrectable_errors_total", "Total uncorrectable memory errors.", MetricType.Counter, ue),
            new("node_edac_csrow_correctable_errors_total", "Total correctable memory errors for this csrow.", MetricType.Counter, rowCe),
            new("node_edac_csrow_uncorrectable_errors_total", "Total uncorrectable memory errors for this csrow.", MetricType.Counter, rowUe),
        ];
    }

    private static void Add(CollectorContext context, List<MetricSample> samples, ulong? count, params (string Name, string Value)[] labels)
    {
        if (count is { } value)
        {
            samples.Add(MetricSample.Of(value, labels));
        }
        else
        {
            context.Degrade();
        }
    }
}

namespace HostDoc.Metrics.Collectors;

/// <summary>
/// The hwmon families as they are gathered: samples under their family name, sorted on the way out as
/// node_exporter's registry sorts them (families by name, samples by label values). A second sample
/// with the same name and labels, or a family named twice with different help (two element files
/// cleaning to one name), is dropped as the registry drops it, and noted in <see cref="Conflicted"/>.
/// </summary>
internal sealed class HwmonFamilies
{
    private readonly Dictionary<string, (string Help, MetricType Type, List<MetricSample> Samples)> families = new(StringComparer.Ordinal);
    private readonly HashSet<string> series = new(StringComparer.Ordinal);

    /// <summary>True when a sample was dropped as a duplicate or for a family's inconsistent help.</summary>
    public bool Conflicted { get; private set; }

    /// <summary>Adds one sample; labels are given in name order, as the exposition shows them.</summary>
    public void Add(string name, string help, MetricType type, double value, params (string Name, string Value)[] labels)
    {
        if (!families.TryGetValue(name, out var family))
        {
            family = (help, type, []);
            families[name] = family;
        }
        else if (family.Help != help || family.Type != type)
        {
            Conflicted = true;
            return;
        }

        if (!series.Add(name + "{" + string.Join("\u0000", labels.Select(l => l.Value))))
        {
            Conflicted = true;
            return;
        }

        family.Samples.Add(MetricSample.Of(value, labels));
    }

    /// <summary>The families, sorted.</summary>
    public IReadOnlyList<MetricFamily> Build() =>
        families.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new MetricFamily(f.Key, f.Value.Help, f.Value.Type, f.Value.Samples.Order(SampleOrder.Instance).ToArray()))
            .ToArray();

    private sealed class SampleOrder : IComparer<MetricSample>
    {
        public static readonly SampleOrder Instance = new();

        public int Compare(MetricSample? x, MetricSample? y)
        {
            var a = x?.Labels ?? [];
            var b = y?.Labels ?? [];
            for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                var order = string.CompareOrdinal(a[i].Value, b[i].Value);
                if (order != 0)
                {
                    return order;
                }
            }

            return a.Count.CompareTo(b.Count);
        }
    }
}

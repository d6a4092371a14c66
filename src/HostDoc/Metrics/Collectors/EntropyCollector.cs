namespace HostDoc.Metrics.Collectors;

/// <summary>/proc/sys/kernel/random/{entropy_avail,poolsize}: node_entropy_available_bits and node_entropy_pool_size_bits (256 and 256 on 5.18+ kernels, whose pool no longer drains).</summary>
public static class EntropyCollector
{
    /// <summary>The two gauges; entropy_avail is required, poolsize kept when present.</summary>
    public static IEnumerable<MetricFamily> Collect(CollectorContext context)
    {
        var available = context.Root.ReadNumber("/proc/sys/kernel/random/entropy_avail")
            ?? throw new SourceUnavailableException("/proc/sys/kernel/random/entropy_avail: missing or not a number");
        var families = new List<MetricFamily> { new("node_entropy_available_bits", "Bits of available entropy.", MetricType.Gauge, [MetricSample.Of(available)]) };
        if (context.Root.ReadNumber("/proc/sys/kernel/random/poolsize") is { } pool)
        {
            families.Add(new("node_entropy_pool_size_bits", "Bits of entropy pool.", MetricType.Gauge, [MetricSample.Of(pool)]));
        }
        else
        {
            context.Degrade();
        }

        return families;
    }
}

using HostDoc.Sources;

namespace HostDoc.Metrics.Collectors;

/// <summary>
/// What a collector is given for one scrape: the host, its root, the operator's options, and
/// <see cref="Require{T}"/>, which turns a source that could not be read into
/// <see cref="SourceUnavailableException"/> (the collector's families are then missing) and one read only
/// in part into <see cref="Degraded"/> (its families are kept; <c>hostdoc_scrape_source_up</c> is 0).
/// </summary>
public sealed class CollectorContext(HostModel host, MetricsOptions options)
{
    /// <summary>The host being scraped.</summary>
    public HostModel Host { get; } = host;

    /// <summary>Where its files are.</summary>
    public HostRoot Root => Host.Root;

    /// <summary>The operator's collector options.</summary>
    public MetricsOptions Options { get; } = options;

    /// <summary>True when a source this collector read had problems.</summary>
    public bool Degraded { get; private set; }

    /// <summary>The value of <paramref name="sourced"/>, noting its problems; throws when there is none.</summary>
    public T Require<T>(Sourced<T> sourced)
        where T : class
    {
        Degraded |= sourced.Problems.Count > 0;
        return sourced.Value ?? throw new SourceUnavailableException(string.Join("; ", sourced.Problems));
    }

    /// <summary>Marks this collector's read as partial (a file it skipped, a line it could not parse).</summary>
    public void Degrade() => Degraded = true;

    internal void Reset() => Degraded = false;
}

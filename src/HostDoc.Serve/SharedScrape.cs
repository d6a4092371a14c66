namespace HostDoc.Serve;

/// <summary>
/// Coalesces concurrent scrapes: while one is running, every request that arrives gets its result
/// instead of starting another, so two scrapers at once (two Prometheus replicas) do not double the
/// work on slow sources such as statvfs of a hung mount.
/// </summary>
internal sealed class SharedScrape<T>(Func<T> scrape)
{
    private readonly Lock gate = new();
    private Task<T>? running;

    public Task<T> GetAsync()
    {
        lock (gate)
        {
            if (running is { IsCompleted: false } current)
            {
                return current;
            }

            running = Task.Run(scrape);
            return running;
        }
    }
}

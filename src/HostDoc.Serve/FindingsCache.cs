using HostDoc.Checks;
using HostDoc.Metrics;

namespace HostDoc.Serve;

/// <summary>
/// Keeps the last <see cref="FindingsSnapshot"/> and evaluates a new one when it is older than the
/// interval (<c>--checks-every</c>, default 30 s; 0 = on every scrape). Scrapes coalesce upstream, so
/// at most one evaluation runs at a time.
/// </summary>
internal sealed class FindingsCache(CheckCatalog catalog, TimeSpan every)
{
    private readonly Lock gate = new();
    private FindingsSnapshot? last;

    public FindingsSnapshot Get(HostModel host)
    {
        lock (gate)
        {
            if (last is null || host.Clock.GetUtcNow() - last.Taken >= every)
            {
                last = FindingsSnapshot.Take(host, catalog);
            }

            return last;
        }
    }
}

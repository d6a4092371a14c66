using HostDoc.Serve;
using Xunit;

namespace HostDoc.Tests.Serve;

/// <summary>Two scrapers at once share one read of the host: slow sources are not read twice.</summary>
public sealed class SharedScrapeTests
{
    [Fact]
    public async Task Concurrent_requests_share_the_running_scrape_and_a_later_one_starts_afresh()
    {
        var runs = 0;
        using var release = new ManualResetEventSlim();
        var shared = new SharedScrape<int>(() =>
        {
            var n = Interlocked.Increment(ref runs);
            release.Wait(TimeSpan.FromSeconds(10));
            return n;
        });
        var first = shared.GetAsync();
        var second = shared.GetAsync();
        var third = shared.GetAsync();
        release.Set();
        var results = await Task.WhenAll(first, second, third);
        Assert.Equal(new[] { 1, 1, 1 }, results);
        Assert.Equal(2, await shared.GetAsync());
        Assert.Equal(2, runs);
    }
}

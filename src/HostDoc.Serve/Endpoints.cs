using System.Globalization;
using System.IO.Compression;
using System.Text;
using HostDoc.Checks;
using HostDoc.KernelLog.Decoders;
using HostDoc.Metrics;
using HostDoc.Output;
using HostDoc.Serve.WebConfig;
using Microsoft.AspNetCore.Http;

namespace HostDoc.Serve;

/// <summary>
/// What hostdoc-serve answers: <c>/metrics</c> (Prometheus text, or OpenMetrics when the Accept header
/// asks for it; gzip when the scraper accepts it, as Prometheus does), <c>/</c> (the HTML report,
/// <c>?refresh=N</c> to reload itself), <c>/report.json</c> (the same document as <c>hostdoc report
/// --format json</c>) and <c>/healthz</c>. Every scrape reads the host's counters afresh; concurrent
/// scrapes share one read and its rendered bytes. The findings in <c>/metrics</c> are evaluated every
/// <c>--checks-every</c> seconds; the page and the JSON report evaluate afresh, two at a time at most, so
/// a crowd reloading the page queues behind itself and never behind a scrape.
/// </summary>
internal sealed class Endpoints : IDisposable
{
    private readonly HostRoot root;
    private readonly CheckCatalog catalog = new();
    private readonly AscAscqTable table = AscAscqTable.Load();
    private readonly SharedScrape<RenderedScrape> scrape;
    private readonly SemaphoreSlim evaluations = new(2, 2);
    private long collectedAt;
    private long fullyCollectedAt;

    public Endpoints(HostRoot root, TimeSpan checksEvery, MetricsOptions metrics, WebConfigSource web)
    {
        this.root = root;
        var findings = new FindingsCache(catalog, checksEvery);
        scrape = new SharedScrape<RenderedScrape>(() =>
        {
            var host = Host();
            var families = MetricsScrape.Collect(host, findings.Get(host), metrics).ToList();
            families.Add(new MetricFamily("hostdoc_web_config_last_reload_successful", "0 when the last reload of --web.config.file failed (the configuration before it is still in force).",
                MetricType.Gauge, [MetricSample.Of(web.LastReloadSucceeded ? 1 : 0)]));
            return new RenderedScrape(families);
        });
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        switch (request.Path.Value)
        {
            case "/metrics":
                var rendered = await scrape.GetAsync().ConfigureAwait(false);
                var open = request.Headers.Accept.ToString().Contains("application/openmetrics-text", StringComparison.Ordinal);
                var gzip = request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.Ordinal);
                context.Response.ContentType = open ? PrometheusWriter.OpenMetricsContentType : PrometheusWriter.TextContentType;
                if (gzip)
                {
                    context.Response.Headers.ContentEncoding = "gzip";
                }

                context.Response.Headers.Vary = "Accept, Accept-Encoding";
                await Body(context, rendered.Bytes(open, gzip)).ConfigureAwait(false);
                TrimGarbage();
                return;
            case "/healthz":
                await Text(context, 200, "ok\n").ConfigureAwait(false);
                return;
            case "/report.json":
                var json = await Evaluate(() =>
                {
                    var writer = new StringWriter();
                    JsonReportWriter.Write(writer, Report.Run(Host(), catalog.All, CheckSettings.Defaults));
                    return writer.ToString();
                }, context.RequestAborted).ConfigureAwait(false);
                await Text(context, 200, json, "application/json; charset=utf-8").ConfigureAwait(false);
                return;
            case "/":
                var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
                var page = await Evaluate(() => Page(query), context.RequestAborted).ConfigureAwait(false);
                await Text(context, 200, page, "text/html; charset=utf-8").ConfigureAwait(false);
                return;
            default:
                await Text(context, 404, "not found: try /, /metrics, /report.json, /healthz\n").ConfigureAwait(false);
                return;
        }
    }

    public void Dispose() => evaluations.Dispose();

    /// <summary>A whole answer in one write, with its length.</summary>
    public static Task Text(HttpContext context, int status, string text, string contentType = "text/plain; charset=utf-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return Body(context, Encoding.UTF8.GetBytes(text));
    }

    private static Task Body(HttpContext context, byte[] body)
    {
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private async Task<string> Evaluate(Func<string> work, CancellationToken aborted)
    {
        await evaluations.WaitAsync(aborted).ConfigureAwait(false);
        try
        {
            return await Task.Run(work, aborted).ConfigureAwait(false);
        }
        finally
        {
            evaluations.Release();
        }
    }

    /// <summary>
    /// A scrape leaves about a megabyte of garbage. Collecting the young generation once 4 MiB have been
    /// allocated (a fraction of a millisecond), and everything once 32 MiB have (a millisecond or two on a
    /// heap this size; the large buffers a big host's scrape needs live there), keeps the resident set near
    /// its floor instead of growing to the GC's own budgets between scrapes that may be minutes apart.
    /// </summary>
    private void TrimGarbage()
    {
        var allocated = GC.GetTotalAllocatedBytes();
        if (allocated - Interlocked.Read(ref collectedAt) > 4 << 20)
        {
            Interlocked.Exchange(ref collectedAt, allocated);
            var full = allocated - Interlocked.Read(ref fullyCollectedAt) > 32 << 20;
            if (full)
            {
                Interlocked.Exchange(ref fullyCollectedAt, allocated);
            }

            GC.Collect(full ? 2 : 0, GCCollectionMode.Forced, blocking: true, compacting: full);
        }
    }

    private HostModel Host() => new(root, TimeProvider.System, senseTable: table);

    private string Page(string query)
    {
        var host = Host();
        var report = Report.Run(host, catalog.All, CheckSettings.Defaults);
        var interrupts = host.Interrupts.Value;
        var perCpu = interrupts is null ? [] : interrupts.Cpus.Zip(interrupts.DeviceTotalsPerCpu, (c, n) => (c, n)).ToArray();
        int? refresh = query.StartsWith("refresh=", StringComparison.Ordinal)
            && int.TryParse(query[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : null;
        var page = new StringWriter();
        HtmlReportWriter.Write(page, report, host.Free.Value, perCpu, host.Topology, refresh);
        return page.ToString();
    }

    /// <summary>One scrape's families and, rendered when first asked for, its bytes in each format.</summary>
    private sealed class RenderedScrape(IReadOnlyList<MetricFamily> families)
    {
        private readonly Lazy<byte[]>[] bytes =
        [
            new(() => PrometheusWriter.WriteUtf8(families, false)),
            new(() => PrometheusWriter.WriteUtf8(families, true)),
        ];

        private readonly Lazy<byte[]>[] compressed = new Lazy<byte[]>[2];

        public byte[] Bytes(bool open, bool gzip)
        {
            var i = open ? 1 : 0;
            if (!gzip)
            {
                return bytes[i].Value;
            }

            var lazy = LazyInitializer.EnsureInitialized(ref compressed[i], () => new Lazy<byte[]>(() =>
            {
                using var buffer = new MemoryStream();
                using (var zip = new GZipStream(buffer, CompressionLevel.Fastest))
                {
                    zip.Write(bytes[i].Value);
                }

                return buffer.ToArray();
            }));
            return lazy.Value;
        }
    }
}

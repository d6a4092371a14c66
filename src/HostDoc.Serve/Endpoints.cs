using System.Globalization;
using HostDoc.Checks;
using HostDoc.KernelLog.Decoders;
using HostDoc.Metrics;
using HostDoc.Output;

namespace HostDoc.Serve;

/// <summary>
/// What hostdoc-serve answers: <c>/metrics</c> (Prometheus text, or OpenMetrics when the Accept header
/// asks for it), <c>/</c> (the HTML report, <c>?refresh=N</c> to reload itself), <c>/report.json</c>
/// (the same document as <c>hostdoc report --format json</c>) and <c>/healthz</c>. Every request reads
/// the host's counters afresh (concurrent scrapes share one read); the findings in <c>/metrics</c> are
/// evaluated every <c>--checks-every</c> seconds; the page and the JSON report always evaluate afresh.
/// </summary>
internal sealed class Endpoints
{
    private readonly HostRoot root;
    private readonly CheckCatalog catalog = new();
    private readonly AscAscqTable table = AscAscqTable.Load();
    private readonly SharedScrape<IReadOnlyList<MetricFamily>> scrape;
    private long collectedAt;

    public Endpoints(HostRoot root, TimeSpan checksEvery)
    {
        this.root = root;
        var findings = new FindingsCache(catalog, checksEvery);
        scrape = new SharedScrape<IReadOnlyList<MetricFamily>>(() =>
        {
            var host = Host();
            return MetricsScrape.Collect(host, findings.Get(host));
        });
    }

    public async Task<HttpResponse> HandleAsync(HttpRequest request, CancellationToken stop)
    {
        switch (request.Path)
        {
            case "/metrics":
                var families = await scrape.GetAsync().ConfigureAwait(false);
                var open = request.Accept.Contains("application/openmetrics-text", StringComparison.Ordinal);
                var response = HttpResponse.Text(200, PrometheusWriter.Write(families, open), open ? PrometheusWriter.OpenMetricsContentType : PrometheusWriter.TextContentType);
                TrimGarbage();
                return response;
            case "/healthz":
                return HttpResponse.Text(200, "ok\n");
            case "/report.json":
                var json = new StringWriter();
                JsonReportWriter.Write(json, await Task.Run(() => Report.Run(Host(), catalog.All, CheckSettings.Defaults), stop).ConfigureAwait(false));
                return HttpResponse.Text(200, json.ToString(), "application/json; charset=utf-8");
            case "/":
                return HttpResponse.Text(200, await Task.Run(() => Page(request), stop).ConfigureAwait(false), "text/html; charset=utf-8");
            default:
                return HttpResponse.Text(404, "not found: try /, /metrics, /report.json, /healthz\n");
        }
    }

    /// <summary>
    /// A scrape leaves about a megabyte of garbage. Collecting the young generation once 4 MiB have been
    /// allocated (a fraction of a millisecond) keeps the resident set near its floor, instead of growing to
    /// the GC's own budget between scrapes that may be minutes apart.
    /// </summary>
    private void TrimGarbage()
    {
        var allocated = GC.GetTotalAllocatedBytes();
        if (allocated - Interlocked.Read(ref collectedAt) > 4 << 20)
        {
            Interlocked.Exchange(ref collectedAt, allocated);
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        }
    }

    private HostModel Host() => new(root, TimeProvider.System, senseTable: table);

    private string Page(HttpRequest request)
    {
        var host = Host();
        var report = Report.Run(host, catalog.All, CheckSettings.Defaults);
        var interrupts = host.Interrupts.Value;
        var perCpu = interrupts is null ? [] : interrupts.Cpus.Zip(interrupts.DeviceTotalsPerCpu, (c, n) => (c, n)).ToArray();
        int? refresh = request.Query.StartsWith("refresh=", StringComparison.Ordinal)
            && int.TryParse(request.Query[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : null;
        var page = new StringWriter();
        HtmlReportWriter.Write(page, report, host.Free.Value, perCpu, host.Topology, refresh);
        return page.ToString();
    }
}

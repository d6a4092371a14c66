using System.Globalization;
using HostDoc.Checks;
using HostDoc.KernelLog.Decoders;
using HostDoc.Metrics;
using HostDoc.Output;
using HostDoc.Proc;

namespace HostDoc.Serve;

/// <summary>
/// What hostdoc-serve answers: <c>/metrics</c> (Prometheus text, or OpenMetrics when the Accept header
/// asks for it), <c>/</c> (the HTML report, <c>?refresh=N</c> to reload itself), <c>/report.json</c>
/// (the same document as <c>hostdoc report --format json</c>) and <c>/healthz</c>. Every request reads
/// the host afresh; concurrent scrapes share one.
/// </summary>
internal sealed class Endpoints
{
    private readonly HostRoot root;
    private readonly CheckCatalog catalog = new();
    private readonly AscAscqTable table = AscAscqTable.Load();
    private readonly SharedScrape<IReadOnlyList<MetricFamily>> scrape;

    public Endpoints(HostRoot root)
    {
        this.root = root;
        scrape = new SharedScrape<IReadOnlyList<MetricFamily>>(() => MetricsScrape.Collect(Host(), catalog, table));
    }

    public async Task<HttpResponse> HandleAsync(HttpRequest request, CancellationToken stop)
    {
        switch (request.Path)
        {
            case "/metrics":
                var families = await scrape.GetAsync().ConfigureAwait(false);
                var open = request.Accept.Contains("application/openmetrics-text", StringComparison.Ordinal);
                return HttpResponse.Text(200, PrometheusWriter.Write(families, open), open ? PrometheusWriter.OpenMetricsContentType : PrometheusWriter.TextContentType);
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

    private HostModel Host() => new(root, TimeProvider.System);

    private string Page(HttpRequest request)
    {
        var host = Host();
        var report = Report.Run(host, catalog.All, CheckSettings.Defaults);
        var interrupts = Interrupts.Read(root).Value;
        var perCpu = interrupts is null ? [] : interrupts.Cpus.Zip(interrupts.DeviceTotalsPerCpu, (c, n) => (c, n)).ToArray();
        int? refresh = request.Query.StartsWith("refresh=", StringComparison.Ordinal)
            && int.TryParse(request.Query[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : null;
        var page = new StringWriter();
        HtmlReportWriter.Write(page, report, host.Free.Value, perCpu, host.Topology, refresh);
        return page.ToString();
    }
}

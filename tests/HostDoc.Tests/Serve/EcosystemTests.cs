using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace HostDoc.Tests.Serve;

/// <summary>
/// hostdoc serve against the real ecosystem, all from Debian (installed on first use): promtool's lint,
/// node_exporter 1.5 on the same host and on the same captured tree, a real Prometheus server scraping
/// it, and headless Chromium rendering the page.
/// </summary>
public sealed class EcosystemTests
{
    private const string NodeExporter = "/usr/bin/prometheus-node-exporter";
    private const string Promtool = "/usr/bin/promtool";
    private const string Prometheus = "/usr/bin/prometheus";
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] Collectors =
        ["meminfo", "loadavg", "cpu", "stat", "interrupts", "vmstat", "pressure", "netstat", "filesystem", "netdev", "sockstat", "conntrack", "softnet", "netclass",
            "filefd", "entropy", "uname", "os", "time", "diskstats"];

    // node_exporter's cpu, pressure and filesystem collectors need a live host; netdev reads /proc/net/dev (not netlink) on a tree.
    private static readonly string[] TreeCollectors = ["meminfo", "loadavg", "stat", "interrupts", "vmstat", "netstat", "netdev", "sockstat", "conntrack", "softnet", "netclass", "filefd", "entropy", "edac", "mdadm", "hwmon", "diskstats"];

    // The families the tree comparison requires whole: every series node_exporter gives from the tree under these prefixes, hostdoc gives too.
    private static readonly string[] TreeFamilies =
    [
        "node_memory_", "node_interrupts_total", "node_vmstat_", "node_load", "node_netstat_", "node_network_", "node_sockstat_", "node_nf_conntrack_", "node_softnet_",
        "node_boot_time_seconds", "node_context_switches_total", "node_forks_total", "node_intr_total", "node_procs_", "node_filefd_", "node_entropy_", "node_edac_", "node_md_", "node_hwmon_", "node_disk_",
    ];


    [Fact]
    public async Task Promtool_finds_nothing_but_node_exporters_own_names()
    {
        Need(Promtool, "prometheus");
        using var served = ServedHost.Start();
        var body = (await served.GetAsync("/metrics")).Body;
        var (_, stdout, stderr) = Run(Promtool, ["check", "metrics"], body);
        var complaints = (stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // node_exporter's meminfo and netstat names keep the kernel's CamelCase (node_memory_MemTotal_bytes, node_netstat_TcpExt_ListenDrops);
        // promtool flags them, upstream exempts them. Nothing else, and nothing of hostdoc's own.
        // node_exporter counts entropy in bits (node_entropy_available_bits), which promtool would have in bytes.
        Assert.All(complaints, c => Assert.Matches("^(node_(memory|netstat)_\\w+ metric names should be written in 'snake_case' not 'camelCase'|node_entropy_\\w+_bits use base unit \"bytes\" instead of \"bits\")$", c));
    }

    [Fact]
    public async Task Agrees_with_node_exporter_on_this_host()
    {
        Need(NodeExporter, "prometheus-node-exporter");
        using var served = ServedHost.Start();
        using var exporter = NodeExporterOn(null);
        var before = Exposition.Parse(await exporter.Get());
        var ours = Exposition.Parse((await served.GetAsync("/metrics")).Body);
        var after = Exposition.Parse(await exporter.Get());
        var shared = ours.Keys.Where(k => k.StartsWith("node_", StringComparison.Ordinal) && !IsScrapeTiming(k) && before.ContainsKey(k) && after.ContainsKey(k)).ToArray();
        foreach (var family in new[] { "node_memory_MemTotal_bytes", "node_load1", "node_cpu_seconds_total", "node_interrupts_total", "node_vmstat_pgfault",
            "node_pressure_cpu_waiting_seconds_total", "node_netstat_Tcp_InSegs", "node_filesystem_size_bytes", "node_filesystem_readonly",
            "node_network_receive_packets_total", "node_network_mtu_bytes", "node_sockstat_sockets_used", "node_softnet_processed_total", "node_nf_conntrack_entries_limit",
            "node_boot_time_seconds", "node_context_switches_total", "node_forks_total", "node_intr_total", "node_procs_running", "node_filefd_maximum", "node_entropy_available_bits",
            "node_uname_info", "node_os_info", "node_os_version", "node_cpu_guest_seconds_total", "node_time_seconds", "node_time_zone_offset_seconds", "node_time_clocksource_current_info",
            "node_disk_reads_completed_total", "node_disk_info" })
        {
            Assert.True(shared.Any(k => Exposition.Family(k) == family), family);
        }

        var disagreements = shared.Where(k => !Between(ours[k], before[k], after[k], Slack(k))).Select(k => $"{k}: ours {ours[k]}, node_exporter {before[k]} then {after[k]}").ToArray();
        Assert.True(disagreements.Length == 0, string.Join("\n", disagreements));
    }

    [Theory]
    [InlineData("vm-6.18-idle")]
    [InlineData("node-exporter-1.5.0")]
    [InlineData("vm-6.18-net")]
    public async Task Agrees_with_node_exporter_on_the_same_captured_tree(string scenario)
    {
        Need(NodeExporter, "prometheus-node-exporter");
        var tree = Fixtures.Dir(scenario);
        using var served = ServedHost.Start(tree);
        using var exporter = NodeExporterOn(tree);
        var theirs = Exposition.Parse(await exporter.Get());
        var ours = Exposition.Parse((await served.GetAsync("/metrics")).Body);
        var shared = ours.Keys.Where(k => k.StartsWith("node_", StringComparison.Ordinal) && !k.StartsWith("node_filesystem", StringComparison.Ordinal) && !IsScrapeTiming(k) && theirs.ContainsKey(k)).ToArray();
        var network = scenario != "vm-6.18-idle";
        if (scenario != "vm-6.18-net")
        {
            Assert.Contains(shared, k => k.StartsWith("node_memory_", StringComparison.Ordinal));
            Assert.Contains(shared, k => k.StartsWith("node_interrupts_total", StringComparison.Ordinal));
            Assert.Contains(shared, k => k.StartsWith("node_vmstat_", StringComparison.Ordinal));
        }

        if (network)
        {
            foreach (var family in new[] { "node_netstat_Udp6_RcvbufErrors", "node_network_flags", "node_network_info", "node_sockstat_TCP_mem_bytes", "node_nf_conntrack_entries", "node_softnet_processed_total" })
            {
                Assert.Contains(shared, k => Exposition.Family(k) == family);
            }
        }

        if (scenario == "node-exporter-1.5.0")
        {
            foreach (var family in new[] { "node_edac_csrow_correctable_errors_total", "node_edac_uncorrectable_errors_total", "node_md_state", "node_md_blocks_synced", "node_md_disks_required",
                "node_hwmon_temp_celsius", "node_hwmon_sensor_label", "node_hwmon_chip_names", "node_hwmon_fan_rpm", "node_hwmon_in_volts", "node_hwmon_pwm_enable",
                "node_disk_reads_completed_total", "node_disk_discarded_sectors_total", "node_disk_flush_requests_time_seconds_total", "node_disk_info",
                "node_disk_filesystem_info", "node_disk_device_mapper_info", "node_disk_ata_rotation_rate_rpm", "node_disk_ata_write_cache_enabled" })
            {
                Assert.Contains(shared, k => Exposition.Family(k) == family);
            }
        }

        if (scenario == "vm-6.18-net")
        {
            Assert.Contains(shared, k => Exposition.Family(k) == "node_network_receive_bytes_total");
        }

        Assert.All(shared, k => Assert.True(ours[k] == theirs[k], $"{k}: ours {ours[k]}, node_exporter {theirs[k]}"));
        // Every node_ series node_exporter gives from these files, hostdoc gives too.
        var missing = theirs.Keys.Where(k => TreeFamilies.Any(f => k.StartsWith(f, StringComparison.Ordinal))).Where(k => !ours.ContainsKey(k)).ToArray();
        Assert.True(missing.Length == 0, "hostdoc lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task A_real_prometheus_scrapes_it_and_answers_a_query_for_a_hostdoc_series()
    {
        using var served = ServedHost.Start(Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk"));
        await ScrapedByPrometheus(served.BaseUrl, "");
    }

    [Fact]
    public async Task A_real_prometheus_scrapes_it_over_tls_with_basic_auth()
    {
        using var pki = new TestPki();
        var config = pki.WebConfig($"tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\nbasic_auth_users:\n  prometheus: {WebConfigTests.Htpasswd("prometheus", "scrape-me")}\n");
        using var served = ServedHost.Start(Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk"), ["--web.config.file", config]);
        await ScrapedByPrometheus(served.BaseUrl,
            $"    scheme: https\n    tls_config:\n      ca_file: {pki.Path("ca.crt")}\n    basic_auth:\n      username: prometheus\n      password: scrape-me\n");
    }

    /// <summary>A Prometheus server scraping <paramref name="baseUrl"/> every second (the job's extra settings in <paramref name="job"/>) answers a query for a hostdoc finding, and up is 1.</summary>
    private static async Task ScrapedByPrometheus(string baseUrl, string job)
    {
        Need(Prometheus, "prometheus");
        using var dir = new TempTree();
        var port = ServedHost.FreePort();
        var target = baseUrl[(baseUrl.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var config = dir.Write("/prometheus.yml", $"global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: hostdoc\n{job}    static_configs:\n      - targets: ['{target}']\n");
        using var prometheus = Process.Start(new ProcessStartInfo(Prometheus,
            [$"--config.file={config}", $"--storage.tsdb.path={dir.Dir}/data", $"--web.listen-address=127.0.0.1:{port}"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var query = $"http://127.0.0.1:{port}/api/v1/query?query=" + Uri.EscapeDataString("hostdoc_finding{id=\"log.disk-media-error\"}");
            var found = "";
            for (var attempt = 0; attempt < 60 && !found.Contains("\"subject\":\"sdf\"", StringComparison.Ordinal); attempt++)
            {
                await Task.Delay(500);
                try
                {
                    found = await http.GetStringAsync(query);
                }
                catch (HttpRequestException)
                {
                    // not up yet
                }
            }

            var targets = await http.GetStringAsync($"http://127.0.0.1:{port}/api/v1/targets");
            Assert.True(found.Contains("\"subject\":\"sdf\"", StringComparison.Ordinal), targets);
            var up = await http.GetStringAsync($"http://127.0.0.1:{port}/api/v1/query?query=up");
            Assert.Contains("\"value\":[", up, StringComparison.Ordinal);
            Assert.Contains(",\"1\"]", up, StringComparison.Ordinal);
        }
        finally
        {
            prometheus.Kill();
            prometheus.WaitForExit();
        }
    }

    [Fact]
    public async Task The_textfile_collector_agrees_with_node_exporter_and_reports_a_malformed_file()
    {
        Need(NodeExporter, "prometheus-node-exporter");
        using var dir = new TempTree();
        dir.Write("/jobs.prom", "# HELP backup_last_success_timestamp_seconds When the backup last succeeded.\n# TYPE backup_last_success_timestamp_seconds gauge\n"
            + "backup_last_success_timestamp_seconds{job=\"db\"} 1.7e+09\nbackup_last_success_timestamp_seconds{job=\"files\",host=\"a\"} 1700000123\n"
            + "# TYPE raid_rebuilds_total counter\nraid_rebuilds_total 3\n"
            + "# TYPE job_duration_seconds histogram\njob_duration_seconds_bucket{le=\"1\"} 2\njob_duration_seconds_bucket{le=\"+Inf\"} 5\njob_duration_seconds_sum 9.5\njob_duration_seconds_count 5\n"
            + "escaped{path=\"C:\\\\tmp\\\"x\\\"\"} 1\n");
        dir.Write("/more.prom", "untyped_thing 42\n");
        dir.Write("/broken.prom", "this is { not a metric\n");
        dir.Write("/ignored.txt", "not_read 1\n");
        using var served = ServedHost.Start(Fixtures.Dir("vm-6.18-idle"), ["--collector.textfile.directory", dir.Dir]);
        var port = ServedHost.FreePort();
        using var exporter = new ExporterProcess(Process.Start(new ProcessStartInfo(NodeExporter,
            [$"--web.listen-address=127.0.0.1:{port}", "--collector.disable-defaults", "--collector.textfile", $"--collector.textfile.directory={dir.Dir}"])
            { RedirectStandardError = true, RedirectStandardOutput = true })!, $"http://127.0.0.1:{port}/metrics");
        var theirs = Exposition.Parse(await exporter.Get());
        var ours = Exposition.Parse((await served.GetAsync("/metrics")).Body);
        var mine = theirs.Keys.Where(k => !k.StartsWith("go_", StringComparison.Ordinal) && !k.StartsWith("process_", StringComparison.Ordinal)
            && !k.StartsWith("promhttp_", StringComparison.Ordinal) && !k.StartsWith("node_scrape_", StringComparison.Ordinal) && !k.StartsWith("node_exporter_", StringComparison.Ordinal)).ToArray();
        Assert.Contains("node_textfile_scrape_error", mine);
        Assert.Contains(mine, k => k.StartsWith("job_duration_seconds_bucket", StringComparison.Ordinal));
        Assert.All(mine, k => Assert.True(ours.TryGetValue(k, out var v) && v == theirs[k], $"{k}: node_exporter {theirs[k]}, hostdoc {(ours.TryGetValue(k, out var o) ? o : "missing")}"));
        var error = Assert.Single(ours.Keys, k => k.StartsWith("hostdoc_textfile_error{", StringComparison.Ordinal));
        Assert.Contains("line 1: expected a value", error, StringComparison.Ordinal);
        Assert.EndsWith($"file=\"{dir.Dir}/broken.prom\"}}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Headless_chromium_renders_the_findings_and_both_charts()
    {
        Need(Chromium, "chromium");
        using var served = ServedHost.Start(Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk"));
        using var profile = new TempTree();
        var (_, dom, _) = Run(Chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", $"--user-data-dir={profile.Dir}", "--dump-dom", served.BaseUrl + "/"], null, 90_000);
        Assert.Contains("The drive behind ata6 (sdf) cannot read LBA 291,766,746", dom, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"memory-chart\"", dom, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"irq-chart\"", dom, StringComparison.Ordinal);
        Assert.Contains("disk.forced-readonly", dom, StringComparison.Ordinal);
    }

    /// <summary>node_scrape_collector_duration_seconds and _success describe each exporter's own scrape, not the host.</summary>
    private static bool IsScrapeTiming(string series) => series.StartsWith("node_scrape_collector_", StringComparison.Ordinal);

    private static bool Between(double ours, double a, double b, double slack)
    {
        var lo = Math.Min(a, b);
        var hi = Math.Max(a, b);
        var spread = (hi - lo) + slack;
        return ours >= lo - spread && ours <= hi + spread;
    }

    /// <summary>How far a value may move for reasons other than time between reads: page-cache and slab gauges breathe with every process start.</summary>
    private static double Slack(string series) =>
        series.StartsWith("node_memory_", StringComparison.Ordinal) && !series.Contains("Total", StringComparison.Ordinal) ? 256 * 1024 * 1024   // other tests run in parallel
        : series.StartsWith("node_filesystem_", StringComparison.Ordinal) && (series.Contains("free", StringComparison.Ordinal) || series.Contains("avail", StringComparison.Ordinal)) ? 64 * 1024 * 1024
        : series.StartsWith("node_load", StringComparison.Ordinal) ? 0.5
        : series.StartsWith("node_disk_io_now", StringComparison.Ordinal) ? 64   // I/O of tests running in parallel
        : series == "node_netstat_Tcp_CurrEstab" ? 16   // the scrapes' own connections
        : series.StartsWith("node_procs_", StringComparison.Ordinal) ? 16   // tests start processes in parallel
        : series == "node_filefd_allocated" ? 4096
        : series == "node_entropy_available_bits" ? 4096
        : series.StartsWith("node_sockstat_", StringComparison.Ordinal) ? (series.Contains("mem_bytes", StringComparison.Ordinal) ? 64 * 4096 : 64)   // tests open sockets in parallel
        : 1e-9;

    private static void Need(string path, string package) => DebianOracle.Require(path, package);

    private static (int Code, string Out, string Err) Run(string file, string[] args, string? stdin, int timeoutMs = 30_000)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null };
        using var p = Process.Start(start)!;
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }

        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
        }

        return (p.ExitCode, output.Result, error.Result);
    }

    private static ExporterProcess NodeExporterOn(string? tree)
    {
        var port = ServedHost.FreePort();
        var args = new List<string> { $"--web.listen-address=127.0.0.1:{port}", "--collector.disable-defaults" };
        args.AddRange((tree is null ? Collectors : TreeCollectors).Select(c => $"--collector.{c}"));
        if (tree is not null)
        {
            args.Add("--no-collector.netdev.netlink");
            args.Add($"--path.procfs={tree}/proc");
            args.Add($"--path.sysfs={tree}/sys");
            args.Add($"--path.udev.data={tree}/run/udev/data");
        }

        var process = Process.Start(new ProcessStartInfo(NodeExporter, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        return new ExporterProcess(process, $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/metrics");
    }

    private sealed class ExporterProcess(Process process, string url) : IDisposable
    {
        private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

        public async Task<string> Get()
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return await http.GetStringAsync(url);
                }
                catch (HttpRequestException) when (attempt < 40)
                {
                    await Task.Delay(100);
                }
            }
        }

        public void Dispose()
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
            http.Dispose();
        }
    }
}

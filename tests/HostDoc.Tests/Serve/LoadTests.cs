using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace HostDoc.Tests.Serve;

/// <summary>
/// hostdoc serve under the loads an exporter meets: a hundred clients that trickle their request heads
/// (slowloris) while Prometheus scrapes, and wrk's 64 keep-alive connections for ten seconds.
/// </summary>
public sealed partial class LoadTests
{
    private static string Sample => Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk");

    [Fact]
    public async Task A_scrape_gets_200_within_a_second_while_a_hundred_clients_trickle_headers()
    {
        using var served = ServedHost.Start(Sample);
        var port = int.Parse(served.BaseUrl[(served.BaseUrl.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
        _ = await served.GetAsync("/metrics");   // the first scrape warms the checks up
        using var stop = new CancellationTokenSource();
        var slow = new List<Socket>();
        try
        {
            for (var i = 0; i < 100; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync("127.0.0.1", port);
                await socket.SendAsync(Encoding.ASCII.GetBytes("GET /metrics HTTP/1.1\r\nHost: x\r\n"));
                slow.Add(socket);
            }

            var trickle = Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    foreach (var s in slow)
                    {
                        try
                        {
                            await s.SendAsync(Encoding.ASCII.GetBytes($"X-{n}: a\r\n"));
                        }
                        catch (SocketException)
                        {
                            // the server closed it (header timeout): what it should do to a slow client
                        }
                    }

                    await Task.Delay(500);
                }
            });
            await Task.Delay(1500);
            for (var scrape = 0; scrape < 5; scrape++)
            {
                var clock = Stopwatch.StartNew();
                var answer = await served.GetAsync("/metrics");
                Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"scrape {scrape} took {clock.Elapsed.TotalMilliseconds:F0} ms with 100 slow clients");
                await Task.Delay(300);
            }

            await stop.CancelAsync();
            await trickle;
        }
        finally
        {
            foreach (var s in slow)
            {
                s.Dispose();
            }
        }
    }

    [Fact]
    public void Wrk_with_64_connections_for_ten_seconds_gets_no_error_and_memory_stays_bounded()
    {
        var wrk = DebianOracle.Require("wrk", "wrk");
        using var served = ServedHost.Start(Sample);
        using var p = Process.Start(new ProcessStartInfo(wrk, ["-t2", "-c64", "-d10s", "--timeout", "10s", served.BaseUrl + "/metrics"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var rss = RssKiB(served.Pid);
        Assert.True(p.ExitCode == 0, output);
        // wrk prints these lines only when something went wrong: a status other than 2xx/3xx, a refused or reset
        // connection, a request unanswered within --timeout (10 s: the whole suite shares two cores with this test)
        Assert.False(output.Contains("Non-2xx", StringComparison.Ordinal), output);
        Assert.False(output.Contains("Socket errors", StringComparison.Ordinal), output);
        var requests = double.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(requests > 100, output);
        Assert.True(rss < 200 * 1024, $"resident {rss} KiB after wrk\n{output}");
    }

    private static long RssKiB(int pid)
    {
        // hostdoc serve execs hostdoc-serve in place (same pid), so the test's process is the server
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();
}

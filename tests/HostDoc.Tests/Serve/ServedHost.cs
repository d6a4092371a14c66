using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HostDoc.Tests.Serve;

/// <summary>A hostdoc-serve process on 127.0.0.1 (a port the kernel picks), stopped with SIGTERM at the end.</summary>
internal sealed class ServedHost : IDisposable
{
    private readonly Process process;

    private ServedHost(Process process, string baseUrl, HttpClient http)
    {
        this.process = process;
        BaseUrl = baseUrl;
        Http = http;
    }

    public string BaseUrl { get; }

    public HttpClient Http { get; }

    /// <summary>What it has written on standard error so far (notices, reloads, errors).</summary>
    public string Errors => string.Join("\n", errors);

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> errors = new();

    public int Pid => process.Id;

    /// <summary>Starts hostdoc-serve (through <c>hostdoc serve</c>, which execs it) on a free port.</summary>
    public static ServedHost Start(string? root = null, string[]? extra = null, HttpClient? http = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hostdoc.dll"));
        if (root is not null)
        {
            start.ArgumentList.Add("--root");
            start.ArgumentList.Add(root);
        }

        foreach (var a in new[] { "serve", "--listen", "127.0.0.1:0" }.Concat(extra ?? []))
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("hostdoc serve printed nothing: " + process.StandardError.ReadToEnd());
        var at = line.IndexOf("://", StringComparison.Ordinal) is var i and > 0 ? line.LastIndexOf(' ', i) + 1 : throw new InvalidOperationException(line);
        var served = new ServedHost(process, line[at..line.IndexOf('/', i + 3)], http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) });
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                served.errors.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();
        return served;
    }

    public async Task<(HttpStatusCode Status, string Type, string Body)> GetAsync(string path, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BaseUrl + path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "", await response.Content.ReadAsStringAsync());
    }

    /// <summary>SIGTERM, then what it printed and its exit code.</summary>
    public (int Code, string Output) Stop()
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!process.WaitForExit(10_000))
        {
            process.Kill();
            return (-1, "did not stop within 10 s of SIGTERM");
        }

        return (process.ExitCode, process.StandardOutput.ReadToEnd());
    }

    /// <summary>A TCP port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
        Http.Dispose();
    }
}

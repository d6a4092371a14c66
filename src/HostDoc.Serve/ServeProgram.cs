using System.Runtime.InteropServices;

namespace HostDoc.Serve;

/// <summary><c>hostdoc-serve [--listen ADDR:PORT] [--root DIR]</c>: started by <c>hostdoc serve</c> (which execs it), or on its own.</summary>
internal static class ServeProgram
{
    public static async Task<int> Main(string[] args)
    {
        const string Usage = "usage: hostdoc serve [--listen ADDR:PORT] [--checks-every SECONDS] [--root DIR]   (defaults 127.0.0.1:9847, 30 s)";
        var checksEvery = TimeSpan.FromSeconds(30);
        var listen = ListenAddress.Default;
        string? rootDir = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--listen" when i + 1 < args.Length:
                    listen = args[++i];
                    break;
                case "--checks-every" when i + 1 < args.Length && double.TryParse(args[i + 1], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var seconds):
                    checksEvery = TimeSpan.FromSeconds(seconds);
                    i++;
                    break;
                case "--root" when i + 1 < args.Length:
                    rootDir = args[++i];
                    break;
                case "--help" or "-h":
                    Console.Out.WriteLine(Usage);
                    return 0;
                default:
                    Console.Error.WriteLine($"hostdoc serve: unexpected \"{args[i]}\"; {Usage}");
                    return 2;
            }
        }

        if (!ListenAddress.TryParse(listen, out var endpoint))
        {
            Console.Error.WriteLine($"hostdoc serve: --listen {listen} is not ADDR:PORT (127.0.0.1:9847, [::1]:9847, 0.0.0.0:9847)");
            return 2;
        }

        if (rootDir is not null && !Directory.Exists(rootDir))
        {
            Console.Error.WriteLine($"hostdoc serve: --root {rootDir}: no such directory");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        var endpoints = new Endpoints(rootDir is null ? HostRoot.Live : HostRoot.At(rootDir), checksEvery);
        using var server = new HttpServer(endpoint, endpoints.HandleAsync);
        try
        {
            await server.RunAsync(bound => Console.Out.WriteLine($"hostdoc serve: listening on http://{bound}/ (/metrics, /report.json, /healthz)"), stop.Token).ConfigureAwait(false);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            Console.Error.WriteLine($"hostdoc serve: cannot listen on {listen}: {e.Message}");
            return 1;
        }

        Console.Out.WriteLine("hostdoc serve: stopped");
        return 0;
    }
}

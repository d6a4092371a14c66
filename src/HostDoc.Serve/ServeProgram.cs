using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using HostDoc.Metrics;
using HostDoc.Serve.WebConfig;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HostDoc.Serve;

/// <summary><c>hostdoc-serve [options]</c> (<see cref="ServeOptions.Usage"/>): started by <c>hostdoc serve</c> (which execs it), or on its own.</summary>
internal static class ServeProgram
{
    public static async Task<int> Main(string[] args)
    {
        var (options, usage) = ServeOptions.Parse(args);
        if (options is null)
        {
            (usage == "" ? Console.Out : Console.Error).WriteLine(usage == "" ? ServeOptions.Usage : usage);
            return usage == "" ? 0 : 2;
        }

        var log = Console.Error;
        WebConfigSource web;
        if (options.WebConfigFile is { } file)
        {
            var (source, error) = WebConfigSource.Open(file, log, TimeProvider.System);
            if (source is null)
            {
                // Refuse to start rather than serve without the TLS or the authentication the file asks for.
                log.WriteLine($"hostdoc serve: {error}; not starting");
                return 2;
            }

            web = source;
            foreach (var notice in web.Config.Tls?.Notices ?? [])
            {
                log.WriteLine($"hostdoc serve: {notice}");
            }
        }
        else
        {
            web = WebConfigSource.Without(log);
        }

        HostRoot root;
        try
        {
            root = options.Snapshot is { } snapshot ? HostDoc.Roots.SnapshotArchive.Open(snapshot) : options.Root is null ? HostRoot.Live : HostRoot.At(options.Root);
        }
        catch (HostDoc.Roots.SnapshotException e)
        {
            log.WriteLine($"hostdoc serve: {e.Message}");
            return 2;
        }

        var metrics = MetricsOptions.Defaults with { TextfileDirectory = options.TextfileDirectory };
        if (options.DiskExclude is { } pattern)
        {
            try
            {
                var exclude = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
                metrics = metrics with { DiskExcluded = exclude.IsMatch };
            }
            catch (ArgumentException e)
            {
                log.WriteLine($"hostdoc serve: --collector.diskstats.device-exclude {pattern}: {e.Message}");
                return 2;
            }
        }

        using var endpoints = new Endpoints(root, options.ChecksEvery, metrics, web);
        await using var app = WebServer.Build(options.Listen, web, endpoints);
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c =>
        {
            c.Cancel = true;
            web.Reload();
        });
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (IOException e)
        {
            log.WriteLine($"hostdoc serve: cannot listen on {options.ListenText}: {e.Message}");
            return 1;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? options.ListenText;
        var auth = web.Auth.IsOpen ? "" : ", basic auth";
        Console.Out.WriteLine($"hostdoc serve: listening on {address}/ (/metrics, /report.json, /healthz{auth})");
        Console.Out.Flush();
        await app.WaitForShutdownAsync().ConfigureAwait(false);
        Console.Out.WriteLine("hostdoc serve: stopped");
        return 0;
    }
}

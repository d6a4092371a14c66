using System.Net;
using HostDoc.Serve.WebConfig;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace HostDoc.Serve;

/// <summary>
/// Kestrel, set up for an exporter: keep-alive, HTTP/1.1 and — over TLS, by ALPN — HTTP/2; request heads
/// that must arrive whole within 10 s and stay under 16 KiB, no request bodies, so clients that trickle
/// bytes hold a connection (asynchronously, a few KiB each) but never a thread or a scrape. TLS options
/// are asked of the <see cref="WebConfigSource"/> at every handshake, so a renewed certificate applies to
/// the next connection. Every answer carries the configured headers; anything but GET and HEAD is 405;
/// with users configured, a request without their credentials is 401 before it reaches an endpoint.
/// </summary>
internal static class WebServer
{
    public static WebApplication Build(IPEndPoint listen, WebConfigSource config, Endpoints endpoints)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        var tls = config.Config.Tls is not null;
        var http2 = config.Config.Http2;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            var limits = kestrel.Limits;
            limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            limits.KeepAliveTimeout = TimeSpan.FromMinutes(2);
            limits.MaxRequestHeadersTotalSize = 16 * 1024;
            limits.MaxRequestHeaderCount = 64;
            limits.MaxRequestLineSize = 8 * 1024;
            limits.MaxRequestBodySize = 0;
            limits.MaxConcurrentConnections = 4096;
            limits.Http2.MaxStreamsPerConnection = 16;
            kestrel.Listen(listen, options =>
            {
                options.Protocols = tls && http2 ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1;
                if (tls)
                {
                    options.UseHttps(new TlsHandshakeCallbackOptions
                    {
                        OnConnection = _ => ValueTask.FromResult(config.Config.Tls!.ServerOptions(http2)),
                        HandshakeTimeout = TimeSpan.FromSeconds(10),
                    });
                }
            });
        });

        var app = builder.Build();
        app.Run(context => Answer(context, config, endpoints));
        return app;
    }

    private static Task Answer(HttpContext context, WebConfigSource config, Endpoints endpoints)
    {
        var response = context.Response;
        var web = config.Config;
        foreach (var (name, value) in web.Headers)
        {
            response.Headers[name] = value;
        }

        response.Headers.CacheControl = "no-store";
        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            response.Headers.Allow = "GET, HEAD";
            return Endpoints.Text(context, 405, "method not allowed: hostdoc serve answers GET and HEAD\n");
        }

        if (!config.Auth.Allows(context.Request.Headers.Authorization))
        {
            response.Headers.WWWAuthenticate = "Basic";
            return Endpoints.Text(context, 401, "Unauthorized\n");
        }

        return endpoints.HandleAsync(context);
    }
}

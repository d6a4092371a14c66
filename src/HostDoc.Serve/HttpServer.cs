using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HostDoc.Serve;

/// <summary>
/// A small HTTP/1.1 server on a socket: one request per connection (Connection: close), GET and HEAD,
/// a 16 KiB request head read within 5 s, at most <see cref="MaxInFlight"/> requests at once (more get
/// 503 at once, so a scrape storm cannot pile up work). It is all hostdoc needs to be scraped, and it
/// keeps ASP.NET out of the binary. Stops accepting on cancellation and waits briefly for requests in flight.
/// </summary>
internal sealed class HttpServer(IPEndPoint endpoint, Func<HttpRequest, CancellationToken, Task<HttpResponse>> handle) : IDisposable
{
    public const int MaxInFlight = 8;

    private static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim slots = new(MaxInFlight, MaxInFlight);

    /// <summary>Listens until <paramref name="stop"/> is cancelled; <paramref name="bound"/> is told the address actually bound (port 0 picks one).</summary>
    public async Task RunAsync(Action<EndPoint> bound, CancellationToken stop)
    {
        using var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(endpoint);
        listener.Listen(64);
        bound(listener.LocalEndPoint!);
        var inFlight = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            inFlight.RemoveAll(t => t.IsCompleted);
            if (!slots.Wait(0, CancellationToken.None))
            {
                inFlight.Add(RespondAndClose(client, HttpResponse.Text(503, "busy: too many requests in flight\n"), head: false));
                continue;
            }

            inFlight.Add(ServeAsync(client, stop));
        }

        await Task.WhenAny(Task.WhenAll(inFlight), Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose() => slots.Dispose();

    private async Task ServeAsync(Socket client, CancellationToken stop)
    {
        try
        {
            var head = await ReadHeadAsync(client, stop).ConfigureAwait(false);
            var request = head is null ? null : HttpRequest.Parse(head);
            HttpResponse response;
            if (request is null)
            {
                response = HttpResponse.Text(400, "bad request\n");
            }
            else if (request.Method is not ("GET" or "HEAD"))
            {
                response = HttpResponse.Text(405, "only GET and HEAD\n");
            }
            else
            {
                try
                {
                    response = await handle(request, stop).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    response = HttpResponse.Text(500, $"hostdoc-serve: {e.GetType().Name}: {e.Message}\n");
                }
            }

            await RespondAndClose(client, response, request?.Method == "HEAD").ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    private static async Task<string?> ReadHeadAsync(Socket client, CancellationToken stop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(HeadTimeout);
        var buffer = new byte[HttpRequest.HeadLimit];
        var filled = 0;
        try
        {
            while (filled < buffer.Length)
            {
                var n = await client.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, timeout.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    return null;
                }

                filled += n;
                var end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    return Encoding.ASCII.GetString(buffer, 0, end);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
            return null;
        }

        return null;
    }

    private static async Task RespondAndClose(Socket client, HttpResponse response, bool head)
    {
        try
        {
            await client.SendAsync(response.Serialize(head), SocketFlags.None).ConfigureAwait(false);
            client.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // the client went away
        }
        finally
        {
            client.Dispose();
        }
    }
}

using System.Globalization;
using System.Net;

namespace HostDoc;

/// <summary><c>hostdoc serve --listen ADDR:PORT</c>: <c>127.0.0.1:9847</c>, <c>[::1]:9847</c>, <c>0.0.0.0:9847</c>, <c>localhost:9847</c>; port 0 lets the kernel pick.</summary>
public static class ListenAddress
{
    /// <summary>The default: loopback only, a port clear of node_exporter's 9100.</summary>
    public const string Default = "127.0.0.1:9847";

    /// <summary>Parses <paramref name="text"/>; false when it is not ADDR:PORT.</summary>
    public static bool TryParse(string text, out IPEndPoint endpoint)
    {
        endpoint = new IPEndPoint(IPAddress.Loopback, 0);
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return false;
        }

        var host = text[..colon].Trim('[', ']');
        if (!IPAddress.TryParse(host == "localhost" ? "127.0.0.1" : host, out var address))
        {
            return false;
        }

        endpoint = new IPEndPoint(address, port);
        return true;
    }
}

using System.Text;

namespace HostDoc.Serve;

/// <summary>A complete response: status, content type, body.</summary>
internal sealed record HttpResponse(int Status, string ContentType, byte[] Body)
{
    public static HttpResponse Text(int status, string text, string contentType = "text/plain; charset=utf-8") =>
        new(status, contentType, Encoding.UTF8.GetBytes(text));

    /// <summary>The response as bytes on the wire (Connection: close; HEAD gets the head only).</summary>
    public byte[] Serialize(bool head)
    {
        var reason = Status switch
        {
            200 => "OK",
            400 => "Bad Request",
            404 => "Not Found",
            405 => "Method Not Allowed",
            500 => "Internal Server Error",
            503 => "Service Unavailable",
            _ => "Status",
        };
        var header = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {Status} {reason}\r\nContent-Type: {ContentType}\r\nContent-Length: {Body.Length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n");
        return head ? header : [.. header, .. Body];
    }
}

namespace HostDoc.Serve;

/// <summary>The parts of an HTTP/1.x request hostdoc-serve looks at.</summary>
/// <param name="Method">GET, HEAD, …</param>
/// <param name="Path">The path without the query.</param>
/// <param name="Query">The query string without '?', or empty.</param>
/// <param name="Accept">The Accept header, or empty.</param>
internal sealed record HttpRequest(string Method, string Path, string Query, string Accept)
{
    /// <summary>The longest request head accepted.</summary>
    public const int HeadLimit = 16 * 1024;

    /// <summary>Parses a request head (request line and headers, up to the blank line); null when it is not HTTP.</summary>
    public static HttpRequest? Parse(string head)
    {
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || parts[1].Length == 0 || parts[1][0] != '/')
        {
            return null;
        }

        var target = parts[1];
        var q = target.IndexOf('?', StringComparison.Ordinal);
        var accept = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Accept:", StringComparison.OrdinalIgnoreCase))?[7..].Trim() ?? "";
        return new HttpRequest(parts[0], q < 0 ? target : target[..q], q < 0 ? "" : target[(q + 1)..], accept);
    }
}

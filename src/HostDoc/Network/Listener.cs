using System.Net;

namespace HostDoc.Network;

/// <summary>
/// A TCP socket in LISTEN: where it listens, how many connections wait in its accept queue now, and the
/// backlog that queue may hold (listen(2)'s argument capped at net.core.somaxconn), which only sock_diag
/// gives (ss -ltn's Send-Q); null when it came from /proc/net/tcp alone.
/// </summary>
/// <param name="Address">The local address (0.0.0.0 or :: for every address).</param>
/// <param name="Port">The port.</param>
/// <param name="Queue">Connections completed and waiting for accept().</param>
/// <param name="Backlog">The accept queue's limit, or null when unknown.</param>
/// <param name="Inode">The socket's inode (0 when the source does not say).</param>
public sealed record Listener(IPAddress Address, int Port, uint Queue, uint? Backlog, ulong Inode)
{
    /// <summary>Where it listens as ss prints it: 0.0.0.0:80, [::]:443.</summary>
    public string Endpoint => Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
        ? $"[{Address}]:{Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        : $"{Address}:{Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>True when the accept queue holds its backlog or more: the next completed handshake is dropped (ListenOverflows).</summary>
    public bool IsFull => Backlog is { } backlog && Queue >= backlog && (Queue > 0 || backlog == 0);
}

using System.Globalization;
using System.Net;
using HostDoc.Proc.Net;
using HostDoc.Sources;

namespace HostDoc.Network;

/// <summary>
/// The TCP listeners with their backlog: sock_diag on the live host; on a captured tree its
/// <c>hostdoc/listeners</c> (one a line, <c>tcp ADDRESS PORT QUEUE BACKLOG [INODE]</c>: what
/// tests/fixtures/scripts/capture-net.sh writes from <c>ss -ltnH</c>, and <c>hostdoc collect</c> from sock_diag with the
/// socket's inode, so its owner is found in the snapshot's /proc/PID/fd). Without either, the LISTEN rows of
/// /proc/net/tcp give address, port and queue, and the backlog is unknown.
/// </summary>
public static class Listeners
{
    /// <summary>The file inside a tree.</summary>
    public const string TreePath = "/hostdoc/listeners";

    /// <summary>
    /// The listeners of <paramref name="root"/>: <paramref name="sockDiag"/>'s dump on a live host, the tree's file, else
    /// <paramref name="tcpSockets"/> (/proc/net/tcp{,6}), asked only when nothing better answers.
    /// </summary>
    public static Sourced<IReadOnlyList<Listener>> Read(HostRoot root, Func<Sourced<SockDiagDump>> sockDiag, Func<Sourced<TcpSockets>> tcpSockets)
    {
        if (root.IsLive && sockDiag() is { Value: { } live })
        {
            return Sourced<IReadOnlyList<Listener>>.Of(live.Listeners);
        }

        if (!root.IsLive && root.ReadText(TreePath, 4 * 1024 * 1024).Value is { } text)
        {
            return Sourced<IReadOnlyList<Listener>>.FromParse(TreePath, Parse(text));
        }

        var tcp = tcpSockets();
        return tcp.Value is { } table
            ? Sourced<IReadOnlyList<Listener>>.Partial(table.Listeners.Select(s => new Listener(s.LocalAddress, s.LocalPort, s.RxQueue, null, s.Inode)).ToArray(), tcp.Problems)
            : Sourced<IReadOnlyList<Listener>>.Failed(tcp.Problems);
    }

    /// <summary>Parses <c>hostdoc/listeners</c>.</summary>
    public static ParseResult<IReadOnlyList<Listener>> Parse(ReadOnlySpan<char> text)
    {
        var listeners = new List<Listener>();
        var errors = new List<ParseError>();
        var number = 0;
        foreach (var raw in text.EnumerateLines())
        {
            number++;
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            var f = line.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f is ["tcp", var address, var port, var queue, var backlog, ..] && f.Length <= 6 && (address == "*" ? IPAddress.IPv6Any : IPAddress.TryParse(address.Trim('[', ']'), out var parsed) ? parsed : null) is { } ip
                && int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= ushort.MaxValue
                && uint.TryParse(queue, NumberStyles.None, CultureInfo.InvariantCulture, out var q)
                && uint.TryParse(backlog, NumberStyles.None, CultureInfo.InvariantCulture, out var b)
                && (f.Length == 5 ? 0UL : ulong.TryParse(f[5], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : (ulong?)null) is { } inode)
            {
                listeners.Add(new Listener(ip, p, q, b, inode));
            }
            else
            {
                errors.Add(ParseError.At(number, "\"tcp ADDRESS PORT QUEUE BACKLOG [INODE]\"", line));
            }
        }

        return new ParseResult<IReadOnlyList<Listener>>(listeners, errors);
    }

    /// <summary>Writes <paramref name="listeners"/> in the tree's format (what <see cref="Parse"/> reads back).</summary>
    public static string Format(IEnumerable<Listener> listeners) =>
        string.Concat(listeners.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"tcp {(l.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + l.Address + "]" : l.Address.ToString())} {l.Port} {l.Queue} {l.Backlog ?? 0} {l.Inode}\n")));
}

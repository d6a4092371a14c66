using System.Globalization;
using System.Net;
using HostDoc.Sources;

namespace HostDoc.Proc.Net;

/// <summary>
/// <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c> (net/ipv4/tcp_ipv4.c get_tcp4_sock, tcp6 likewise):
/// <c>sl local rem st tx_queue:rx_queue tr:when retrnsmt uid timeout inode …</c>, addresses in hex as the
/// kernel's 32-bit words print in host order (little-endian here), ports in hex. Busy hosts list 10⁵
/// sockets, so only listeners are kept whole; the others are counted by state. For a LISTEN socket the
/// rx_queue is the accept queue's current length (its backlog is only in sock_diag).
/// </summary>
/// <param name="Listeners">Every LISTEN socket.</param>
/// <param name="States">How many sockets are in each state.</param>
public sealed record TcpSockets(IReadOnlyList<TcpSocket> Listeners, IReadOnlyDictionary<TcpState, int> States)
{
    /// <summary>Reads /proc/net/tcp and, when there is IPv6, /proc/net/tcp6 (up to 256 MiB: a million sockets).</summary>
    public static Sourced<TcpSockets> Read(HostRoot root)
    {
        var v4 = Read(root, "/proc/net/tcp");
        var v6 = Read(root, "/proc/net/tcp6");
        if (v4.Value is null)
        {
            return v4;
        }

        var states = new Dictionary<TcpState, int>(v4.Value.States);
        foreach (var (state, n) in v6.Value?.States ?? new Dictionary<TcpState, int>())
        {
            states[state] = states.GetValueOrDefault(state) + n;
        }

        var problems = v4.Problems.Concat(v6.ProblemsUnlessMissing).ToArray();
        return Sourced<TcpSockets>.Partial(new TcpSockets([.. v4.Value.Listeners, .. v6.Value?.Listeners ?? []], states), problems);
    }

    private static Sourced<TcpSockets> Read(HostRoot root, string path)
    {
        var text = root.ReadText(path, 256 * 1024 * 1024);
        return text.Value is null ? Sourced<TcpSockets>.Failed(text.Problems) : Sourced<TcpSockets>.FromParse(path, Parse(text.Value));
    }

    /// <summary>Parses either file (the header line is skipped; a line that does not parse is an error).</summary>
    public static ParseResult<TcpSockets> Parse(ReadOnlySpan<char> text)
    {
        var listeners = new List<TcpSocket>();
        var states = new Dictionary<TcpState, int>();
        var errors = new List<ParseError>();
        var number = 0;
        foreach (var raw in text.EnumerateLines())
        {
            number++;
            var line = raw.Trim();
            if (line.IsEmpty || line.StartsWith("sl ", StringComparison.Ordinal))
            {
                continue;
            }

            if (TryParseLine(line, out var socket))
            {
                states[socket.State] = states.GetValueOrDefault(socket.State) + 1;
                if (socket.State == TcpState.Listen)
                {
                    listeners.Add(socket);
                }
            }
            else
            {
                errors.Add(ParseError.At(number, "\"SL: LOCAL:PORT REMOTE:PORT ST TX:RX TR:WHEN RETRNSMT UID TIMEOUT INODE\" in hex", line));
            }
        }

        return new ParseResult<TcpSockets>(new TcpSockets(listeners, states), errors);
    }

    private static bool TryParseLine(ReadOnlySpan<char> line, out TcpSocket socket)
    {
        socket = default!;
        Span<Range> fields = stackalloc Range[11];
        var count = 0;
        foreach (var range in line.SplitAny(' ', '\t'))
        {
            if (line[range].IsEmpty)
            {
                continue;
            }

            if (count < fields.Length)
            {
                fields[count] = range;
            }

            count++;
        }

        if (count < 10 || !line[fields[0]].EndsWith(':')
            || !Endpoint(line[fields[1]], out var local, out var localPort) || !Endpoint(line[fields[2]], out var remote, out var remotePort)
            || !Hex(line[fields[3]], out var st) || st > 255
            || !HexPair(line[fields[4]], out var tx, out var rx)
            || !uint.TryParse(line[fields[7]], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
            || !ulong.TryParse(line[fields[9]], NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
        {
            return false;
        }

        socket = new TcpSocket(local, localPort, remote, remotePort, Enum.IsDefined((TcpState)st) ? (TcpState)st : TcpState.Unknown, tx, rx, uid, inode);
        return true;
    }

    private static bool HexPair(ReadOnlySpan<char> field, out uint first, out uint second)
    {
        first = second = 0;
        var colon = field.IndexOf(':');
        return colon > 0 && Hex(field[..colon], out first) && Hex(field[(colon + 1)..], out second);
    }

    private static bool Hex(ReadOnlySpan<char> field, out uint value) =>
        uint.TryParse(field, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);

    /// <summary><c>0100007F:1F90</c> is 127.0.0.1:8080; IPv6 is four such words.</summary>
    private static bool Endpoint(ReadOnlySpan<char> field, out IPAddress address, out int port)
    {
        address = IPAddress.None;
        port = 0;
        var colon = field.IndexOf(':');
        if (colon is not (8 or 32) || !Hex(field[(colon + 1)..], out var p) || p > ushort.MaxValue)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[colon / 2];
        for (var word = 0; word < colon / 8; word++)
        {
            if (!Hex(field.Slice(word * 8, 8), out var w))
            {
                return false;
            }

            // The kernel prints each 32-bit word of the network-order address as a host-order integer (little-endian).
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(word * 4, 4), w);
        }

        address = new IPAddress(bytes);
        port = (int)p;
        return true;
    }
}

/// <summary>One socket of /proc/net/tcp or tcp6.</summary>
/// <param name="LocalAddress">The local address (0.0.0.0 or :: for a wildcard listener).</param>
/// <param name="LocalPort">The local port.</param>
/// <param name="RemoteAddress">The peer address.</param>
/// <param name="RemotePort">The peer port.</param>
/// <param name="State">The TCP state.</param>
/// <param name="TxQueue">Bytes not yet acknowledged (0 for a listener).</param>
/// <param name="RxQueue">Bytes not yet read; for a listener, connections waiting in the accept queue.</param>
/// <param name="Uid">The owner's uid.</param>
/// <param name="Inode">The socket's inode (what /proc/PID/fd links name as socket:[INODE]).</param>
public sealed record TcpSocket(IPAddress LocalAddress, int LocalPort, IPAddress RemoteAddress, int RemotePort, TcpState State, uint TxQueue, uint RxQueue, uint Uid, ulong Inode);

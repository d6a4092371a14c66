using System.Buffers.Binary;
using System.Net;
using System.Runtime.InteropServices;
using HostDoc.Sources;

namespace HostDoc.Network;

/// <summary>What one sock_diag dump gave.</summary>
/// <param name="Listeners">The listeners, with queue and backlog.</param>
/// <param name="States">Sockets per TCP state, when the dump asked for every state.</param>
public sealed record SockDiagDump(IReadOnlyList<Listener> Listeners, IReadOnlyDictionary<Proc.Net.TcpState, int>? States);

/// <summary>
/// The listening TCP sockets of this network namespace from the kernel's sock_diag netlink interface
/// (linux/inet_diag.h: SOCK_DIAG_BY_FAMILY with inet_diag_req_v2, states = LISTEN), what <c>ss -ltn</c>
/// asks. For a listener the reply's idiag_rqueue is the accept queue's length and idiag_wqueue its
/// backlog. Needs no privilege.
/// </summary>
public static partial class SockDiag
{
    private const int AfNetlink = 16, SockDgram = 2, SockCloexec = 0x80000, NetlinkSockDiag = 4;
    private const ushort SockDiagByFamily = 20, NlmsgDone = 3, NlmsgError = 2;
    private const ushort NlmFRequest = 0x1, NlmFDump = 0x300;
    private const int TcpListen = 10, IpprotoTcp = 6;

    /// <summary>
    /// The IPv4 and IPv6 listeners, and with <paramref name="everyState"/> how many TCP sockets are in each state, in
    /// one dump: what /proc/net/tcp says, without its cost (reading it walks every bucket of the kernel's connection
    /// hash, 4 ms and more on a large host even when it is empty).
    /// </summary>
    public static Sourced<SockDiagDump> Dump(bool everyState)
    {
        var listeners = new List<Listener>();
        var states = everyState ? new Dictionary<Proc.Net.TcpState, int>() : null;
        foreach (var family in new byte[] { 2, 10 })
        {
            if (Dump(family, everyState ? 0xfffu : 1u << TcpListen, listeners, states) is { } problem)
            {
                return Sourced<SockDiagDump>.Failed(problem);
            }
        }

        return Sourced<SockDiagDump>.Of(new SockDiagDump(listeners, states));
    }

    private static SourceProblem? Dump(byte family, uint states, List<Listener> into, Dictionary<Proc.Net.TcpState, int>? counts)
    {
        var fd = socket(AfNetlink, SockDgram | SockCloexec, NetlinkSockDiag);
        if (fd < 0)
        {
            return Problem("socket");
        }

        try
        {
            Span<byte> request = stackalloc byte[72];
            request.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(request, 72);
            BinaryPrimitives.WriteUInt16LittleEndian(request[4..], SockDiagByFamily);
            BinaryPrimitives.WriteUInt16LittleEndian(request[6..], NlmFRequest | NlmFDump);
            BinaryPrimitives.WriteUInt32LittleEndian(request[8..], 1);
            request[16] = family;
            request[17] = IpprotoTcp;
            BinaryPrimitives.WriteUInt32LittleEndian(request[20..], states);
            Span<byte> kernel = stackalloc byte[12];
            kernel.Clear();
            kernel[0] = AfNetlink;
            if (sendto(fd, request, (nuint)request.Length, 0, kernel, (uint)kernel.Length) < 0)
            {
                return Problem("sendto");
            }

            var buffer = new byte[64 * 1024];
            while (true)
            {
                var n = recv(fd, buffer, (nuint)buffer.Length, 0);
                if (n < 0)
                {
                    return Problem("recv");
                }

                switch (Messages(buffer.AsSpan(0, (int)n), family, into, counts))
                {
                    case null:
                        continue;
                    case 0:
                        return null;
                    case var errno:
                        return new SourceProblem("sock_diag", ProblemKind.IoError, Marshal.GetPInvokeErrorMessage(-errno.Value));
                }
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    /// <summary>Reads the replies in one datagram: null when more follow, 0 at NLMSG_DONE, a negative errno at NLMSG_ERROR.</summary>
    internal static int? Messages(ReadOnlySpan<byte> data, byte family, List<Listener> into, Dictionary<Proc.Net.TcpState, int>? counts = null)
    {
        while (data.Length >= 16)
        {
            var length = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(data), int.MaxValue);
            var type = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
            if (length < 16 || length > data.Length)
            {
                return -71;   // EPROTO: a torn reply
            }

            if (type == NlmsgDone)
            {
                return 0;
            }

            if (type == NlmsgError)
            {
                var error = length >= 20 ? BinaryPrimitives.ReadInt32LittleEndian(data[16..]) : -71;
                return error == 0 ? 0 : error;
            }

            if (length >= 16 + 72)
            {
                var msg = data[16..];
                var state = msg[1] is >= 1 and <= 12 ? (Proc.Net.TcpState)msg[1] : Proc.Net.TcpState.Unknown;
                if (counts is not null)
                {
                    counts[state] = counts.GetValueOrDefault(state) + 1;
                }

                if (state != Proc.Net.TcpState.Listen)
                {
                    data = data[Math.Min(data.Length, (length + 3) & ~3)..];
                    continue;
                }

                var port = BinaryPrimitives.ReadUInt16BigEndian(msg[4..]);
                var address = new IPAddress(family == 2 ? msg.Slice(8, 4) : msg.Slice(8, 16));
                var queue = BinaryPrimitives.ReadUInt32LittleEndian(msg[56..]);
                var backlog = BinaryPrimitives.ReadUInt32LittleEndian(msg[60..]);
                var inode = BinaryPrimitives.ReadUInt32LittleEndian(msg[68..]);
                into.Add(new Listener(address, port, queue, backlog, inode));
            }

            data = data[Math.Min(data.Length, (length + 3) & ~3)..];
        }

        return null;
    }

    private static SourceProblem Problem(string call) =>
        new("sock_diag", ProblemKind.IoError, $"{call}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");

    [LibraryImport("libc", SetLastError = true)]
    private static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint sendto(int fd, ReadOnlySpan<byte> buffer, nuint length, int flags, ReadOnlySpan<byte> address, uint addressLength);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint recv(int fd, byte[] buffer, nuint length, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}

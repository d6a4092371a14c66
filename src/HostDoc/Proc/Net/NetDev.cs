using HostDoc.Sources;

namespace HostDoc.Proc.Net;

/// <summary>
/// <c>/proc/net/dev</c> (net/core/net-procfs.c dev_seq_show): two header lines, then
/// <c>NAME: 8 receive counters 8 transmit counters</c>. Very old kernels glued the first number to the
/// colon (<c>eth0:1234</c>); that is read too. A name cannot hold a colon (dev_valid_name), so the first
/// colon ends it.
/// </summary>
public static class NetDev
{
    /// <summary>The kernel path.</summary>
    public const string KernelPath = "/proc/net/dev";

    /// <summary>Reads and parses the file.</summary>
    public static Sourced<IReadOnlyList<NetDevCounters>> Read(HostRoot root) => SourceReader.Read(root, KernelPath, Parse);

    /// <summary>Parses the text; a line that is neither a header nor "NAME: 16 numbers" is an error.</summary>
    public static ParseResult<IReadOnlyList<NetDevCounters>> Parse(ReadOnlySpan<char> text)
    {
        var devices = new List<NetDevCounters>();
        var errors = new List<ParseError>();
        Span<ulong> c = stackalloc ulong[16];
        var number = 0;
        foreach (var raw in text.EnumerateLines())
        {
            number++;
            var line = raw.Trim();
            if (line.IsEmpty || line.Contains('|'))
            {
                continue;
            }

            var colon = line.IndexOf(':');
            var count = 0;
            var ok = colon > 0;
            var rest = ok ? line[(colon + 1)..] : [];
            foreach (var range in rest.SplitAny(' ', '\t'))
            {
                var field = rest[range];
                if (field.IsEmpty)
                {
                    continue;
                }

                ok &= count < 16 && KernelNumber.TryParseUnsigned(field, out c[Math.Min(count, 15)]);
                count++;
            }

            if (!ok || count != 16)
            {
                errors.Add(ParseError.At(number, "\"NAME: \" and 16 counters (8 receive, 8 transmit)", line));
                continue;
            }

            devices.Add(new NetDevCounters(line[..colon].Trim().ToString(), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15]));
        }

        return new ParseResult<IReadOnlyList<NetDevCounters>>(devices, errors);
    }
}

/// <summary>One interface's line of <c>/proc/net/dev</c>, in the kernel's column order.</summary>
/// <param name="Name">The interface.</param>
/// <param name="ReceiveBytes">Bytes received.</param>
/// <param name="ReceivePackets">Packets received.</param>
/// <param name="ReceiveErrors">rx_errors: bad packets (CRC, frame, length, overrun, missed together on most drivers).</param>
/// <param name="ReceiveDrop">rx_dropped + rx_missed + rx_nohandler: packets the host had no room or use for.</param>
/// <param name="ReceiveFifo">rx_fifo_errors: the NIC's receive FIFO overran.</param>
/// <param name="ReceiveFrame">rx_length + rx_over + rx_crc + rx_frame errors.</param>
/// <param name="ReceiveCompressed">Compressed packets received.</param>
/// <param name="ReceiveMulticast">Multicast packets received.</param>
/// <param name="TransmitBytes">Bytes sent.</param>
/// <param name="TransmitPackets">Packets sent.</param>
/// <param name="TransmitErrors">tx_errors.</param>
/// <param name="TransmitDrop">tx_dropped.</param>
/// <param name="TransmitFifo">tx_fifo_errors.</param>
/// <param name="TransmitCollisions">collisions (half duplex).</param>
/// <param name="TransmitCarrier">tx_carrier + aborted + window + heartbeat errors.</param>
/// <param name="TransmitCompressed">Compressed packets sent.</param>
public sealed record NetDevCounters(string Name,
    ulong ReceiveBytes, ulong ReceivePackets, ulong ReceiveErrors, ulong ReceiveDrop, ulong ReceiveFifo, ulong ReceiveFrame, ulong ReceiveCompressed, ulong ReceiveMulticast,
    ulong TransmitBytes, ulong TransmitPackets, ulong TransmitErrors, ulong TransmitDrop, ulong TransmitFifo, ulong TransmitCollisions, ulong TransmitCarrier, ulong TransmitCompressed)
{
    /// <summary>The eight receive counters in the file's column order (bytes packets errs drop fifo frame compressed multicast).</summary>
    public ulong[] ReceiveColumns => [ReceiveBytes, ReceivePackets, ReceiveErrors, ReceiveDrop, ReceiveFifo, ReceiveFrame, ReceiveCompressed, ReceiveMulticast];

    /// <summary>The eight transmit counters in the file's column order (bytes packets errs drop fifo colls carrier compressed).</summary>
    public ulong[] TransmitColumns => [TransmitBytes, TransmitPackets, TransmitErrors, TransmitDrop, TransmitFifo, TransmitCollisions, TransmitCarrier, TransmitCompressed];
}

using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Xunit;

namespace HostDoc.Tests.Network;

/// <summary>
/// check net and hostdoc net on real traffic, in network namespaces each test makes and removes: a
/// listener that never accepts, flooded with connections; a SYN flood from addresses that never answer;
/// a veth pair between two namespaces whose far end has a smaller MTU, brought down and up. Listeners are
/// compared with iproute2's ss and interface counters with ip -s -j link, in the same namespace.
/// </summary>
public sealed class NetTrafficTests
{
    [Fact]
    public void A_listener_that_never_accepts_overflows_and_check_net_names_its_port()
    {
        using var ns = NetworkNamespace.Create("listen");
        var (listener, clients) = ns.Inside(() =>
        {
            var l = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            l.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            l.Listen(1);
            var port = ((IPEndPoint)l.LocalEndPoint!).Port;
            var c = Enumerable.Range(0, 40).Select(_ =>
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
                try
                {
                    s.Connect(IPAddress.Loopback, port);
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock)
                {
                    // the handshake goes on in the kernel
                }

                return s;
            }).ToArray();
            return (l, c);
        });
        try
        {
            var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
            Thread.Sleep(1500);   // clients retransmit their ACKs into the full queue
            var check = ns.Hostdoc("check", "net");
            Assert.Equal(2, check.Code);
            Assert.StartsWith($"NET CRITICAL - the accept queue of 127.0.0.1:{port} is full now", check.Out, StringComparison.Ordinal);
            Assert.Matches(@"listen_overflows=[1-9]\d*c", check.Out);

            var report = ns.Hostdoc("report", "--format", "json");
            using var json = JsonDocument.Parse(report.Out);
            var finding = json.RootElement.GetProperty("checks").EnumerateArray().SelectMany(c => c.GetProperty("findings").EnumerateArray())
                .Single(f => f.GetProperty("id").GetString() == "net.listen-overflow");
            Assert.Equal("critical", finding.GetProperty("severity").GetString());
            Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), finding.GetProperty("data").GetProperty("full_ports").GetString());
            Assert.True(finding.GetProperty("data").GetProperty("overflows").GetDouble() > 0);

            // The listeners as ss -ltn shows them (Recv-Q: the accept queue, Send-Q: the backlog).
            var ss = ns.Exec(DebianOracle.Require("ss", "iproute2"), "-ltnH").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(f => $"{f[3]} {f[1]} {f[2]}").Order().ToArray();
            using var net = JsonDocument.Parse(ns.Hostdoc("net", "--format", "json").Out);
            var ours = net.RootElement.GetProperty("listeners").EnumerateArray()
                .Select(l => $"{l.GetProperty("address").GetString()}:{l.GetProperty("port").GetInt32()} {l.GetProperty("queue").GetInt32()} {l.GetProperty("backlog").GetInt32()}").Order().ToArray();
            Assert.Equal(ss, ours);
            Assert.Contains($"127.0.0.1:{port} 2 1", ours);
        }
        finally
        {
            foreach (var c in clients)
            {
                c.Dispose();
            }

            listener.Dispose();
        }
    }

    [Fact]
    public void A_syn_flood_from_addresses_that_never_answer_is_met_with_cookies_and_check_net_says_so()
    {
        using var ns = NetworkNamespace.Create("synflood");
        // The namespace's own settings: cookies when the SYN queue is full, and no reverse-path filter (the spoofed sources have no route back).
        // The SYN-ACKs go back out lo to 10.77/16, which nothing answers (no forwarding): the requests wait, the queue fills.
        ns.Exec("sh", "-c", "echo 1 > /proc/sys/net/ipv4/tcp_syncookies; for f in /proc/sys/net/ipv4/conf/*/rp_filter; do echo 0 > $f; done");
        ns.Ip("route", "add", "10.77.0.0/16", "dev", "lo");
        var listener = ns.Inside(() =>
        {
            var l = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            l.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            l.Listen(8);
            var port = (ushort)((IPEndPoint)l.LocalEndPoint!).Port;
            using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Tcp);
            raw.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.HeaderIncluded, true);
            var random = new Random(16);
            for (var i = 0; i < 400; i++)
            {
                raw.SendTo(Syn([10, 77, (byte)(i >> 8), (byte)(i & 0xff)], (ushort)random.Next(1024, 65535), port, (uint)random.Next()), new IPEndPoint(IPAddress.Loopback, 0));
            }

            return l;
        });
        using (listener)
        {
            var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
            var check = ns.Hostdoc("check", "net");
            Assert.Contains("SYNs met a full SYN queue since boot", check.Out, StringComparison.Ordinal);
            Assert.Matches(@"syncookies_sent=[1-9]\d*c", check.Out);
            Assert.Equal(2, check.Code);   // nearly every incoming SYN: far above 10 %
            using var net = JsonDocument.Parse(ns.Hostdoc("net", "--format", "json").Out);
            var protocol = net.RootElement.GetProperty("protocol").GetProperty("counters");
            Assert.True(protocol.GetProperty("TcpExt_SyncookiesSent").GetDouble() >= 300, protocol.ToString());
            Assert.Equal(0, protocol.GetProperty("Tcp_PassiveOpens").GetDouble());
            Assert.Contains(net.RootElement.GetProperty("listeners").EnumerateArray(), l => l.GetProperty("port").GetInt32() == port);
        }
    }

    [Fact]
    public void A_veth_whose_far_end_has_a_smaller_mtu_drops_and_a_link_brought_down_and_up_flaps()
    {
        using var near = NetworkNamespace.Create("veth-a");
        using var far = NetworkNamespace.Create("veth-b");
        Assert.Equal(0, near.Ip("link", "add", "hd-a", "type", "veth", "peer", "name", "hd-b", "netns", far.Name).Code);
        // IPv4 only: IPv6's neighbour and router solicitations would add packets between two reads of the counters.
        near.Exec("sh", "-c", "echo 1 > /proc/sys/net/ipv6/conf/hd-a/disable_ipv6");
        far.Exec("sh", "-c", "echo 1 > /proc/sys/net/ipv6/conf/hd-b/disable_ipv6");
        near.Ip("addr", "add", "10.78.0.1/24", "dev", "hd-a");
        far.Ip("addr", "add", "10.78.0.2/24", "dev", "hd-b");
        far.Ip("link", "set", "hd-b", "mtu", "1280", "up");
        near.Ip("link", "set", "hd-a", "up");
        Thread.Sleep(300);
        var state = Path.Combine(Path.GetTempPath(), $"hostdoc-net-{Environment.ProcessId}.state");
        File.Delete(state);
        try
        {
            // 100 datagrams that fit and 100 that the far end's MTU refuses: veth drops those (tx_dropped on hd-a).
            near.Inside(() =>
            {
                using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                var to = new IPEndPoint(IPAddress.Parse("10.78.0.2"), 9);   // unconnected: the far end's port-unreachable replies are not errors
                for (var i = 0; i < 100; i++)
                {
                    udp.SendTo(new byte[200], to);
                    udp.SendTo(new byte[1400], to);
                }

                return 0;
            });
            Thread.Sleep(200);
            var check = near.Hostdoc("check", "net", "--state", state);
            Assert.Equal(2, check.Code);
            Assert.StartsWith("NET CRITICAL - hd-a had ", check.Out, StringComparison.Ordinal);
            Assert.Contains("drops (", check.Out, StringComparison.Ordinal);

            // The counters are ip -s -j link's.
            using var ip = JsonDocument.Parse(near.Ip("-s", "-j", "link", "show", "hd-a").Out);
            var stats = ip.RootElement[0].GetProperty("stats64");
            using var net = JsonDocument.Parse(near.Hostdoc("net", "--format", "json").Out);
            var hd = net.RootElement.GetProperty("interfaces").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "hd-a");
            var counters = hd.GetProperty("counters");
            foreach (var (ours, dir, theirs) in new[] { ("rx_bytes", "rx", "bytes"), ("rx_packets", "rx", "packets"), ("rx_errors", "rx", "errors"), ("rx_dropped", "rx", "dropped"),
                ("tx_bytes", "tx", "bytes"), ("tx_packets", "tx", "packets"), ("tx_errors", "tx", "errors"), ("tx_dropped", "tx", "dropped") })
            {
                Assert.True(stats.GetProperty(dir).GetProperty(theirs).GetDouble() == counters.GetProperty(ours).GetDouble(), $"{ours}: ip {stats.GetProperty(dir).GetProperty(theirs)}, hostdoc {counters.GetProperty(ours)}");
            }

            Assert.True(counters.GetProperty("tx_dropped").GetDouble() >= 100);
            Assert.Equal("software", hd.GetProperty("kind").GetString());

            // Down and up three times: six carrier changes since the last run, which the state remembers.
            for (var i = 0; i < 3; i++)
            {
                far.Ip("link", "set", "hd-b", "down");
                Thread.Sleep(100);
                far.Ip("link", "set", "hd-b", "up");
                Thread.Sleep(100);
            }

            var again = near.Hostdoc("check", "net", "--state", state);
            Assert.Contains("hd-a's link went down or up 6 times in the last", again.Out, StringComparison.Ordinal);
            Assert.Equal(1, again.Code);   // the drops were before the last run: only the flaps are new
            Assert.DoesNotContain("drops (", again.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(state);
            File.Delete(state + ".lock");
        }
    }

    /// <summary>An IPv4 header and a TCP SYN, checksummed (the kernel fills the IP checksum and length under IP_HDRINCL).</summary>
    private static byte[] Syn(byte[] source, ushort sourcePort, ushort port, uint sequence)
    {
        var p = new byte[40];
        p[0] = 0x45;
        p[3] = 40;
        p[6] = 0x40;
        p[8] = 64;
        p[9] = 6;
        source.CopyTo(p, 12);
        byte[] destination = [127, 0, 0, 1];
        destination.CopyTo(p, 16);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(20), sourcePort);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(22), port);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(24), sequence);
        p[32] = 0x50;   // 5 words, no options
        p[33] = 0x02;   // SYN
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(34), 64240);
        var sum = 0u;
        void Add(ReadOnlySpan<byte> b)
        {
            for (var i = 0; i + 1 < b.Length; i += 2)
            {
                sum += (uint)((b[i] << 8) | b[i + 1]);
            }
        }

        Add(p.AsSpan(12, 8));    // pseudo-header: source and destination
        sum += 6 + 20;           // protocol, TCP length
        Add(p.AsSpan(20, 20));
        while (sum >> 16 != 0)
        {
            sum = (sum & 0xffff) + (sum >> 16);
        }

        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(36), (ushort)(~sum & 0xffff));
        return p;
    }
}

using System.Globalization;
using HostDoc.Findings;

namespace HostDoc.Checks;

/// <summary>UDP sockets: <c>net.udp-buffer-errors</c>.</summary>
public static partial class NetFindings
{
    private const string UdpWhy =
        "A UDP datagram for a socket whose receive buffer is full is dropped (Udp RcvbufErrors, also counted in InErrors); one sent while " +
        "the send buffer is full fails (SndbufErrors). The buffer is SO_RCVBUF, by default net.core.rmem_default and at most net.core.rmem_max " +
        "unless the application sets it with SO_RCVBUFFORCE. DNS servers, syslog receivers, statsd, VoIP and QUIC lose data this way when " +
        "they fall behind a burst: nothing retransmits it.";

    /// <summary><c>net.udp-buffer-errors</c>: RcvbufErrors/SndbufErrors against datagrams.</summary>
    public static IEnumerable<Finding> UdpBufferErrors(Context c)
    {
        var receive = c.D("Udp_RcvbufErrors", "Udp6_RcvbufErrors");
        var send = c.D("Udp_SndbufErrors", "Udp6_SndbufErrors");
        var datagrams = c.D("Udp_InDatagrams", "Udp6_InDatagrams", "Udp_OutDatagrams", "Udp6_OutDatagrams");
        var percent = Percent(receive + send, datagrams + receive + send);
        var severity = Significant(receive + send, datagrams) ? c.Settings.For(NetCheck.UdpBufferErrors).Evaluate(percent) : Severity.Ok;
        if (severity == Severity.Ok)
        {
            yield break;
        }

        var sysctls = c.Net.Sysctls.Value;
        var evidence = new List<Evidence>
        {
            new("Udp RcvbufErrors", $"{WithRate(c, c.D("Udp_RcvbufErrors"))} (IPv6 {N(c.D("Udp6_RcvbufErrors"))})", "/proc/net/snmp"),
            new("Udp SndbufErrors", $"{WithRate(c, c.D("Udp_SndbufErrors"))} (IPv6 {N(c.D("Udp6_SndbufErrors"))})", "/proc/net/snmp"),
            new("datagrams", $"received {N(c.D("Udp_InDatagrams", "Udp6_InDatagrams"))}, sent {N(c.D("Udp_OutDatagrams", "Udp6_OutDatagrams"))}", "/proc/net/snmp"),
            c.WindowEvidence(),
        };
        if (sysctls?.RmemMax is { } rmem)
        {
            evidence.Add(new Evidence("net.core.rmem_max", rmem.ToString(CultureInfo.InvariantCulture) + " bytes", "/proc/sys/net/core/rmem_max"));
        }

        var data = new FindingData().Set("rcvbuf_errors", receive).Set("sndbuf_errors", send).Set("datagrams", datagrams).Set("percent", Math.Round(percent, 5))
            .Set("since_boot", c.Window.SinceBoot).Set("rmem_max", sysctls?.RmemMax);
        yield return new Finding("net.udp-buffer-errors", severity, "UDP sockets",
            $"{WithRate(c, receive + send)} UDP datagrams lost to full socket buffers {c.Window.Span} ({Pct(percent)} of {N(datagrams)})",
            UdpWhy, evidence,
            "Find the socket (ss -uamn: a Recv-Q near its rb limit, or the drops column of /proc/net/udp) and make its reader keep up; raise its SO_RCVBUF " +
            "and net.core.rmem_max (and rmem_default for programs that do not set it), e.g. to 8 MiB.", data.Fields);
    }
}

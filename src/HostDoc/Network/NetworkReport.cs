using System.Globalization;
using HostDoc.Proc;
using HostDoc.Proc.Irq;
using HostDoc.Proc.Net;
using HostDoc.Proc.Sys.Net;
using HostDoc.Sources;

namespace HostDoc.Network;

/// <summary>
/// What <c>hostdoc net</c> shows: each interface with what its driver means and the CPUs that serve its
/// queues, its counters; listeners with backlog and queue; TCP states and sockstat; the protocol
/// counters that matter; conntrack; softnet per CPU; the sysctls; consoles. Counters are over the
/// window: since boot, or per second over an interval.
/// </summary>
/// <param name="Window">The counters' window.</param>
/// <param name="Interfaces">Every interface.</param>
/// <param name="Listeners">The TCP listeners, by port.</param>
/// <param name="TcpStates">Sockets per TCP state.</param>
/// <param name="Sockstat">/proc/net/sockstat{,6}.</param>
/// <param name="Sysctls">The network sysctls.</param>
/// <param name="Consoles">Registered consoles with their console= options from the command line.</param>
/// <param name="Problems">Sources that could not be read.</param>
public sealed record NetworkReport(
    NetworkWindow Window, IReadOnlyList<InterfaceView> Interfaces, IReadOnlyList<Listener> Listeners, IReadOnlyDictionary<TcpState, int> TcpStates,
    Sockstat? Sockstat, NetSysctls? Sysctls, IReadOnlyList<ConsoleView> Consoles, IReadOnlyList<SourceProblem> Problems)
{
    /// <summary>The protocol counters shown, as (group, name).</summary>
    public static readonly string[] ProtocolCounters =
    [
        "Tcp_ActiveOpens", "Tcp_PassiveOpens", "Tcp_CurrEstab", "Tcp_InSegs", "Tcp_OutSegs", "Tcp_RetransSegs", "Tcp_InErrs", "Tcp_OutRsts",
        "TcpExt_ListenOverflows", "TcpExt_ListenDrops", "TcpExt_SyncookiesSent", "TcpExt_SyncookiesRecv", "TcpExt_SyncookiesFailed",
        "TcpExt_TCPReqQFullDoCookies", "TcpExt_TCPReqQFullDrop", "TcpExt_TCPTimeouts", "TcpExt_TCPBacklogDrop", "TcpExt_TW",
        "Udp_InDatagrams", "Udp_OutDatagrams", "Udp_NoPorts", "Udp_InErrors", "Udp_RcvbufErrors", "Udp_SndbufErrors",
        "Udp6_InDatagrams", "Udp6_RcvbufErrors", "Icmp_InMsgs", "Icmp_OutMsgs", "IpExt_InOctets", "IpExt_OutOctets",
    ];

    /// <summary>Builds the report from the host's sources and the window.</summary>
    public static NetworkReport Build(HostModel host, NetworkWindow window)
    {
        var net = host.Network;
        var interrupts = host.Interrupts.Value;
        var problems = new List<SourceProblem>();
        var tcpStates = net.TcpStates;   // before the listeners: on a live host they come from the same sock_diag dump
        problems.AddRange(net.Sample.Problems);
        problems.AddRange(net.Listening.Problems);
        problems.AddRange(net.Sysctls.Problems);
        problems.AddRange(net.Sockstat.Problems);
        var interfaces = net.Interfaces.Select(nic =>
        {
            var irqs = nic.MsiIrqs.Count > 0 ? nic.MsiIrqs : nic.Irq is { } line ? [line] : [];
            var served = irqs.Select(irq =>
            {
                var name = irq.ToString(CultureInfo.InvariantCulture);
                var row = interrupts?.Rows.FirstOrDefault(r => r.Name == name);
                var affinity = IrqAffinity.Read(host.Root, name);
                return new QueueIrq(irq, row?.Description.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(), (affinity.Effective ?? affinity.Allowed)?.ToString(),
                    row?.Counts.Aggregate(0UL, (a, b) => Saturating.Add(a, b)));
            }).ToArray();
            return new InterfaceView(nic.Name, nic.Driver, NicDriver.Of(nic.Driver, nic.Name), nic.Bus, nic.VendorId, nic.DeviceId, nic.OperState, nic.SpeedMbps,
                nic.Attribute("duplex"), nic.Number("mtu"), nic.Attribute("address"), nic.CarrierChanges, nic.ReceiveQueues, nic.TransmitQueues, served);
        }).ToList();
        foreach (var name in window.After.Interfaces.Where(n => interfaces.All(i => i.Name != n)))
        {
            interfaces.Add(new InterfaceView(name, null, NicDriver.Of(null, name), null, null, null, null, null, null, null, null, null, 0, 0, []));   // /proc/net/dev only (a tree without sysfs)
        }

        var cmdline = Cmdline.Read(host.Root).Value;
        var options = (cmdline?.ValuesOf("console") ?? []).OfType<string>().ToArray();
        var consoles = (net.Consoles.Value ?? []).Select(c => new ConsoleView(c, options.FirstOrDefault(o => o.Split(',')[0] == c.Name)?.Split(',', 2) is [_, var o] ? o : null)).ToArray();
        return new NetworkReport(window, interfaces.OrderBy(i => i.Name, StringComparer.Ordinal).ToArray(),
            (net.Listening.Value ?? []).OrderBy(l => l.Port).ThenBy(l => l.Endpoint, StringComparer.Ordinal).ToArray(),
            tcpStates.Value ?? new Dictionary<TcpState, int>(), net.Sockstat.Value, net.Sysctls.Value, consoles, problems.Distinct().ToArray());
    }
}

/// <summary>One interface as <c>hostdoc net</c> shows it.</summary>
/// <param name="Name">The interface.</param>
/// <param name="Driver">The driver, or null for an interface on no device.</param>
/// <param name="Kind">What the driver means.</param>
/// <param name="Bus">The device's bus.</param>
/// <param name="VendorId">PCI vendor id.</param>
/// <param name="DeviceId">PCI device id.</param>
/// <param name="OperState">operstate.</param>
/// <param name="SpeedMbps">Link speed.</param>
/// <param name="Duplex">Duplex.</param>
/// <param name="Mtu">MTU.</param>
/// <param name="Address">MAC address.</param>
/// <param name="CarrierChanges">carrier_changes.</param>
/// <param name="ReceiveQueues">rx queues.</param>
/// <param name="TransmitQueues">tx queues.</param>
/// <param name="Irqs">The interrupts of its queues and the CPUs that take them.</param>
public sealed record InterfaceView(
    string Name, string? Driver, NicDriver Kind, string? Bus, string? VendorId, string? DeviceId, string? OperState, long? SpeedMbps, string? Duplex, long? Mtu,
    string? Address, long? CarrierChanges, int ReceiveQueues, int TransmitQueues, IReadOnlyList<QueueIrq> Irqs);

/// <summary>An interrupt of a NIC's queue.</summary>
/// <param name="Irq">The irq number.</param>
/// <param name="Name">Its name in /proc/interrupts (virtio2-input.0, eth0-TxRx-3).</param>
/// <param name="Cpus">The CPUs that take it (effective affinity, else the allowed list).</param>
/// <param name="Count">How many times it fired, all CPUs.</param>
public sealed record QueueIrq(int Irq, string? Name, string? Cpus, ulong? Count);

/// <summary>A console with the options the command line gave it.</summary>
/// <param name="Registered">The registered console.</param>
/// <param name="Options">The part of console=NAME,OPTIONS after the name (9600n8), or null.</param>
public sealed record ConsoleView(ConsoleDevice Registered, string? Options);

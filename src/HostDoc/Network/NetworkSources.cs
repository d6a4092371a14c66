using HostDoc.Proc;
using HostDoc.Proc.Net;
using HostDoc.Proc.Sys.Net;
using HostDoc.Sources;
using HostDoc.Sys.Net;

namespace HostDoc.Network;

/// <summary>
/// The network side of the host model, each source read at most once (the net check, <c>hostdoc net</c>
/// and the metrics share them): interfaces, the counters of this moment, listeners, sockets, sysctls
/// and consoles. All of it is the reader's network namespace.
/// </summary>
public sealed class NetworkSources
{
    private readonly Lazy<IReadOnlyList<NetInterface>> _interfaces;
    private readonly Lazy<Sourced<NetworkSample>> _sample;
    private readonly Lazy<Sourced<TcpSockets>> _procTcp;
    private readonly Lazy<Sourced<SockDiagDump>> _everySocket;
    private readonly Lazy<Sourced<IReadOnlyDictionary<TcpState, int>>> _tcpStates;
    private readonly Lazy<Sourced<IReadOnlyList<Listener>>> _listeners;
    private readonly Lazy<Sourced<NetSysctls>> _sysctls;
    private readonly Lazy<Sourced<Sockstat>> _sockstat;
    private readonly Lazy<Sourced<IReadOnlyList<ConsoleDevice>>> _consoles;

    /// <summary>Creates the sources over <paramref name="root"/>; nothing is read until asked for.</summary>
    public NetworkSources(HostRoot root)
    {
        Root = root;
        _interfaces = new(() => NetClass.Read(root));
        _sample = new(() => NetworkSample.Read(root, _interfaces.IsValueCreated ? Interfaces : NetClass.Read(root, countersOnly: true)));
        _procTcp = new(() => TcpSockets.Read(root));
        _everySocket = new(() => SockDiag.Dump(everyState: true));
        _tcpStates = new(() => root.IsLive && _everySocket.Value.Value?.States is { } states
            ? Sourced<IReadOnlyDictionary<TcpState, int>>.Of(states)
            : _procTcp.Value.Map(t => t.States));
        // A listener-only dump is a few packets; when every socket was dumped already (hostdoc net), its listeners serve.
        _listeners = new(() => Listeners.Read(root, () => _everySocket.IsValueCreated ? _everySocket.Value : SockDiag.Dump(everyState: false), () => _procTcp.Value));
        _sysctls = new(() => NetSysctls.Read(root));
        _sockstat = new(() => Proc.Net.Sockstat.Read(root));
        _consoles = new(() => Proc.Consoles.Read(root));
    }

    /// <summary>Where they are read from.</summary>
    public HostRoot Root { get; }

    /// <summary>/sys/class/net/*.</summary>
    public IReadOnlyList<NetInterface> Interfaces => _interfaces.Value;

    /// <summary>Every counter now (the first sample).</summary>
    public Sourced<NetworkSample> Sample => _sample.Value;

    /// <summary>TCP sockets per state: sock_diag on a live host, /proc/net/tcp and tcp6 otherwise.</summary>
    public Sourced<IReadOnlyDictionary<TcpState, int>> TcpStates => _tcpStates.Value;

    /// <summary>The TCP listeners with their backlogs.</summary>
    public Sourced<IReadOnlyList<Listener>> Listening => _listeners.Value;

    /// <summary>The network sysctls.</summary>
    public Sourced<NetSysctls> Sysctls => _sysctls.Value;

    /// <summary>/proc/net/sockstat and sockstat6.</summary>
    public Sourced<Sockstat> Sockstat => _sockstat.Value;

    /// <summary>/proc/consoles.</summary>
    public Sourced<IReadOnlyList<ConsoleDevice>> Consoles => _consoles.Value;

    /// <summary>A fresh sample (for the end of an interval).</summary>
    public Sourced<NetworkSample> SampleAgain() => NetworkSample.Read(Root, NetClass.Read(Root, countersOnly: true));
}

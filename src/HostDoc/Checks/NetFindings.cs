using System.Globalization;
using HostDoc.Findings;
using HostDoc.Network;

namespace HostDoc.Checks;

/// <summary>The net check's findings, one method per finding id (the files NetFindings.*.cs); this part holds what they share.</summary>
public static partial class NetFindings
{
    /// <summary>What every finding is judged from.</summary>
    /// <param name="Window">The counters' window.</param>
    /// <param name="Net">The network sources (listeners, sysctls, interfaces).</param>
    /// <param name="Host">The host (its kernel log, asked only when a counter already points at an incident there).</param>
    /// <param name="Settings">The thresholds.</param>
    public sealed record Context(NetworkWindow Window, NetworkSources Net, HostModel Host, CheckSettings Settings)
    {
        /// <summary>The window's delta of a counter, 0 when missing.</summary>
        public double D(params string[] keys) => Window.Sum(keys);

        /// <summary>Evidence naming where the counters come from and over what span.</summary>
        public Evidence WindowEvidence() =>
            new("window", Window.SinceBoot ? $"since boot{(Window.Seconds is { } s ? $" ({Durations.Say(s)} ago)" : "")}" : Window.Span,
                Window.SinceBoot ? "counters since boot; --state FILE judges what happened since the last run" : null);
    }

    /// <summary>Nothing wrong: what was looked at.</summary>
    public static Finding AllWell(Context c)
    {
        var listeners = c.Net.Listening.Value is { } l ? Count(l.Count, "TCP listener") : "TCP listeners unknown";
        var interfaces = c.Window.After.Interfaces.Count();
        return new Finding("net.ok", Severity.Ok, "network",
            $"{listeners}, {Count(interfaces, "interface")}: no accept-queue overflow, SYN flood, conntrack pressure, softnet drops, NIC errors, link flaps or UDP buffer errors {c.Window.Span}",
            "The stack's counters for the usual ways a host loses connections and packets are all quiet.", [c.WindowEvidence()], "");
    }

    /// <summary>Perfdata: the counters an operator graphs.</summary>
    public static IReadOnlyList<Measurement> Measurements(Context c)
    {
        var unit = c.Window.SinceBoot ? "c" : "";   // since boot the totals are counters; over a window, how much they rose
        var list = new List<Measurement>
        {
            new("listen_overflows", c.D("TcpExt_ListenOverflows"), unit, Min: 0),
            new("syncookies_sent", c.D("TcpExt_SyncookiesSent"), unit, Min: 0),
            new("softnet_dropped", c.Window.After.SoftnetCpus.Sum(cpu => c.D(Cpu(cpu, "dropped"))), unit, Min: 0),
            new("udp_rcvbuf_errors", c.D("Udp_RcvbufErrors", "Udp6_RcvbufErrors"), unit, Min: 0),
        };
        if (c.Net.Sysctls.Value is { ConntrackCount: { } count, ConntrackMax: { } max and > 0 })
        {
            var t = c.Settings.For(NetCheck.Conntrack);
            list.Insert(0, new Measurement("conntrack", Math.Round(100.0 * count / max, 2), "%", t.Warning?.Boundary, t.Critical?.Boundary, 0, 100));
        }

        return list;
    }

    /// <summary>A ratio means something with enough events or enough traffic: one drop among nine packets (a neighbour probe while the link was down) is no trend.</summary>
    internal static bool Significant(double events, double total) => events > 0 && (events >= 10 || total >= 1000);

    internal static string Cpu(int cpu, string counter) => $"softnet/{cpu.ToString(CultureInfo.InvariantCulture)}/{counter}";

    internal static string Dev(string name, string counter) => $"dev/{name}/{counter}";

    internal static double Percent(double part, double whole) => whole > 0 ? 100.0 * part / whole : part > 0 ? 100 : 0;

    internal static string Pct(double value) =>
        value.ToString(value >= 10 ? "0" : value >= 0.1 ? "0.#" : value >= 0.001 ? "0.###" : "0.#####", CultureInfo.InvariantCulture) + " %";

    internal static string N(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    internal static string Count(int n, string what) => $"{n.ToString(CultureInfo.InvariantCulture)} {what}{(n == 1 ? "" : "s")}";

    /// <summary>"12,345 (3.2/s)" when the window has a clock and is not since boot.</summary>
    internal static string WithRate(Context c, double delta) =>
        !c.Window.SinceBoot && c.Window.Rate(delta) is { } rate ? string.Create(CultureInfo.InvariantCulture, $"{N(delta)} ({rate:0.##}/s)") : N(delta);
}

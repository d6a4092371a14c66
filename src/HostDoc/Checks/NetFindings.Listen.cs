using System.Globalization;
using HostDoc.Findings;
using HostDoc.Network;

namespace HostDoc.Checks;

/// <summary>Accept queues and SYN queues: <c>net.listen-overflow</c> and <c>net.syn-flood</c>.</summary>
public static partial class NetFindings
{
    private const string ListenWhy =
        "A listener's accept queue holds connections whose handshake is complete until the application calls accept(). When it holds its " +
        "backlog, the kernel drops the client's final ACK (TcpExt ListenOverflows, counted again in ListenDrops); the client thinks it is " +
        "connected, its first data is lost and it retransmits, so clients see connections that hang for a second or more, then time out. " +
        "The backlog is listen(2)'s argument silently capped at net.core.somaxconn (128 before Linux 5.4, 4096 since): an application that " +
        "asks for 4096 on an older kernel gets 128 and is never told.";

    private const string SynWhy =
        "Half-open connections (SYN received, SYN-ACK sent) wait in the listener's SYN queue, bounded by the backlog and " +
        "net.ipv4.tcp_max_syn_backlog. When it is full the kernel answers with SYN cookies (TcpExt SyncookiesSent) if net.ipv4.tcp_syncookies " +
        "allows, which keeps the service reachable but loses TCP options such as window scaling; without cookies it drops the SYN " +
        "(TCPReqQFullDrop) and clients retry after 1, 3, 7 s. A flood of SYNs that never complete (spoofed sources) fills it; so does a " +
        "backlog too small for a real burst of clients.";

    /// <summary><c>net.listen-overflow</c>: a listener's accept queue is full now, or connections were dropped by full queues in the window.</summary>
    public static IEnumerable<Finding> ListenOverflow(Context c)
    {
        var overflows = c.D("TcpExt_ListenOverflows");
        var drops = c.D("TcpExt_ListenDrops");
        var opens = c.D("Tcp_PassiveOpens");
        var listeners = c.Net.Listening.Value ?? [];
        var full = listeners.Where(l => l.IsFull).ToArray();
        if (overflows == 0 && full.Length == 0)
        {
            yield break;
        }

        var ratio = Percent(overflows, opens + overflows);
        var severity = Significant(overflows, opens + overflows) ? c.Settings.For(NetCheck.ListenOverflows).Evaluate(ratio) : Severity.Ok;
        if (full.Length > 0)
        {
            severity = severity.Worst(Severity.Warning);
        }

        if (severity == Severity.Ok)
        {
            yield break;
        }

        var somaxconn = c.Net.Sysctls.Value?.Somaxconn;
        var owners = c.Net.Root.IsLive || c.Net.Root.Exists("/proc/1/fd") ? SocketOwners.Find(c.Net.Root, full.Select(l => l.Inode).ToArray()) : new Dictionary<ulong, string>();
        var subject = full.Length > 0 ? string.Join(", ", full.Select(l => "port " + l.Port.ToString(CultureInfo.InvariantCulture)).Distinct()) : "TCP listeners";
        var now = full.Length > 0
            ? $"the accept queue of {string.Join(", ", full.Select(l => l.Endpoint))} is full now ({full[0].Queue} waiting, backlog {full[0].Backlog}); " : "";
        var summary = $"{now}{WithRate(c, overflows)} connection{(overflows == 1 ? "" : "s")} dropped by full accept queues {c.Window.Span} ({Pct(ratio)} of {N(opens + overflows)} incoming)";
        var evidence = new List<Evidence>
        {
            new("TcpExt ListenOverflows", WithRate(c, overflows), "/proc/net/netstat"),
            new("TcpExt ListenDrops", WithRate(c, drops), "/proc/net/netstat"),
            new("Tcp PassiveOpens", WithRate(c, opens), "/proc/net/snmp"),
            c.WindowEvidence(),
        };
        foreach (var l in full)
        {
            var capped = somaxconn is { } cap && l.Backlog == cap ? $" = net.core.somaxconn: the application's listen() backlog may have been capped to it" : "";
            evidence.Add(new Evidence(l.Endpoint, $"{l.Queue} waiting, backlog {l.Backlog}{capped}{(owners.TryGetValue(l.Inode, out var who) ? $"; held by {who}" : "")}",
                c.Net.Root.IsLive ? "sock_diag" : Listeners.TreePath));
        }

        if (somaxconn is { } max)
        {
            evidence.Add(new Evidence("net.core.somaxconn", max.ToString(CultureInfo.InvariantCulture), "/proc/sys/net/core/somaxconn"));
        }

        var data = new FindingData().Set("overflows", overflows).Set("drops", drops).Set("passive_opens", opens).Set("percent", Math.Round(ratio, 4))
            .Set("since_boot", c.Window.SinceBoot).Set("window_seconds", c.Window.Seconds).Set("somaxconn", somaxconn)
            .Set("full_ports", full.Length > 0 ? string.Join(",", full.Select(l => l.Port.ToString(CultureInfo.InvariantCulture)).Distinct()) : null);
        yield return new Finding("net.listen-overflow", severity, subject, summary, ListenWhy, evidence,
            "Find the listener whose queue fills (ss -ltn: Recv-Q at Send-Q) and why it accepts slowly: workers all busy, a blocked event loop, " +
            "a lock. Then raise its listen() backlog and net.core.somaxconn together (the smaller wins). A queue that fills only under bursts wants " +
            "a bigger backlog; one that stays full wants more workers.", data.Fields);
    }

    /// <summary><c>net.syn-flood</c>: SYN queues overflowed, answered with cookies or dropping SYNs.</summary>
    public static IEnumerable<Finding> SynFloodFinding(Context c)
    {
        var cookies = c.D("TcpExt_SyncookiesSent");
        var failed = c.D("TcpExt_SyncookiesFailed");
        var queueDrop = c.D("TcpExt_TCPReqQFullDrop");
        var queueCookies = c.D("TcpExt_TCPReqQFullDoCookies");
        var opens = c.D("Tcp_PassiveOpens");
        var lost = cookies + queueDrop;
        if (lost == 0)
        {
            yield break;
        }

        var ratio = Percent(lost, opens + lost);
        var severity = Significant(lost, opens + lost) ? c.Settings.For(NetCheck.SynFlood).Evaluate(ratio) : Severity.Ok;
        var syncookies = c.Net.Sysctls.Value?.TcpSyncookies;
        if (queueDrop > 0 && severity != Severity.Ok)
        {
            severity = Severity.Critical;   // not even cookies: SYNs were dropped, clients wait seconds to retry
        }

        if (severity == Severity.Ok)
        {
            yield break;
        }

        var logged = c.Window.SinceBoot || cookies > 0
            ? c.Host.KernelLog.Incidents.Where(i => i.Id == "log.syn-flood").Select(i => i.Subject).Distinct().Take(8).ToArray()
            : [];
        var subject = logged.Length > 0 ? string.Join(", ", logged) : "TCP listeners";
        var summary = $"{WithRate(c, lost)} SYN{(lost == 1 ? "" : "s")} met a full SYN queue {c.Window.Span} ({Pct(ratio)} of incoming): " +
            (queueDrop > 0 ? $"{N(queueDrop)} dropped" : $"answered with SYN cookies") + (logged.Length > 0 ? $"; the kernel log names {subject}" : "");
        var evidence = new List<Evidence>
        {
            new("TcpExt SyncookiesSent", WithRate(c, cookies), "/proc/net/netstat"),
            new("TcpExt SyncookiesFailed", WithRate(c, failed), "/proc/net/netstat"),
            new("TcpExt TCPReqQFullDoCookies", WithRate(c, queueCookies), "/proc/net/netstat"),
            new("TcpExt TCPReqQFullDrop", WithRate(c, queueDrop), "/proc/net/netstat"),
            new("Tcp PassiveOpens", WithRate(c, opens), "/proc/net/snmp"),
            c.WindowEvidence(),
        };
        if (syncookies is { } sc)
        {
            evidence.Add(new Evidence("net.ipv4.tcp_syncookies", sc switch { 0 => "0 (off: a full SYN queue drops SYNs)", 1 => "1 (cookies when the SYN queue is full)", _ => $"{sc} (cookies always)" },
                "/proc/sys/net/ipv4/tcp_syncookies"));
        }

        if (c.Net.Sysctls.Value?.TcpMaxSynBacklog is { } backlog)
        {
            evidence.Add(new Evidence("net.ipv4.tcp_max_syn_backlog", backlog.ToString(CultureInfo.InvariantCulture), "/proc/sys/net/ipv4/tcp_max_syn_backlog"));
        }

        var data = new FindingData().Set("syncookies_sent", cookies).Set("syncookies_failed", failed).Set("reqq_full_drop", queueDrop).Set("passive_opens", opens)
            .Set("percent", Math.Round(ratio, 4)).Set("since_boot", c.Window.SinceBoot).Set("window_seconds", c.Window.Seconds).Set("tcp_syncookies", syncookies)
            .Set("ports", logged.Length > 0 ? subject : null);
        yield return new Finding("net.syn-flood", severity, subject, summary, SynWhy, evidence,
            "Look at who sends the SYNs (ss -tn state syn-recv, or tcpdump 'tcp[tcpflags] == tcp-syn'). A flood of spoofed sources is for " +
            "upstream filtering; keep net.ipv4.tcp_syncookies=1 meanwhile. If the clients are real, raise the listener's backlog, " +
            "net.core.somaxconn and net.ipv4.tcp_max_syn_backlog, and make it accept faster.", data.Fields);
    }
}

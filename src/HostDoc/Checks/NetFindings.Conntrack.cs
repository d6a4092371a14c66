using System.Globalization;
using HostDoc.Findings;

namespace HostDoc.Checks;

/// <summary>The connection-tracking table: <c>net.conntrack-full</c>.</summary>
public static partial class NetFindings
{
    private const string ConntrackWhy =
        "With netfilter's connection tracking loaded (any stateful firewall rule, NAT, Docker), every flow needs an entry in the conntrack " +
        "table. At net.netfilter.nf_conntrack_max the kernel first evicts unreplied entries (early_drop), then drops the first packet of " +
        "every new flow and logs \"nf_conntrack: table full, dropping packet\": new connections fail while established ones carry on.";

    /// <summary><c>net.conntrack-full</c>: the table near nf_conntrack_max (warning from the threshold), critical once packets were dropped.</summary>
    public static IEnumerable<Finding> ConntrackFull(Context c)
    {
        var sysctls = c.Net.Sysctls.Value;
        if (sysctls?.ConntrackMax is not { } max || max == 0 || sysctls.ConntrackCount is not { } count)
        {
            yield break;
        }

        var percent = 100.0 * count / max;
        var severity = c.Settings.For(NetCheck.Conntrack).Evaluate(percent);
        var dropped = c.D("conntrack/drop");
        var early = c.D("conntrack/early_drop");
        var insertFailed = c.D("conntrack/insert_failed");
        var logged = c.Window.SinceBoot || dropped > 0 || severity != Severity.Ok
            ? c.Host.KernelLog.Incidents.Where(i => i.Id == "log.conntrack-full").ToArray()
            : [];
        if (logged.Length > 0 || (!c.Window.SinceBoot && dropped > 0))
        {
            severity = Severity.Critical;
        }
        else if (dropped + early > 0)
        {
            severity = severity.Worst(Severity.Warning);
        }

        if (severity == Severity.Ok)
        {
            yield break;
        }

        var summary = $"{N(count)} of {N(max)} conntrack entries in use ({Pct(percent)})" +
            (dropped > 0 ? $"; {WithRate(c, dropped)} packets of new flows dropped {c.Window.Span}" : "") +
            (logged.Length > 0 ? $"; the kernel log says the table was full {logged.Sum(i => i.Occurrences)} time(s), last at {logged.Max(i => i.LastSeen)}" : "");
        var evidence = new List<Evidence>
        {
            new("nf_conntrack_count", count.ToString(CultureInfo.InvariantCulture), "/proc/sys/net/netfilter/nf_conntrack_count"),
            new("nf_conntrack_max", max.ToString(CultureInfo.InvariantCulture), "/proc/sys/net/netfilter/nf_conntrack_max"),
            new("drop", WithRate(c, dropped), "/proc/net/stat/nf_conntrack"),
            new("early_drop", WithRate(c, early), "/proc/net/stat/nf_conntrack"),
            new("insert_failed", WithRate(c, insertFailed), "/proc/net/stat/nf_conntrack"),
            c.WindowEvidence(),
        };
        evidence.AddRange(logged.SelectMany(i => i.Lines.Take(2)).Select(l => new Evidence("log", l.Raw, l.Where)));
        var data = new FindingData().Set("count", count).Set("max", max).Set("percent", Math.Round(percent, 2)).Set("drop", dropped).Set("early_drop", early)
            .Set("insert_failed", insertFailed).Set("logged", logged.Length > 0).Set("since_boot", c.Window.SinceBoot);
        yield return new Finding("net.conntrack-full", severity, "conntrack table", summary, ConntrackWhy, evidence,
            "Raise net.netfilter.nf_conntrack_max (each entry is about 300 bytes) and nf_conntrack_buckets with it; see what fills it " +
            "(conntrack -L | awk '{print $3}' | sort | uniq -c); shorten nf_conntrack_tcp_timeout_* for short-lived flows, or exempt " +
            "high-volume traffic from tracking with a NOTRACK (raw table) rule.", data.Fields);
    }
}

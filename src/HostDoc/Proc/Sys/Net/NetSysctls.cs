using HostDoc.Sources;

namespace HostDoc.Proc.Sys.Net;

/// <summary>
/// The network sysctls the net check explains (Documentation/networking/ip-sysctl.rst, admin-guide/sysctl/net.rst):
/// <c>net/ipv4/tcp_syncookies</c>, <c>tcp_max_syn_backlog</c>, <c>net/core/somaxconn</c> (the cap on every
/// listen(2) backlog), <c>netdev_max_backlog</c>, <c>netdev_budget</c>, <c>netdev_budget_usecs</c> (4.12+),
/// <c>rmem_max</c>, and conntrack's <c>net/netfilter/nf_conntrack_count</c> and <c>_max</c> (only when the
/// module is loaded). A file this host lacks is null; values are per network namespace.
/// </summary>
public sealed record NetSysctls(
    ulong? TcpSyncookies, ulong? TcpMaxSynBacklog, ulong? Somaxconn, ulong? NetdevMaxBacklog, ulong? NetdevBudget, ulong? NetdevBudgetUsecs,
    ulong? RmemMax, ulong? ConntrackCount, ulong? ConntrackMax)
{
    /// <summary>Reads the files; an unreadable one that exists, or one that is not a number, is a problem.</summary>
    public static Sourced<NetSysctls> Read(HostRoot root)
    {
        var problems = new List<SourceProblem>();
        ulong? Get(string name)
        {
            var path = "/proc/sys/net/" + name;
            var text = root.ReadText(path, 256);
            if (text.Value is null)
            {
                problems.AddRange(text.Problems.Where(p => p.Kind != ProblemKind.Missing));
                return null;
            }

            if (KernelNumber.TryParseUnsigned(text.Value.AsSpan().Trim(), out var value))
            {
                return value;
            }

            problems.Add(SourceProblem.FromParse(path, ParseError.At(1, "a non-negative integer", text.Value.AsSpan().Trim(), name)));
            return null;
        }

        var sysctls = new NetSysctls(Get("ipv4/tcp_syncookies"), Get("ipv4/tcp_max_syn_backlog"), Get("core/somaxconn"), Get("core/netdev_max_backlog"),
            Get("core/netdev_budget"), Get("core/netdev_budget_usecs"), Get("core/rmem_max"), Get("netfilter/nf_conntrack_count"), Get("netfilter/nf_conntrack_max"));
        return Sourced<NetSysctls>.Partial(sysctls, problems);
    }
}

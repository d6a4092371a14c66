using System.Globalization;
using HostDoc.Findings;

namespace HostDoc.Checks;

/// <summary>The per-CPU receive backlog: <c>net.softnet-drops</c>.</summary>
public static partial class NetFindings
{
    private const string SoftnetWhy =
        "Received packets wait in a per-CPU backlog until the NET_RX softirq hands them up the stack. When the backlog already holds " +
        "net.core.netdev_max_backlog packets, the next one is dropped (softnet_stat's second column) before any socket or firewall sees it. " +
        "time_squeeze counts the times the softirq stopped with packets left because it spent net.core.netdev_budget packets or " +
        "netdev_budget_usecs: a CPU too busy for its receive load, which fills the backlog.";

    /// <summary><c>net.softnet-drops</c>: backlog drops above the threshold (warning or critical), or time squeezes worth knowing (info).</summary>
    public static IEnumerable<Finding> SoftnetDrops(Context c)
    {
        var cpus = c.Window.After.SoftnetCpus.Select(cpu => (Cpu: cpu, Processed: c.D(Cpu(cpu, "processed")), Dropped: c.D(Cpu(cpu, "dropped")),
            Squeezed: c.D(Cpu(cpu, "time_squeeze")))).ToArray();
        var processed = cpus.Sum(x => x.Processed);
        var dropped = cpus.Sum(x => x.Dropped);
        var squeezed = cpus.Sum(x => x.Squeezed);
        var percent = Percent(dropped, processed + dropped);
        var severity = Significant(dropped, processed) ? c.Settings.For(NetCheck.SoftnetDrops).Evaluate(percent) : Severity.Ok;
        if (severity == Severity.Ok && squeezed > 0 && Percent(squeezed, processed) >= 0.1)
        {
            severity = Severity.Info;
        }

        if (severity == Severity.Ok)
        {
            yield break;
        }

        var sysctls = c.Net.Sysctls.Value;
        var worst = cpus.Where(x => x.Dropped > 0 || x.Squeezed > 0).OrderByDescending(x => x.Dropped).ThenByDescending(x => x.Squeezed).ToArray();
        var summary = dropped > 0
            ? $"{WithRate(c, dropped)} packets dropped by full CPU backlogs {c.Window.Span} ({Pct(percent)} of {N(processed)}), most on CPU {worst[0].Cpu.ToString(CultureInfo.InvariantCulture)}" +
              (squeezed > 0 ? $"; {N(squeezed)} time squeezes" : "")
            : $"no backlog drops, but the receive softirq ran out of budget {N(squeezed)} times {c.Window.Span}";
        var evidence = worst.Take(16).Select(x => new Evidence($"CPU {x.Cpu.ToString(CultureInfo.InvariantCulture)}",
            $"processed {N(x.Processed)}, dropped {N(x.Dropped)}, time_squeeze {N(x.Squeezed)}", "/proc/net/softnet_stat")).ToList();
        evidence.Add(c.WindowEvidence());
        if (sysctls?.NetdevMaxBacklog is { } backlog)
        {
            evidence.Add(new Evidence("net.core.netdev_max_backlog", backlog.ToString(CultureInfo.InvariantCulture), "/proc/sys/net/core/netdev_max_backlog"));
        }

        if (sysctls?.NetdevBudget is { } budget)
        {
            evidence.Add(new Evidence("net.core.netdev_budget", budget.ToString(CultureInfo.InvariantCulture) + (sysctls.NetdevBudgetUsecs is { } us ? $" packets, netdev_budget_usecs {us}" : " packets"),
                "/proc/sys/net/core/netdev_budget"));
        }

        var data = new FindingData().Set("dropped", dropped).Set("processed", processed).Set("time_squeeze", squeezed).Set("percent", Math.Round(percent, 5))
            .Set("since_boot", c.Window.SinceBoot).Set("netdev_max_backlog", sysctls?.NetdevMaxBacklog).Set("netdev_budget", sysctls?.NetdevBudget);
        yield return new Finding("net.softnet-drops", severity, "softnet backlog", summary, SoftnetWhy, evidence,
            dropped > 0
                ? "Raise net.core.netdev_max_backlog (say 4× it), and spread receive work across CPUs: RSS queues with their irqs on different CPUs " +
                  "(hostdoc irq, hostdoc net), or RPS (/sys/class/net/IF/queues/rx-N/rps_cpus) for a NIC with one queue."
                : "Raise net.core.netdev_budget and netdev_budget_usecs if drops follow; spread the receive irqs over more CPUs.", data.Fields);
    }
}

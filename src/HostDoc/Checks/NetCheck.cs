using System.Globalization;
using HostDoc.Findings;
using HostDoc.Network;
using HostDoc.Sources;
using HostDoc.StateFiles;

namespace HostDoc.Checks;

/// <summary>
/// The network stack's own alarms, read from its counters: accept queues that overflow, SYN floods,
/// a conntrack table near full, softnet backlog drops, NIC errors and drops, links that flap, UDP
/// buffer errors. Counters since boot are judged as ratios (a burst a month ago still counts, so the
/// finding says "since boot"); with <c>--state FILE</c> each run judges what happened since the last
/// one, and with <c>--interval S</c> what happens in the next S seconds.
/// </summary>
public sealed class NetCheck : ICheck
{
    /// <summary>conntrack use, % of nf_conntrack_max.</summary>
    public static readonly ThresholdSpec Conntrack = ThresholdSpec.Of("conntrack", "connection-tracking table use, % of nf_conntrack_max; alerts above (default warning ~:80, critical ~:95)", "~:80", "~:95");

    /// <summary>Connections lost to full accept queues, % of incoming.</summary>
    public static readonly ThresholdSpec ListenOverflows = ThresholdSpec.Of("listen-overflows", "connections dropped by full accept queues, % of incoming (TcpExt ListenOverflows against Tcp PassiveOpens); alerts above (default warning ~:0.1, critical ~:1)", "~:0.1", "~:1");

    /// <summary>SYNs answered with cookies or dropped because the SYN queue was full, % of incoming.</summary>
    public static readonly ThresholdSpec SynFlood = ThresholdSpec.Of("syn-flood", "SYNs answered with cookies or dropped by a full SYN queue, % of incoming connections; alerts above (default warning ~:1, critical ~:10)", "~:1", "~:10");

    /// <summary>Packets dropped by full per-CPU backlogs, % of processed.</summary>
    public static readonly ThresholdSpec SoftnetDrops = ThresholdSpec.Of("softnet-drops", "packets dropped because a CPU's backlog held netdev_max_backlog, % of packets processed; alerts above (default warning ~:0.01, critical ~:1)", "~:0.01", "~:1");

    /// <summary>NIC errors, % of packets.</summary>
    public static readonly ThresholdSpec NicErrors = ThresholdSpec.Of("nic-errors", "receive and transmit errors of an interface (CRC, frame, FIFO, missed, carrier), % of its packets; alerts above (default warning ~:0.01, critical ~:1)", "~:0.01", "~:1");

    /// <summary>NIC drops, % of packets.</summary>
    public static readonly ThresholdSpec NicDrops = ThresholdSpec.Of("nic-drops", "packets an interface dropped (no buffer, no room in the ring, no handler), % of its packets; alerts above (default warning ~:1, critical ~:10)", "~:1", "~:10");

    /// <summary>Carrier changes.</summary>
    public static readonly ThresholdSpec CarrierChanges = ThresholdSpec.Of("carrier-changes", "times a link went down or up in the window (since boot: after its first up); alerts above (default warning ~:4, critical ~:20)", "~:4", "~:20");

    /// <summary>UDP buffer errors, % of datagrams.</summary>
    public static readonly ThresholdSpec UdpBufferErrors = ThresholdSpec.Of("udp-buffer-errors", "UDP datagrams lost to full socket buffers (RcvbufErrors, SndbufErrors), % of datagrams; alerts above (default warning ~:0.1, critical ~:1)", "~:0.1", "~:1");

    /// <inheritdoc />
    public string Name => "net";

    /// <inheritdoc />
    public string Description => "accept-queue overflows, SYN floods, conntrack, softnet drops, NIC errors, link flaps and UDP buffer errors, from the stack's counters";

    /// <inheritdoc />
    public IReadOnlyList<ThresholdSpec> Thresholds { get; } = [Conntrack, ListenOverflows, SynFlood, SoftnetDrops, NicErrors, NicDrops, CarrierChanges, UdpBufferErrors];

    /// <inheritdoc />
    public IReadOnlyList<CheckOption> Options { get; } =
    [
        new("state", true, "remember the counters in this file and judge what happened since the last run (default: the counters since boot)"),
        new("interval", true, "judge what the counters do over the next SECONDS instead (0.1 to 3600)"),
    ];

    /// <inheritdoc />
    public bool CanBlock => false;

    /// <inheritdoc />
    public IReadOnlyList<string> FindingIds { get; } =
        ["net.listen-overflow", "net.syn-flood", "net.conntrack-full", "net.softnet-drops", "net.nic-errors", "net.link-flapping", "net.udp-buffer-errors", "net.ok"];

    /// <inheritdoc />
    public CheckResult Run(HostModel host, CheckSettings settings)
    {
        var net = host.Network;
        if (net.Sample.Value is not { } now)
        {
            return CheckResult.Undecided(Name, "network counters", net.Sample.Problems);
        }

        var problems = new List<SourceProblem>(net.Sample.Problems);
        NetworkWindow window;
        if (settings.Values("interval") is [var text, ..])
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds is < 0.1 or > 3600)
            {
                return CheckResult.Undecided(Name, "network counters", [new SourceProblem("--interval", ProblemKind.Malformed, $"\"{text}\" is not a number of seconds from 0.1 to 3600")]);
            }

            host.Sampling.Sleep(TimeSpan.FromSeconds(seconds));
            var later = net.SampleAgain();
            problems.AddRange(later.Problems.Except(net.Sample.Problems));
            window = later.Value is { } after ? new NetworkWindow(now, after) : new NetworkWindow(null, now);
        }
        else if (settings.Values("state") is [var path, ..])
        {
            using var held = StateLock.Acquire(path, DateTime.UtcNow.AddSeconds(8), out var lockError);
            if (held is null)
            {
                return CheckResult.Undecided(Name, "network counters", [new SourceProblem(path, ProblemKind.IoError, lockError!)]);
            }

            var before = NetworkStateFile.Load(path, now, out var error);
            if (error is not null)
            {
                return CheckResult.Undecided(Name, "network counters", [new SourceProblem(path, ProblemKind.Malformed, error)]);
            }

            NetworkStateFile.Save(path, now);
            window = new NetworkWindow(before, now);
        }
        else
        {
            window = new NetworkWindow(null, now);
        }

        var context = new NetFindings.Context(window, net, host, settings);
        problems.AddRange(net.Sysctls.Problems);
        var findings = new List<Finding>();
        findings.AddRange(NetFindings.ListenOverflow(context));
        findings.AddRange(NetFindings.SynFloodFinding(context));
        findings.AddRange(NetFindings.ConntrackFull(context));
        findings.AddRange(NetFindings.SoftnetDrops(context));
        findings.AddRange(NetFindings.NicErrors(context));
        findings.AddRange(NetFindings.LinkFlapping(context));
        findings.AddRange(NetFindings.UdpBufferErrors(context));
        if (findings.Count == 0)
        {
            findings.Add(NetFindings.AllWell(context));
        }

        return new CheckResult(Name, findings, NetFindings.Measurements(context), problems);
    }
}

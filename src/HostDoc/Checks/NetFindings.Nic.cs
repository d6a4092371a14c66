using System.Globalization;
using HostDoc.Findings;
using HostDoc.Network;
using HostDoc.Sys.Net;

namespace HostDoc.Checks;

/// <summary>Interfaces: <c>net.nic-errors</c> and <c>net.link-flapping</c>.</summary>
public static partial class NetFindings
{
    private const string NicWhy =
        "An interface's errors are frames the NIC or driver could not take: CRC and frame errors are damaged on the wire (cable, connector, " +
        "optics, a duplex mismatch); FIFO, overrun and missed errors mean the NIC had nowhere to put a frame because the host did not empty " +
        "its receive ring in time (ring too small, its interrupt's CPU too busy); carrier errors are a link that was lost while sending. " +
        "Drops are packets the driver or stack discarded for want of a buffer, or with nothing to hand them to. TCP recovers by " +
        "retransmitting, slowly; UDP and the applications above it just lose data.";

    private const string FlapWhy =
        "carrier_changes counts each time the link lost or regained its carrier. A link that flaps renegotiates every time; while it is " +
        "down every packet is lost, bonds fail over and back, and routing protocols or clusters may react. A cable, a port, optics or " +
        "a peer switch rebooting; in a VM, the hypervisor re-plugging the virtual link.";

    private static readonly string[] ErrorCounters =
    [
        "rx_crc_errors", "rx_frame_errors", "rx_length_errors", "rx_fifo_errors", "rx_over_errors", "rx_missed_errors", "rx_nohandler",
        "tx_carrier_errors", "tx_fifo_errors", "tx_aborted_errors", "tx_heartbeat_errors", "tx_window_errors", "collisions",
    ];

    /// <summary><c>net.nic-errors</c>: per interface, errors or drops against its packets.</summary>
    public static IEnumerable<Finding> NicErrors(Context c)
    {
        foreach (var name in c.Window.After.Interfaces.Where(n => n != "lo").Order(StringComparer.Ordinal))
        {
            var packets = c.D(Dev(name, "rx_packets"), Dev(name, "tx_packets"));
            var errors = c.D(Dev(name, "rx_errors"), Dev(name, "tx_errors"));
            var drops = c.D(Dev(name, "rx_dropped"), Dev(name, "tx_dropped"), Dev(name, "rx_missed_errors"));
            var errorPercent = Percent(errors, packets + errors);
            var dropPercent = Percent(drops, packets + drops);
            var severity = (Significant(errors, packets) ? c.Settings.For(NetCheck.NicErrors).Evaluate(errorPercent) : Severity.Ok)
                .Worst(Significant(drops, packets) ? c.Settings.For(NetCheck.NicDrops).Evaluate(dropPercent) : Severity.Ok);
            if (severity == Severity.Ok)
            {
                continue;
            }

            var nic = c.Net.Interfaces.FirstOrDefault(i => i.Name == name);
            var detail = ErrorCounters.Select(k => (Name: k, Value: c.D(Dev(name, k)))).Where(x => x.Value > 0).ToArray();
            var evidence = new List<Evidence>
            {
                new("packets", $"received {N(c.D(Dev(name, "rx_packets")))}, sent {N(c.D(Dev(name, "tx_packets")))}", Source(nic, name)),
                new("errors", $"receive {WithRate(c, c.D(Dev(name, "rx_errors")))}, transmit {WithRate(c, c.D(Dev(name, "tx_errors")))} ({Pct(errorPercent)})", Source(nic, name)),
                new("drops", $"receive {WithRate(c, c.D(Dev(name, "rx_dropped")))}, transmit {WithRate(c, c.D(Dev(name, "tx_dropped")))}" +
                    $"{(c.D(Dev(name, "rx_missed_errors")) is > 0 and var missed ? $", missed {N(missed)}" : "")} ({Pct(dropPercent)})", Source(nic, name)),
            };
            evidence.AddRange(detail.Select(d => new Evidence(d.Name, WithRate(c, d.Value), Source(nic, name))));
            evidence.Add(new Evidence("link", Link(nic), $"/sys/class/net/{name}"));
            evidence.Add(c.WindowEvidence());
            var wire = detail.Any(d => d.Name is "rx_crc_errors" or "rx_frame_errors" or "rx_length_errors");
            var ring = detail.Any(d => d.Name is "rx_fifo_errors" or "rx_over_errors" or "rx_missed_errors");
            var halfDuplex = nic?.Attribute("duplex") == "half" && detail.Any(d => d.Name == "collisions");
            var summary = $"{name} had {(errors > 0 ? $"{WithRate(c, errors)} errors ({Pct(errorPercent)})" : "")}{(errors > 0 && drops > 0 ? ", " : "")}" +
                $"{(drops > 0 ? $"{WithRate(c, drops)} drops ({Pct(dropPercent)})" : "")} of {N(packets)} packets {c.Window.Span}" +
                (wire ? ": damaged frames on the wire" : ring ? ": the receive ring overran" : "");
            var advice = (wire ? "CRC/frame errors: swap the cable, clean or replace the optics, try another switch port; check both ends agree on speed and duplex (ethtool IF). " : "")
                + (halfDuplex ? "Half duplex with collisions: a duplex mismatch; set both ends to autonegotiate. " : "")
                + (ring ? "FIFO/missed/overrun: enlarge the receive ring (ethtool -g IF; ethtool -G IF rx N) and give the NIC's irqs CPUs of their own (hostdoc irq). " : "")
                + (drops > 0 ? "Drops: ethtool -S IF names the driver's reason; rx_nohandler is traffic for a protocol nothing listens for (harmless); a full backlog shows in net.softnet-drops." : "");
            var data = new FindingData().Set("interface", name).Set("packets", packets).Set("errors", errors).Set("drops", drops)
                .Set("error_percent", Math.Round(errorPercent, 5)).Set("drop_percent", Math.Round(dropPercent, 5)).Set("driver", nic?.Driver).Set("since_boot", c.Window.SinceBoot);
            yield return new Finding("net.nic-errors", severity, name, summary, NicWhy, evidence, advice.Trim(), data.Fields);
        }
    }

    /// <summary><c>net.link-flapping</c>: carrier changes above the threshold.</summary>
    public static IEnumerable<Finding> LinkFlapping(Context c)
    {
        var thresholds = c.Settings.For(NetCheck.CarrierChanges);
        foreach (var name in c.Window.After.Interfaces.Where(n => n != "lo").Order(StringComparer.Ordinal))
        {
            if (c.Window.Delta(Dev(name, "carrier_changes")) is not { } changes)
            {
                continue;
            }

            var flaps = c.Window.SinceBoot ? Math.Max(0, changes - 2) : changes;   // since boot: the first down→up of bringing it up is no flap
            var severity = thresholds.Evaluate(flaps);
            if (severity == Severity.Ok)
            {
                continue;
            }

            var nic = c.Net.Interfaces.FirstOrDefault(i => i.Name == name);
            var evidence = new List<Evidence>
            {
                new("carrier_changes", WithRate(c, changes), $"/sys/class/net/{name}/carrier_changes"),
                new("carrier up / down", $"{nic?.Attribute("carrier_up_count") ?? "?"} / {nic?.Attribute("carrier_down_count") ?? "?"} since the interface was created", $"/sys/class/net/{name}"),
                new("link", Link(nic), $"/sys/class/net/{name}"),
                c.WindowEvidence(),
            };
            var data = new FindingData().Set("interface", name).Set("carrier_changes", changes).Set("flaps", flaps).Set("operstate", nic?.OperState).Set("since_boot", c.Window.SinceBoot);
            yield return new Finding("net.link-flapping", severity, name,
                $"{name}'s link went down or up {N(flaps)} times {c.Window.Span}{(c.Window.SinceBoot ? " (besides coming up)" : "")}; it is {nic?.OperState ?? "in an unknown state"} now",
                FlapWhy, evidence,
                "Look at the switch port's log and error counters, reseat or replace the cable and optics; the kernel log shows each 'Link is Down'/'Link is Up' with its time. " +
                "A bond member that flaps should be taken out until fixed.", data.Fields);
        }
    }

    private static string Source(NetInterface? nic, string name) => nic is { Statistics.Count: > 0 } ? $"/sys/class/net/{name}/statistics" : "/proc/net/dev";

    private static string Link(NetInterface? nic) =>
        nic is null ? "no sysfs entry"
        : $"{nic.OperState ?? "?"}, {(nic.SpeedMbps is { } s ? $"{s.ToString(CultureInfo.InvariantCulture)} Mb/s" : "speed unknown")}, {nic.Attribute("duplex") ?? "duplex unknown"} duplex, driver {NicDriver.Of(nic.Driver, nic.Name).Meaning}";
}

using HostDoc.Checks;
using HostDoc.Findings;
using HostDoc.Network;
using HostDoc.Sys.Net;
using Xunit;

namespace HostDoc.Tests.Checks;

public sealed class NetCheckTests
{
    [Fact]
    public void A_namespace_after_real_incidents_gets_every_finding_with_its_subject()
    {
        var result = Fixtures.Run("netns-incidents", "net");
        var byId = result.Findings.ToLookup(f => f.Id);
        var listen = Assert.Single(byId["net.listen-overflow"]);
        Assert.Equal((Severity.Critical, "port 8080"), (listen.Severity, listen.Subject));
        Assert.Equal("8080", FindingData.TextOf(listen.Data, "full_ports"));
        Assert.Contains(listen.Evidence, e => e.Label == "127.0.0.1:8080" && e.Value.StartsWith("5 waiting, backlog 4", StringComparison.Ordinal));
        Assert.Equal(Severity.Critical, Assert.Single(byId["net.syn-flood"]).Severity);
        Assert.Contains("283 SYNs met a full SYN queue", byId["net.syn-flood"].Single().Summary, StringComparison.Ordinal);
        var nic = Assert.Single(byId["net.nic-errors"]);
        Assert.Equal(("hd-a", Severity.Critical), (nic.Subject, nic.Severity));
        var flap = Assert.Single(byId["net.link-flapping"]);
        Assert.Equal(("hd-a", Severity.Warning), (flap.Subject, flap.Severity));
        Assert.Equal(Severity.Critical, Assert.Single(byId["net.udp-buffer-errors"]).Severity);
        Assert.Empty(byId["net.ok"]);
        Assert.Empty(byId["net.softnet-drops"]);
        Assert.Empty(byId["net.conntrack-full"]);
    }

    [Theory]
    [InlineData("vm-6.18-net")]
    [InlineData("node-exporter-1.5.0")]
    public void Quiet_hosts_are_ok_and_say_what_was_looked_at(string scenario)
    {
        var result = Fixtures.Run(scenario, "net");
        var ok = Assert.Single(result.Findings);
        Assert.Equal(("net.ok", Severity.Ok), (ok.Id, ok.Severity));
        Assert.DoesNotContain(result.Problems, p => p.Kind != Sources.ProblemKind.Missing);
    }

    [Fact]
    public void Thresholds_move_the_verdict_and_conntrack_is_what_w_and_c_set()
    {
        static NagiosRange Range(string text) => NagiosRange.TryParse(text, out var range, out _) ? range : throw new ArgumentException(text);
        var none = new Dictionary<string, NagiosRange>
        {
            ["listen-overflows"] = Range("~:99"), ["syn-flood"] = Range("~:99"), ["nic-drops"] = Range("~:99"), ["carrier-changes"] = Range("~:100"), ["udp-buffer-errors"] = Range("~:99"),
        };
        var loose = Fixtures.Run("netns-incidents", "net", new CheckSettings(none, none));
        Assert.All(loose.Findings.Where(f => f.Id != "net.listen-overflow"), f => Assert.Equal(Severity.Ok, f.Severity));
        Assert.Equal(Severity.Warning, loose.Findings.Single(f => f.Id == "net.listen-overflow").Severity);   // its queue is full now, whatever the ratio
        Assert.Equal("conntrack", new NetCheck().Thresholds[0].Key);
    }

    [Fact]
    public void With_a_state_file_the_second_run_judges_only_what_happened_since_the_first()
    {
        using var tree = new TempTree();
        var state = Path.Combine(tree.Dir, "net.state");
        var settings = new CheckSettings(new Dictionary<string, NagiosRange>(), new Dictionary<string, NagiosRange>(), new Dictionary<string, IReadOnlyList<string>> { ["state"] = [state] });
        var first = Fixtures.Run("netns-incidents", "net", settings);
        Assert.Contains(first.Findings, f => f.Severity == Severity.Critical);
        Assert.StartsWith(NetworkStateFile.Schema + "\n", File.ReadAllText(state), StringComparison.Ordinal);
        var second = Fixtures.Run("netns-incidents", "net", settings);
        // Same counters: nothing new since the last run, except the listener whose queue is still full.
        Assert.Equal(["net.listen-overflow"], second.Findings.Select(f => f.Id));
        Assert.Equal(Severity.Warning, second.Findings[0].Severity);
        Assert.Contains(second.Findings[0].Evidence, e => e.Label == "window" && e.Value == "since the last run");

        File.WriteAllText(state, "not a state\n");
        var broken = Fixtures.Run("netns-incidents", "net", settings);
        Assert.Equal(Severity.Unknown, broken.Worst);
        Assert.Contains("not a hostdoc.net-state/1 state file", string.Join("; ", broken.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_handles_wraps_resets_and_a_state_from_another_boot()
    {
        var before = new NetworkSample(100, "boot-a", new Dictionary<string, double>
        {
            ["softnet/0/dropped"] = 4294967290, ["dev/eth0/rx_packets"] = 500, ["dev/eth0/ifindex"] = 2, ["dev/eth1/rx_packets"] = 900, ["dev/eth1/ifindex"] = 3,
            ["Tcp_PassiveOpens"] = 50,
        });
        var after = new NetworkSample(160, "boot-a", new Dictionary<string, double>
        {
            ["softnet/0/dropped"] = 4, ["dev/eth0/rx_packets"] = 20, ["dev/eth0/ifindex"] = 7, ["dev/eth1/rx_packets"] = 950, ["dev/eth1/ifindex"] = 3,
            ["Tcp_PassiveOpens"] = 40,
        });
        var window = new NetworkWindow(before, after);
        Assert.Equal(60, window.Seconds);
        Assert.Equal(10, window.Delta("softnet/0/dropped"));   // a 32-bit counter wrapped
        Assert.Equal(20, window.Delta("dev/eth0/rx_packets"));  // another eth0 (new ifindex): counts from zero
        Assert.Equal(50, window.Delta("dev/eth1/rx_packets"));
        Assert.Equal(40, window.Delta("Tcp_PassiveOpens"));     // went down: reset
        Assert.Null(window.Delta("Udp_InDatagrams"));
        Assert.Equal("in the last 1 min", window.Span);

        using var tree = new TempTree();
        var path = Path.Combine(tree.Dir, "s");
        NetworkStateFile.Save(path, before);
        Assert.Equal(before.Counters, NetworkStateFile.Load(path, after, out var error)!.Counters);
        Assert.Null(error);
        Assert.Null(NetworkStateFile.Load(path, after with { BootId = "boot-b" }, out _));
        Assert.Null(NetworkStateFile.Load(path, after with { BootId = null, UptimeSeconds = 50 }, out _));
    }

    [Fact]
    public void Interfaces_carry_their_driver_ids_and_the_irqs_of_the_pci_function_under_virtio()
    {
        var eth0 = NetClass.Read(Fixtures.Root("vm-6.18-net")).Single(i => i.Name == "eth0");
        Assert.Equal(("virtio_net", "virtio", "0x1af4", "0x1041"), (eth0.Driver, eth0.Bus, eth0.VendorId, eth0.DeviceId));
        Assert.Equal([37, 38, 39], eth0.MsiIrqs);
        Assert.Null(eth0.SpeedMbps);   // -1: virtio does not say
        Assert.Equal(NicKind.Paravirtual, NicDriver.Of(eth0.Driver, eth0.Name).Kind);
        Assert.Equal(NicKind.Emulated, NicDriver.Of("e1000", "enp0s3").Kind);

        // node_exporter's tree: bonding_masters is a file beside the interfaces, and its eth0 a dangling link stored as a file.
        Assert.Equal(["bond0", "dmz", "int"], NetClass.Read(Fixtures.Root("node-exporter-1.5.0")).Select(i => i.Name));
    }
}

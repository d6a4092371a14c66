using System.Net;
using HostDoc.Proc;
using HostDoc.Proc.Net;
using Xunit;

namespace HostDoc.Tests.Proc.Net;

/// <summary>The /proc/net parsers on captured files (this VM's, node_exporter's fixtures, a namespace after real incidents) and on the odd lines of other kernels.</summary>
public sealed class ProcNetTests
{
    [Fact]
    public void Softnet_reads_every_generation_and_takes_the_cpu_from_its_column_when_the_kernel_prints_it()
    {
        var v6 = SoftnetStat.Parse(Fixtures.Text("vm-6.18-net", "/proc/net/softnet_stat"));
        Assert.True(v6.Success);
        Assert.Equal([(0, 15), (1, 15)], v6.Value.Select(c => (c.Cpu, c.Columns)));
        Assert.Equal(1u, v6.Value[1].TimeSqueeze);
        Assert.Equal(0u, v6.Value[1].BacklogLength);

        var v3 = SoftnetStat.Parse(Fixtures.Text("node-exporter-1.5.0", "/proc/net/softnet_stat"));
        Assert.Equal([(0, 0x49279u, 0u), (1, 0xdfb82u, 0x29u), (2, 0x551c3fu, 0u), (3, 0x2f8339u, 0u)], v3.Value.Select(c => (c.Cpu, c.Processed, c.Dropped)));
        Assert.All(v3.Value, c => Assert.Null(c.BacklogLength));

        // 2.6: nine columns; 5.10 with CPU 1 offline: the kernel's own CPU column says 2, not the line's position 1.
        var old = SoftnetStat.Parse("0001e240 00000005 00000002 00000000 00000000 00000000 00000000 00000000 00000003\n");
        Assert.Equal((0, 123456u, 5u, 2u, 3u, (uint?)null), (old.Value[0].Cpu, old.Value[0].Processed, old.Value[0].Dropped, old.Value[0].TimeSqueeze, old.Value[0].CpuCollision, old.Value[0].ReceivedRps));
        var offline = SoftnetStat.Parse(
            "00000010 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n" +
            "00000020 00000001 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000004 00000002\n");
        Assert.Equal([0, 2], offline.Value.Select(c => c.Cpu));
        Assert.Equal(4u, offline.Value[1].BacklogLength);
    }

    [Theory]
    [InlineData("00000010 0000000g 00000000")]   // not hex
    [InlineData("00000010 00000001")]            // torn
    [InlineData("1000000000 00000000 00000000")] // wider than the kernel's %08x of a 32-bit value
    public void Softnet_reports_a_damaged_line_and_keeps_the_others(string bad)
    {
        var parsed = SoftnetStat.Parse($"00000001 00000000 00000000\n{bad}\n00000002 00000000 00000000\n");
        Assert.Single(parsed.Errors);
        Assert.Equal(2, parsed.Errors[0].Line);
        Assert.Equal([0, 1], parsed.Value.Select(c => c.Cpu));
    }

    [Fact]
    public void Net_dev_reads_the_table_and_the_glued_names_of_old_kernels()
    {
        var parsed = NetDev.Parse(Fixtures.Text("vm-6.18-net", "/proc/net/dev"));
        Assert.True(parsed.Success);
        var eth0 = parsed.Value.Single(d => d.Name == "eth0");
        Assert.True(eth0.ReceiveBytes > 0 && eth0.TransmitPackets > 0);

        var old = NetDev.Parse("Inter-|   Receive |  Transmit\n face |bytes packets|bytes\n  eth0:1234567 10 0 0 0 0 0 0 7654321 9 0 0 0 0 0 0\n  eth1: 1 2 3\n");
        Assert.Equal(("eth0", 1234567UL, 7654321UL), (old.Value[0].Name, old.Value[0].ReceiveBytes, old.Value[0].TransmitBytes));
        Assert.Equal(4, Assert.Single(old.Errors).Line);
    }

    [Fact]
    public void Snmp6_keys_are_split_after_the_protocol_as_node_exporter_names_them()
    {
        var counters = new Dictionary<string, double>();
        var errors = Snmp6.Parse(Fixtures.Text("node-exporter-1.5.0", "/proc/net/snmp6"), counters);
        Assert.Empty(errors);
        Assert.Equal(460, counters["Ip6_InOctets"]);
        Assert.Contains("Icmp6_OutType133", counters.Keys);
        Assert.Contains("UdpLite6_InErrors", counters.Keys);

        var bad = Snmp6.Parse("Ip6InReceives 4\nIp6 5\nnonsense\nUdp6InDatagrams x\n", counters);
        Assert.Equal([2, 3, 4], bad.Select(e => e.Line));
    }

    [Fact]
    public void Sockstat_keeps_every_protocol_and_rejects_a_torn_line()
    {
        var both = Sockstat.Read(Fixtures.Root("node-exporter-1.5.0"));
        Assert.True(both.IsClean);
        Assert.Equal(229UL, both.Value!.Get("sockets", "used"));
        Assert.Equal(17UL, both.Value.Get("TCP6", "inuse"));
        Assert.Equal(1UL, both.Value.Get("TCP", "mem"));

        var torn = Sockstat.Parse("TCP: inuse 4 orphan\nUDP: inuse 1 mem 2\n");
        Assert.Equal(1, Assert.Single(torn.Errors).Line);
        Assert.Equal(2UL, torn.Value.Get("UDP", "mem"));
    }

    [Fact]
    public void Tcp_reads_ipv4_and_ipv6_listeners_with_their_accept_queues()
    {
        var v4 = TcpSockets.Parse(Fixtures.Text("netns-incidents", "/proc/net/tcp"));
        Assert.True(v4.Success, string.Join("; ", v4.Errors));
        var busy = v4.Value.Listeners.Single(l => l.LocalPort == 8080);
        Assert.Equal((IPAddress.Loopback, 5u), (busy.LocalAddress, busy.RxQueue));
        Assert.True(v4.Value.States.GetValueOrDefault(TcpState.Established) > 0);

        const string v6 =
            "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n" +
            "   0: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000003 00:00000000 00000000     0        0 22781 1 0000000000000000 100 0 0 10 0\n" +
            "   1: 00000000000000000000000001000000:0277 00000000000000000000000001000000:A1B2 01 00000000:00000000 00:00000000 00000000   101        0 39810 1 0000000000000000 20 4 30 10 -1\n" +
            "   2: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:D3C4 0A 00000000:00000000\n";
        var parsed = TcpSockets.Parse(v6);
        var ssh = Assert.Single(parsed.Value.Listeners);
        Assert.Equal((IPAddress.IPv6Any, 22, 3u, 22781UL), (ssh.LocalAddress, ssh.LocalPort, ssh.RxQueue, ssh.Inode));
        Assert.Equal(1, parsed.Value.States[TcpState.Established]);
        Assert.Equal(4, Assert.Single(parsed.Errors).Line);   // torn after the queues
    }

    [Theory]
    [InlineData("   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0")]   // uid, timeout, no inode
    [InlineData("   0: 0100007:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1 1")]   // a 7-digit address
    [InlineData("   0: 0100007F:1F9000 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1 1")] // a port past 65535
    [InlineData("   0: 0100007F:1F90 00000000:0000 0A 00000000-00000000 00:00000000 00000000 0 0 1 1")] // queues without their colon
    public void Tcp_reports_a_damaged_line(string line)
    {
        var parsed = TcpSockets.Parse(line);
        Assert.Single(parsed.Errors);
        Assert.Empty(parsed.Value.Listeners);
    }

    [Fact]
    public void Conntrack_stat_sums_the_cpus_by_the_names_of_old_and_new_headers()
    {
        var old = ConntrackStat.Parse(Fixtures.Text("node-exporter-1.5.0", "/proc/net/stat/nf_conntrack"));
        Assert.True(old.Success);
        Assert.Equal((0x21UL, 89738UL, 53UL, 7UL), (old.Value["entries"]!.Value, old.Value["ignore"]!.Value, old.Value["invalid"]!.Value, old.Value["search_restart"]!.Value));
        Assert.NotNull(old.Value["searched"]);

        var current = ConntrackStat.Parse(Fixtures.Text("vm-6.18-net", "/proc/net/stat/nf_conntrack"));
        Assert.True(current.Success);
        Assert.NotNull(current.Value["clashres"]);
        Assert.Null(current.Value["searched"]);

        var damaged = ConntrackStat.Parse("entries drop\n00000001 00000002\n00000001\n00000001 zz\n");
        Assert.Equal([3, 4], damaged.Errors.Select(e => e.Line));
        Assert.Equal(2UL, damaged.Value["drop"]);
    }

    [Fact]
    public void Consoles_read_flags_and_device_numbers()
    {
        var parsed = Consoles.Parse(Fixtures.Text("vm-6.18-net", "/proc/consoles") + "tty0                 -WU (E  p  )    4:7\nnetcon0              -W- (E     )\nttyS1 ???\n");
        Assert.Equal(3, parsed.Value.Count);
        var serial = parsed.Value[0];
        Assert.Equal(("ttyS0", true, true, true, "4:64"), (serial.Name, serial.Preferred, serial.Enabled, serial.CanWrite, serial.Device?.ToString()));
        Assert.True(parsed.Value[1].CanUnblank);
        Assert.Null(parsed.Value[2].Device);
        Assert.Equal(4, Assert.Single(parsed.Errors).Line);
    }

    [Fact]
    public void Protocol_counters_read_netstat_snmp_and_snmp6_and_a_missing_snmp6_is_no_problem()
    {
        var all = NetCounters.Read(Fixtures.Root("node-exporter-1.5.0"));
        Assert.True(all.IsClean, string.Join("; ", all.Problems));
        Assert.Equal(9, all.Value!["Udp6_RcvbufErrors"]);
        Assert.NotNull(all.Value["TcpExt_ListenOverflows"]);
        Assert.NotNull(all.Value["Tcp_PassiveOpens"]);

        using var tree = new TempTree();
        tree.CopyFrom("node-exporter-1.5.0", "/proc/net/netstat");
        tree.CopyFrom("node-exporter-1.5.0", "/proc/net/snmp");
        var v4only = NetCounters.Read(tree.Root);
        Assert.True(v4only.IsClean);
        Assert.Null(v4only.Value!["Ip6_InOctets"]);
    }
}
